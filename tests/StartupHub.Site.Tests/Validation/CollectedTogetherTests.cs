using StartupHub.Site.Tests.Support;

namespace StartupHub.Site.Tests.Validation;

public class CollectedTogetherTests
{
    [Fact]
    public void A_file_with_five_faults_reports_all_five_in_line_order()
    {
        var text = DiagnosticTableTests.Event("series: notable", "series: notabel");
        text = text.Replace("venue: perie-hall", "venue: nowhere", StringComparison.Ordinal)
            .Replace("summary: 概要", "summary: 概要\nsumary: 重複", StringComparison.Ordinal)
            .Replace("capacity: 100\n    speakers", "capacity: -5\n    speakers", StringComparison.Ordinal)
            .Replace("companies: [test-co]", "companies: [test-com]", StringComparison.Ordinal);

        var (content, diagnostics) = TempSite.LoadWith("events/e.md", text);

        Assert.NotNull(content);
        Assert.Equal(
            ["3:9 SH0104", "5:8 SH0401", "9:1 SH0101", "19:15 SH0204", "27:17 SH0403"],
            diagnostics.Select(d => $"{d.Location.Line}:{d.Location.Column} {d.Code}"));
        Assert.All(diagnostics, d => Assert.Equal("content/events/e.md", d.Location.Path));
    }

    [Fact]
    public void Faults_in_several_files_are_all_reported_and_sorted_by_path()
    {
        using var site = new TempSite();
        site.With("site.yml", TempSite.SiteYml.Replace("https://test.example.jp/", "test.example.jp", StringComparison.Ordinal))
            .With("videos/v.yml", TempSite.VideoYml.Replace("abcdefghijk", "short", StringComparison.Ordinal))
            .With("people/kakuu-taro.md", TempSite.PersonMd.Replace("kana: かくう たろう\n", "", StringComparison.Ordinal))
            .With("news/broken.md", "---\ntitle: [\n---\n");

        var (_, diagnostics) = site.Load();

        Assert.Equal(
            ["content/news/broken.md SH0001", "content/people/kakuu-taro.md SH0102", "content/site.yml SH0701", "content/videos/v.yml SH0601"],
            diagnostics.Select(d => $"{d.Location.Path} {d.Code}"));
    }

    [Fact]
    public void A_reference_to_a_file_that_could_not_be_read_is_not_reported_again()
    {
        // The person file is broken YAML: that is one fault, not also "speaker not found" in the event and video.
        var (_, diagnostics) = TempSite.LoadWith("people/kakuu-taro.md", "---\nname: [\n---\n");

        var d = Assert.Single(diagnostics);
        Assert.Equal("SH0001", d.Code);
    }

    [Fact]
    public void An_unreadable_value_is_one_fault_not_also_a_failed_comparison()
    {
        // A bad session time must not also count as "outside the event" or "ends before it starts".
        var (_, diagnostics) = TempSite.LoadWith("events/e.md", DiagnosticTableTests.Event("start: \"18:00\"", "start: \"six\""));

        Assert.Equal(["SH0106"], diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void Slugs_that_differ_only_in_case_collide()
    {
        using var site = new TempSite();
        site.With("news/a-b.md", "---\ntitle: 1\ndate: 2025-09-01T10:00\n---\n")
            .With("news/A-B.md", "---\ntitle: 2\ndate: 2025-09-01T10:00\n---\n");

        var (_, diagnostics) = site.Load();

        Assert.Equal(
            [
                "content/news/A-B.md:1:1: error SH0304: ファイル名 'A-B' は URL に使えません。半角英小文字・数字・ハイフンだけの名前にしてください（例: 2025-10-chiba）。",
                "content/news/a-b.md:1:1: error SH0303: スラッグ 'a-b' が content/news/A-B.md と重なっています（大文字・小文字は区別されません）。ファイル名を変えてください。",
            ],
            diagnostics.Select(d => d.ToString()));
    }
}
