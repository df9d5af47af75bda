using StartupHub.Site.Content;
using StartupHub.Site.Tests.Support;

namespace StartupHub.Site.Tests.Content;

public class PublishedTests
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);

    private static SiteContent LoadNews()
    {
        using var site = new TempSite();
        site.With("news/plain.md", "---\ntitle: 常に公開\ndate: 2025-09-01T10:00\n---\n")
            .With("news/draft.md", "---\ntitle: 下書き\ndate: 2025-09-01T10:00\ndraft: true\n---\n")
            .With("news/scheduled.md", "---\ntitle: 予約\ndate: 2025-10-01T10:00\npublish_date: 2025-10-01T10:00\n---\n")
            .With("news/expiring.md", "---\ntitle: 期限付き\ndate: 2025-09-01T10:00\nexpiry_date: 2025-10-01T00:00\n---\n")
            .With("pages/hidden.md", "---\ntitle: 非公開ページ\ndraft: true\n---\n");
        var (content, diagnostics) = site.Load();
        Assert.Empty(diagnostics);
        return content!;
    }

    [Theory]
    [InlineData("2025-09-30T23:59:59+09:00", false, "expiring|plain")]
    [InlineData("2025-10-01T00:00:00+09:00", false, "plain")]
    [InlineData("2025-10-01T09:59:59+09:00", false, "plain")]
    [InlineData("2025-10-01T10:00:00+09:00", false, "plain|scheduled")]
    [InlineData("2025-10-01T10:00:00+09:00", true, "draft|plain|scheduled")]
    [InlineData("2025-09-15T00:00:00+09:00", true, "draft|expiring|plain")]
    public void Drafts_publish_dates_and_expiry_dates_filter_every_collection(string now, bool includeDrafts, string expected)
    {
        var content = LoadNews();

        var published = content.Published(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), includeDrafts);

        Assert.Equal(expected.Split('|'), published.News.Select(n => n.Slug).Order(StringComparer.Ordinal));
        Assert.Equal(includeDrafts ? ["hidden"] : [], published.Pages.Select(p => p.Slug));
        Assert.Equal(content.Settings, published.Settings);
        Assert.Equal(content.Venues, published.Venues);
        Assert.Same(content.SourceMap, published.SourceMap);
    }

    [Fact]
    public void The_publish_date_is_read_as_japan_time()
    {
        var content = LoadNews();

        // 2025-10-01T10:00 JST is 01:00 UTC: one second before, it is still hidden.
        Assert.DoesNotContain(content.Published(new DateTimeOffset(2025, 10, 1, 0, 59, 59, TimeSpan.Zero), false).News, n => n.Slug == "scheduled");
        Assert.Contains(content.Published(new DateTimeOffset(2025, 10, 1, 1, 0, 0, TimeSpan.Zero), false).News, n => n.Slug == "scheduled");
        Assert.Equal(new DateTimeOffset(2025, 10, 1, 10, 0, 0, Jst), content.News.Single(n => n.Slug == "scheduled").Publishing.PublishDate);
    }
}
