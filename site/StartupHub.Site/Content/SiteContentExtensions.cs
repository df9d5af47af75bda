namespace StartupHub.Site.Content;

public static class SiteContentExtensions
{
    /// <summary>
    /// The content a visitor may see at <paramref name="now"/>: drafts (unless <paramref name="includeDrafts"/>),
    /// items before their publish_date and items at or after their expiry_date are left out of every collection.
    /// Settings, venues and the source map are kept as they are.
    /// </summary>
    public static SiteContent Published(this SiteContent content, DateTimeOffset now, bool includeDrafts) => content with
    {
        Events = Filter(content.Events, now, includeDrafts),
        People = Filter(content.People, now, includeDrafts),
        Companies = Filter(content.Companies, now, includeDrafts),
        Videos = Filter(content.Videos, now, includeDrafts),
        News = Filter(content.News, now, includeDrafts),
        Pages = Filter(content.Pages, now, includeDrafts),
        Supporters = Filter(content.Supporters, now, includeDrafts),
        Forms = Filter(content.Forms, now, includeDrafts),
    };

    private static IReadOnlyList<T> Filter<T>(IReadOnlyList<T> items, DateTimeOffset now, bool includeDrafts)
        where T : ContentItem =>
        [.. items.Where(i => i.Publishing.IsPublishedAt(now, includeDrafts))];
}
