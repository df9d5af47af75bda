using StartupHub.Site.Build.Incremental;

namespace StartupHub.Build.Tests.Incremental;

/// <summary>What a page render records, and the discarding mode of a builder that builds once.</summary>
public sealed class PageReadsTests
{
    [Fact]
    public void A_render_records_into_its_own_set_and_nothing_outside_a_render_counts_as_recorded()
    {
        Assert.False(PageReads.Record("item:content/news/a.md"));

        var reads = new HashSet<string>(StringComparer.Ordinal);
        var recorded = PageReads.Track(reads, () => PageReads.Record("item:content/news/a.md") && PageReads.Record("list:news"));

        Assert.True(recorded);
        Assert.Equal(["item:content/news/a.md", "list:news"], reads.Order(StringComparer.Ordinal));
        Assert.False(PageReads.Record("list:events")); // the render is over
    }

    [Fact]
    public void A_discarding_render_counts_its_reads_as_recorded_and_keeps_none()
    {
        // "Recorded" matters: a body read that no page records is taken for a read outside every page (TrackedHtml
        // keeps a set of those), and a build that never rebuilds would fill that set for nothing.
        var recorded = PageReads.Track(PageReads.Discarded, () => PageReads.Record("item:content/news/a.md"));

        Assert.True(recorded);
        Assert.Empty(PageReads.Discarded);
    }

    [Fact]
    public void A_body_read_in_a_discarding_render_is_not_taken_for_a_read_outside_the_pages()
    {
        var html = new TrackedHtml(new Dictionary<string, string>(StringComparer.Ordinal) { ["content/news/a.md"] = "<p>本文</p>" });

        var body = PageReads.Track(PageReads.Discarded, () => html["content/news/a.md"]);

        Assert.Equal("<p>本文</p>", body);
        Assert.False(html.ReadOutsidePages("content/news/a.md"));
        _ = html["content/news/a.md"]; // outside any render
        Assert.True(html.ReadOutsidePages("content/news/a.md"));
    }
}
