using StartupHub.Site.Content;
using StartupHub.Site.Outputs.Common;

namespace StartupHub.Site.Outputs.Feed;

/// <summary>One Atom entry, built from a news item or an event.</summary>
internal sealed record FeedEntry(string Key, string Title, string Path, DateTimeOffset Published, DateTimeOffset Updated, string Summary, string Category)
{
    public static string KeyOf(NewsItem news) => $"news/{news.Slug}";

    public static string KeyOf(Event e) => $"events/{e.Slug}";

    /// <summary>
    /// An event is "published" when it was announced: its publish_date, else the opening of its
    /// registration, else its start. That keeps the feed's order and times stable between builds.
    /// </summary>
    public static DateTimeOffset Announced(Event e) => e.Publishing.PublishDate ?? e.Registration?.Opens ?? e.Start;

    public static FeedEntry From(NewsItem news, DateTimeOffset? lastModified) =>
        new(
            KeyOf(news),
            news.Title,
            SiteUrls.NewsPath(news),
            news.Date,
            Max(news.Date, lastModified),
            news.Summary ?? news.Title,
            "お知らせ");

    public static FeedEntry From(Event e, SiteContent content, DateTimeOffset? lastModified)
    {
        var announced = Announced(e);
        var prefix = e.Status switch
        {
            EventStatus.Cancelled => "【中止】",
            EventStatus.Postponed => "【延期】",
            _ => "",
        };
        var venue = Venues.Of(e, content)?.Name ?? e.Venue;
        var summary = $"{Jst.DateTimeJa(e.Start)}〜{Jst.TimeJa(e.End)} {venue}（{Labels.Of(e.City)}）。{e.Summary}";
        return new FeedEntry(
            KeyOf(e),
            prefix + e.Title,
            SiteUrls.EventPath(e),
            announced,
            Max(announced, lastModified),
            summary,
            Labels.Of(e.Series));
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset? b) => b is { } value && value > a ? value : a;
}
