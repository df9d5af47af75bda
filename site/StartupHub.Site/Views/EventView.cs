using StartupHub.Site.Content;
using StartupHub.Site.Loading;

namespace StartupHub.Site.Views;

/// <summary>An event with the derived fields of docs/content-model.md (state from the build's clock).</summary>
public sealed class EventView(Event e, ViewIndex index) : IContentView
{
    string IContentView.ReadKey { get; } = Build.Incremental.PageReads.Item(e.SourcePath);

    private readonly EventState _state = WithFormsSetting(EventStates.StateAt(e, index.Now), index.FormsOpen);

    /// <summary>
    /// After the contract (site.yml <c>forms: closed</c>) no event takes registrations, so an event that the
    /// clock alone would call 受付前/受付中 is shown as 受付終了 everywhere its state appears.
    /// </summary>
    private static EventState WithFormsSetting(EventState state, bool formsOpen) =>
        !formsOpen && state is EventState.Before or EventState.Open ? EventState.Closed : state;

    internal Event Item => e;

    public string Slug => e.Slug;

    public string Url => $"/events/{e.Slug}/";

    public string IcsUrl => $"/events/{e.Slug}/event.ics";

    public string Title => e.Title;

    public string Series => KebabCase.Of(e.Series);

    public string SeriesLabel => Labels.Of(e.Series);

    public string SeriesUrl => $"/events/series/{Series}/";

    public string City => KebabCase.Of(e.City);

    public string CityLabel => Labels.Of(e.City);

    public string CityUrl => $"/events/{City}/";

    public VenueView? Venue => index.Venue(e.Venue);

    public DateTimeOffset Start => e.Start;

    public DateTimeOffset End => e.End;

    public string Summary => e.Summary;

    public RegistrationWindow? Registration => e.Registration;

    private IReadOnlyList<SessionView>? _sessions;

    public IReadOnlyList<SessionView> Sessions => _sessions ??= [.. e.Sessions.Select(s => new SessionView(s, index, ((IContentView)this).ReadKey))];

    public string Status => KebabCase.Of(e.Status);

    public string StatusLabel => Labels.Of(e.Status);

    public string State => KebabCase.Of(_state);

    public string StateLabel => Labels.Of(_state);

    public bool IsPast => index.Now >= e.End;

    public IReadOnlyList<string> Videos => e.Videos;

    public IReadOnlyList<VideoView> VideoItems => index.VideosBySlug(e.Videos);

    public EventReport? Report => e.Report;

    public ImageRef? Image => e.Image;

    public string Content => index.Html(e);
}
