using StartupHub.Build.Tests.Support;
using StartupHub.Site.Build;

namespace StartupHub.Build.Tests.Build;

public sealed class OutputWriterTests
{
    private static readonly DateTime LongAgo = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Rebuild_with_the_same_builder_rewrites_only_changed_files_and_removes_gone_ones()
    {
        using var site = TempSite.Create();
        var builder = new SiteBuilder();
        site.Write("content/news/gone.md", "---\ntitle: 消えるお知らせ\ndate: 2025-09-20T10:00\n---\n本文\n");
        site.BuildOk(builder);
        foreach (var file in Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, LongAgo);
        }

        site.Write("content/pages/about.md", "---\ntitle: この事業について\ndescription: 事業の説明\n---\n書き換えた説明です。\n");
        site.Delete("content/news/gone.md");
        var result = site.BuildOk(builder);

        var about = Path.Combine(site.Output, "about", "index.html");
        Assert.Contains("書き換えた説明です。", File.ReadAllText(about), StringComparison.Ordinal);
        Assert.NotEqual(LongAgo, File.GetLastWriteTimeUtc(about));
        Assert.False(File.Exists(Path.Combine(site.Output, "news", "gone", "index.html")));
        Assert.DoesNotContain("news/gone/index.html", result.FilesWritten);
        var untouched = Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories).Where(f => File.GetLastWriteTimeUtc(f) == LongAgo).ToList();
        Assert.NotEmpty(untouched);
        Assert.Contains(Path.Combine(site.Output, "robots.txt"), untouched);
        Assert.Empty(Directory.GetFiles(site.Output, ".site-tmp-*", SearchOption.AllDirectories));
        Assert.Equal(result.FilesWritten.Order(StringComparer.Ordinal), Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(site.Output, f).Replace('\\', '/')).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Failed_rebuild_with_the_same_builder_leaves_the_output_untouched()
    {
        using var site = TempSite.Create();
        var builder = new SiteBuilder();
        site.BuildOk(builder);
        var before = Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText);

        site.Write("content/pages/about.md", "---\ntitle: この事業について\ndescription: 事業の説明\n---\n[壊れたリンク](/nowhere/)\n");
        var result = site.Build(builder);

        Assert.False(result.Succeeded);
        Assert.Empty(result.FilesWritten);
        Assert.Equal(before, Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText));
    }

    [Fact]
    public void Leftovers_of_a_killed_build_are_removed_by_the_next_one()
    {
        using var site = TempSite.Create();
        var leftover = Path.Combine(site.Root, ".site-tmp-_site-staging-0123");
        Directory.CreateDirectory(Path.Combine(leftover, "news"));
        File.WriteAllText(Path.Combine(leftover, "news", "index.html"), "half");

        site.BuildOk();

        Assert.False(Directory.Exists(leftover));
        Assert.True(File.Exists(Path.Combine(site.Output, "index.html")));
    }
}
