namespace StartupHub.Site.Content;

/// <summary>The spec's event types (第5 1).</summary>
public enum EventSeries
{
    /// <summary>著名起業家参加会</summary>
    Notable,

    /// <summary>通常会</summary>
    Regular,

    /// <summary>支援機関向けセミナー</summary>
    SupportOrg,

    /// <summary>地域開催 (柏市・木更津市)</summary>
    Regional,
}

public enum SessionKind
{
    Seminar,
    Mentoring,
    Networking,
    Pitch,
    InfoExchange,
}

public enum EventStatus
{
    Scheduled,
    Cancelled,
    Postponed,
}

public sealed record RegistrationWindow(DateTimeOffset Opens, DateTimeOffset Closes);

/// <summary>One 参加枠 of an event. Times are full JST date-times (the YAML gives HH:mm on the event's day).</summary>
public sealed record Session
{
    public required string Id { get; init; }
    public required SessionKind Kind { get; init; }
    public required string Title { get; init; }
    public required DateTimeOffset Start { get; init; }
    public required DateTimeOffset End { get; init; }
    public required int Capacity { get; init; }
    public bool LightMeal { get; init; }
    public bool Registration { get; init; } = true;
    public IReadOnlyList<string> Speakers { get; init; } = [];
    public IReadOnlyList<string> Companies { get; init; } = [];
    public string? Description { get; init; }
}

public sealed record EventReport(int? Attendance, string? Summary);

/// <summary>content/events/*.md</summary>
public sealed record Event : ContentItem
{
    public required string Title { get; init; }
    public required EventSeries Series { get; init; }
    public required City City { get; init; }
    public required string Venue { get; init; }
    public required DateTimeOffset Start { get; init; }
    public required DateTimeOffset End { get; init; }
    public required string Summary { get; init; }
    public RegistrationWindow? Registration { get; init; }
    public IReadOnlyList<Session> Sessions { get; init; } = [];
    public EventStatus Status { get; init; } = EventStatus.Scheduled;
    public IReadOnlyList<string> Videos { get; init; } = [];
    public EventReport? Report { get; init; }
    public ImageRef? Image { get; init; }
}
