using StartupHub.Build.Tests.Support;
using StartupHub.Site.Build;
using StartupHub.Site.Build.Write;

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

    /// <summary>A front matter edit keeps every output path: the rebuild compares and writes only what it rendered or
    /// generated again (OutputWriter.TryUpdateSamePaths), and the rest of the folder is not touched.</summary>
    [Fact]
    public void Front_matter_edit_writes_only_the_outputs_whose_content_changed()
    {
        using var site = TempSite.Create();
        var builder = new SiteBuilder();
        site.Write("content/news/first.md", "---\ntitle: 最初のお知らせ\ndate: 2025-09-20T10:00\n---\n本文\n");
        site.Write("content/news/second.md", "---\ntitle: 二つ目のお知らせ\ndate: 2025-09-21T10:00\n---\n本文\n");
        var first = site.BuildOk(builder);
        var before = Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);
        foreach (var file in before.Keys)
        {
            File.SetLastWriteTimeUtc(file, LongAgo);
        }

        site.Write("content/news/first.md", "---\ntitle: 題名を直したお知らせ\ndate: 2025-09-20T10:00\n---\n本文\n");
        var result = site.BuildOk(builder);

        Assert.Contains(result.Timings, t => t.Phase == "計画"); // the item path, not a full build
        Assert.Contains("題名を直したお知らせ", File.ReadAllText(Path.Combine(site.Output, "news", "first", "index.html")), StringComparison.Ordinal);
        var changed = before.Keys.Where(f => !File.ReadAllBytes(f).AsSpan().SequenceEqual(before[f])).ToHashSet();
        Assert.Contains(Path.Combine(site.Output, "news", "first", "index.html"), changed);
        Assert.Contains(Path.Combine(site.Output, "news", "second", "index.html"), before.Keys.Except(changed));
        foreach (var file in before.Keys)
        {
            Assert.True(changed.Contains(file) == (File.GetLastWriteTimeUtc(file) != LongAgo), $"{file}: {(changed.Contains(file) ? "changed but not written" : "written without a change")}");
        }

        Assert.Empty(Directory.GetFiles(site.Output, ".site-tmp-*", SearchOption.AllDirectories));
        Assert.Equal(first.FilesWritten.Order(StringComparer.Ordinal), result.FilesWritten.Order(StringComparer.Ordinal));
        Assert.Equal(result.FilesWritten.Order(StringComparer.Ordinal), Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(site.Output, f).Replace('\\', '/')).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Same_path_update_declines_a_folder_it_did_not_write_or_a_path_it_does_not_know()
    {
        using var site = TempSite.Create();
        var state = new OutputState();
        Assert.False(OutputWriter.TryUpdateSamePaths(site.Output, [("index.html", "<p>x</p>"u8.ToArray())], 1, state));
        Assert.False(Directory.Exists(site.Output));

        var written = OutputWriter.Write(site.Output, [], [new OutputFile("a.txt", "a"u8.ToArray()), new OutputFile("b.txt", "b"u8.ToArray())], state: state);
        Assert.Equal(["a.txt", "b.txt"], written!.Order(StringComparer.Ordinal));

        Assert.False(OutputWriter.TryUpdateSamePaths(site.Output, [("c.txt", "c"u8.ToArray())], 2, state));
        Assert.False(OutputWriter.TryUpdateSamePaths(site.Output, [("a.txt", "a2"u8.ToArray())], 3, state));
        Assert.False(File.Exists(Path.Combine(site.Output, "c.txt")));
        Assert.Equal("a", File.ReadAllText(Path.Combine(site.Output, "a.txt")));

        File.SetLastWriteTimeUtc(Path.Combine(site.Output, "b.txt"), LongAgo);
        Assert.True(OutputWriter.TryUpdateSamePaths(site.Output, [("a.txt", "a2"u8.ToArray()), ("/b.txt", "b"u8.ToArray())], 2, state));
        Assert.Equal("a2", File.ReadAllText(Path.Combine(site.Output, "a.txt")));
        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(Path.Combine(site.Output, "b.txt")));

        // The state learned the new content: writing "a2" again is no change, and a full comparison agrees.
        File.SetLastWriteTimeUtc(Path.Combine(site.Output, "a.txt"), LongAgo);
        OutputWriter.Write(site.Output, [], [new OutputFile("a.txt", "a2"u8.ToArray()), new OutputFile("b.txt", "b"u8.ToArray())], state: state);
        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(Path.Combine(site.Output, "a.txt")));
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

    [Fact]
    public void A_build_killed_between_the_two_renames_of_the_swap_gets_its_previous_site_back()
    {
        using var site = TempSite.Create();
        site.BuildOk();
        var before = File.ReadAllText(Path.Combine(site.Output, "index.html"));
        // As the swap leaves it when the process ends after its first rename: the output moved aside, nothing in its place.
        var previous = Path.Combine(site.Root, ".site-tmp-_site-previous-0123");
        Directory.Move(site.Output, previous);

        site.Write("content/pages/about.md", "---\ntitle: この事業について\ndescription: 事業の説明\n---\n[壊れたリンク](/nowhere/)\n");
        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Equal(before, File.ReadAllText(Path.Combine(site.Output, "index.html")));
        Assert.False(Directory.Exists(previous));
    }

    [Fact]
    public void Pages_written_to_staging_while_rendering_end_as_the_whole_output_with_the_last_of_two_pages_for_one_path()
    {
        var root = Path.Combine(Path.GetTempPath(), $"staging-{Guid.NewGuid():N}");
        var output = Path.Combine(root, "_site");
        try
        {
            var first = new RenderedPage("/events/", "events/index.html", "一覧", "list", "<p>一覧</p>", null, null, true);
            var second = new RenderedPage("/events/", "events/index.html", "固定ページ", "page", "<p>固定ページ</p>", null, null, true);
            var news = new RenderedPage("/news/", "news/index.html", "お知らせ", "list", "<p>お知らせ</p>", null, null, true);
            var state = new OutputState();
            var staged = OutputWriter.Stage(output, withBeforeSwap: false, state)!;
            foreach (var page in new[] { first, news, second })
            {
                staged.Add(page.OutputPath, page.Content);
            }

            Assert.False(Directory.Exists(output)); // nothing reaches the output before the swap
            var written = OutputWriter.Write(output, [first, news, second], [new OutputFile("robots.txt", "User-agent: *\n"u8.ToArray())], state: state, staged: staged);
            staged.Dispose();

            Assert.Equal(["events/index.html", "news/index.html", "robots.txt"], written!.Order(StringComparer.Ordinal));
            Assert.Equal("<p>固定ページ</p>", File.ReadAllText(Path.Combine(output, "events", "index.html")));
            Assert.Equal("<p>お知らせ</p>", File.ReadAllText(Path.Combine(output, "news", "index.html")));
            Assert.Empty(Directory.GetDirectories(root, ".site-tmp-*"));

            // A page written while rendering lets its bytes go; asked again, it reads them from where the swap put them.
            Assert.False(news.Content.InMemory);
            Assert.Equal("<p>お知らせ</p>", news.Html);
            Assert.True(second.Content.InMemory); // written at the end (it won the path), never streamed

            // The state it leaves lets the next write of the same builder update in place: an unchanged page is not rewritten.
            File.SetLastWriteTimeUtc(Path.Combine(output, "news", "index.html"), LongAgo);
            Assert.Null(OutputWriter.Stage(output, withBeforeSwap: false, state));
            OutputWriter.Write(output, [second, news], [], state: state);
            Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(Path.Combine(output, "news", "index.html")));
            Assert.False(File.Exists(Path.Combine(output, "robots.txt")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Staging_disposed_before_completing_leaves_nothing_behind()
    {
        var root = Path.Combine(Path.GetTempPath(), $"staging-{Guid.NewGuid():N}");
        try
        {
            var page = new PageHtml("<p>途中</p>"u8.ToArray());
            using (var staged = OutputWriter.Stage(Path.Combine(root, "_site"), withBeforeSwap: false, null)!)
            {
                staged.Add("index.html", page);
            }

            Assert.Empty(Directory.EnumerateFileSystemEntries(root));

            // Its bytes went with the staging folder: asking for them is a clear error, not an empty page.
            Assert.False(page.InMemory);
            var error = Assert.Throws<InvalidOperationException>(() => page.Bytes);
            Assert.Contains("index.html の HTML はメモリーから解放済み", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
