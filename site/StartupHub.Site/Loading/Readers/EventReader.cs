using StartupHub.Site.Content;

namespace StartupHub.Site.Loading.Readers;

/// <summary>content/events/*.md → <see cref="Event"/>. Session HH:mm times become full JST date-times on the event's day.</summary>
internal static class EventReader
{
    public static readonly string[] Keys = PublishingKeys.With(
        "title", "series", "city", "venue", "start", "end", "summary", "registration", "sessions", "status", "videos", "report", "image");

    public static readonly string[] SessionKeys =
        ["id", "kind", "title", "start", "end", "capacity", "light_meal", "registration", "speakers", "companies", "description"];

    private static readonly string[] RegistrationKeys = ["opens", "closes"];
    private static readonly string[] ReportKeys = ["attendance", "summary"];

    public static Event Read(Fields f, string slug, string sourcePath, string body)
    {
        var start = f.RequiredDateTime("start");
        if (!f.Has("sessions") || f.Node("sessions") is YSequence { Items.Count: 0 })
            f.ReportMissing("sessions");
        var registration = f.Mapping("registration", RegistrationKeys);
        var report = f.Mapping("report", ReportKeys);
        return new Event
        {
            Slug = slug,
            SourcePath = sourcePath,
            Body = body,
            Publishing = f.Publishing(),
            Title = f.RequiredString("title"),
            Series = f.RequiredEnum<EventSeries>("series"),
            City = f.RequiredEnum<City>("city"),
            Venue = f.RequiredString("venue"),
            Start = start,
            End = f.RequiredDateTime("end"),
            Summary = f.RequiredString("summary"),
            Registration = registration is null
                ? null
                : new RegistrationWindow(registration.RequiredDateTime("opens"), registration.RequiredDateTime("closes")),
            Sessions = [.. f.MappingList("sessions", SessionKeys).Select(s => Session(s, start))],
            Status = f.Enum<EventStatus>("status") ?? EventStatus.Scheduled,
            Videos = f.StringList("videos"),
            Report = report is null ? null : new EventReport(report.Int("attendance"), report.String("summary")),
            Image = f.Image("image"),
        };
    }

    private static Session Session(Fields s, DateTimeOffset eventStart)
    {
        var start = Required(s, "start");
        var end = Required(s, "end");
        return new Session
        {
            Id = s.RequiredString("id"),
            Kind = s.RequiredEnum<SessionKind>("kind"),
            Title = s.RequiredString("title"),
            Start = Jst.On(eventStart, start),
            End = Jst.On(eventStart, end),
            Capacity = s.RequiredInt("capacity"),
            LightMeal = s.Bool("light_meal") ?? false,
            Registration = s.Bool("registration") ?? true,
            Speakers = s.StringList("speakers"),
            Companies = s.StringList("companies"),
            Description = s.String("description"),
        };
    }

    private static TimeOnly Required(Fields s, string key)
    {
        var time = s.Time(key);
        if (time is null && !s.Has(key))
            s.ReportMissing(key);
        return time ?? TimeOnly.MinValue;
    }
}
