using StartupHub.Site.Build;
using StartupHub.Site.Outputs.Links;

namespace StartupHub.Outputs.Tests.Links;

/// <summary>The link check's targets are kept between rebuilds and updated with the pages rendered again; they must
/// always equal what a fresh set built from the same pages would hold.</summary>
public sealed class LinkTargetsTests
{
    private static PageScan Scan(string url, string body)
    {
        var html = $"<!DOCTYPE html><html lang=\"ja\"><head><title>t</title></head><body>{body}</body></html>";
        var page = new RenderedPage(url, url.EndsWith('/') ? url.TrimStart('/') + "index.html" : url.TrimStart('/'), "t", "page", html, null, null, true);
        return PageScan.Parse(page, html);
    }

    private static void AssertSameAsFresh(LinkTargets kept, PageScan[] scans, string[] files)
    {
        var fresh = new LinkTargets().Update(scans, files);
        Assert.Equal(fresh.Files.Order(StringComparer.Ordinal), kept.Files.Order(StringComparer.Ordinal));
        Assert.Equal(fresh.ByFile.Keys.Order(StringComparer.Ordinal), kept.ByFile.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, scan) in fresh.ByFile)
        {
            Assert.Same(scan, kept.ByFile[path]);
        }
    }

    [Fact]
    public void A_page_rendered_again_replaces_its_scan_and_keeps_the_others()
    {
        PageScan[] scans = [Scan("/", "<h2 id=\"a\">a</h2>"), Scan("/news/", "<h2 id=\"b\">b</h2>")];
        var targets = new LinkTargets().Update(scans, ["feed.xml"]);

        scans[1] = Scan("/news/", "<h2 id=\"c\">c</h2>");
        targets.Update(scans, ["feed.xml"]);

        Assert.Contains("c", targets.ByFile["news/index.html"].Ids);
        Assert.DoesNotContain("b", targets.ByFile["news/index.html"].Ids);
        AssertSameAsFresh(targets, scans, ["feed.xml"]);
    }

    [Fact]
    public void Changed_paths_or_files_start_over()
    {
        PageScan[] scans = [Scan("/", ""), Scan("/old/", "")];
        var targets = new LinkTargets().Update(scans, ["feed.xml"]);

        PageScan[] moved = [scans[0], Scan("/new/", "")];
        targets.Update(moved, ["feed.xml"]);
        Assert.False(targets.ByFile.ContainsKey("old/index.html"));
        Assert.DoesNotContain("old/index.html", targets.Files);
        AssertSameAsFresh(targets, moved, ["feed.xml"]);

        targets.Update(moved, ["feed.xml", "calendar.ics"]);
        Assert.Contains("calendar.ics", targets.Files);
        AssertSameAsFresh(targets, moved, ["feed.xml", "calendar.ics"]);
    }

    [Fact]
    public void Two_pages_for_one_path_keep_the_last_as_a_fresh_set_does()
    {
        PageScan[] scans = [Scan("/same/", "<p id=\"first\"></p>"), Scan("/same/", "<p id=\"second\"></p>")];
        var targets = new LinkTargets().Update(scans, []);
        Assert.Contains("second", targets.ByFile["same/index.html"].Ids);

        scans[0] = Scan("/same/", "<p id=\"again\"></p>");
        targets.Update(scans, []);
        Assert.Contains("second", targets.ByFile["same/index.html"].Ids);
        AssertSameAsFresh(targets, scans, []);
    }
}
