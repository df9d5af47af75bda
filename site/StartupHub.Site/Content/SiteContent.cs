namespace StartupHub.Site.Content;

/// <summary>Everything loaded from content/: the input of the validate and render phases.</summary>
public sealed record SiteContent
{
    public required SiteSettings Settings { get; init; }
    public IReadOnlyList<Venue> Venues { get; init; } = [];
    public IReadOnlyList<Event> Events { get; init; } = [];
    public IReadOnlyList<Person> People { get; init; } = [];
    public IReadOnlyList<Company> Companies { get; init; } = [];
    public IReadOnlyList<Video> Videos { get; init; } = [];
    public IReadOnlyList<NewsItem> News { get; init; } = [];
    public IReadOnlyList<Page> Pages { get; init; } = [];
    public IReadOnlyList<Supporter> Supporters { get; init; } = [];
    public IReadOnlyList<Form> Forms { get; init; } = [];

    /// <summary>Where every key of the loaded files sits, so later phases can point at the exact line.</summary>
    public Loading.SourceMap SourceMap { get; init; } = Loading.SourceMap.Empty;
}
