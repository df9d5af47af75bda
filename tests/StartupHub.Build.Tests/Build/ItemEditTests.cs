using System.Text.RegularExpressions;
using CsCheck;
using StartupHub.Build.Tests.Support;
using StartupHub.Site.Build;

namespace StartupHub.Build.Tests.Build;

/// <summary>
/// Front matter edits with the same builder (as <c>serve</c> does) on the repository's content and theme: whichever
/// path a rebuild takes (item edits, body edits or the full build), its output must equal a fresh full build of the
/// same files, byte for byte.
/// </summary>
public sealed partial class ItemEditTests
{
    private const string FastPhase = "計画"; // only the item-edit path plans again
    private const string ChangePhase = "変更の確認"; // only the fast paths look for changes

    private enum Kind
    {
        Title,
        Summary,
        Date,
        Body,
        Tags,
        Speakers,
        Kana,
        Weight,
    }

    private sealed record Edit(Kind Kind, int File, int Choice);

    [Fact]
    public void Random_single_edits_rebuild_to_exactly_the_full_build()
    {
        var fastPaths = 0;
        var gen = Gen.Select(Gen.Enum<Kind>(), Gen.Int[0, 1000], Gen.Int[0, 1000], (kind, file, choice) => new Edit(kind, file, choice)).Array[8];
        gen.Sample(edits =>
        {
            using var site = RepoSite.Create();
            var builder = new SiteBuilder();
            Assert.True(builder.Build(site.Options()).Succeeded);
            foreach (var edit in edits)
            {
                var path = Apply(site, edit);
                var result = builder.Build(site.Options());
                fastPaths += result.Timings.Any(t => t.Phase == FastPhase) ? 1 : 0;
                AssertSameAsFullBuild(site, result, $"{edit} on {path}");
            }
        }, iter: 3, threads: 1);

        Assert.True(fastPaths >= 6, $"only {fastPaths} of 24 edits took the item-edit path");
    }

    [Fact]
    public void Event_title_edit_takes_the_item_path_and_reaches_every_page_showing_it()
    {
        using var site = RepoSite.Create();
        var builder = new SiteBuilder();
        Assert.True(builder.Build(site.Options()).Succeeded);
        var path = site.Files("events").First(p => site.Read(p).Contains("speakers: [", StringComparison.Ordinal));
        var before = TopLevel(site.Read(path), "title")!;

        site.Write(path, ReplaceTopLevel(site.Read(path), "title", "改題したイベント"));
        var result = builder.Build(site.Options());

        Assert.Contains(result.Timings, t => t.Phase == FastPhase);
        var slug = Path.GetFileNameWithoutExtension(path);
        Assert.Contains("改題したイベント", File.ReadAllText(Path.Combine(site.Output, "events", slug, "index.html")), StringComparison.Ordinal);
        Assert.Contains("改題したイベント", File.ReadAllText(Path.Combine(site.Output, "events", "index.html")), StringComparison.Ordinal);
        Assert.DoesNotContain(before, File.ReadAllText(Path.Combine(site.Output, "events", slug, "index.html")), StringComparison.Ordinal);
        AssertSameAsFullBuild(site, result, "event title");
    }

    /// <summary>
    /// An edit of other items keeps the news views and the news pages' plans from the last build (PagePlanner.ReuseNews),
    /// including after a body-only edit of a news item; a news edit plans them again. The news page here prints its
    /// body from <c>page.content</c> (the plan), not from the item's view, so a kept plan must still be known as the
    /// holder of that body.
    /// </summary>
    [Fact]
    public void News_pages_kept_through_other_edits_stay_exactly_the_full_build()
    {
        using var site = RepoSite.Create();
        site.Write("layouts/news-item.liquid", File.ReadAllText(site.FullPath("themes/default/layouts/news-item.liquid"))
            .Replace("{{ news.content | raw }}", "{{ page.content | raw }}", StringComparison.Ordinal));
        Assert.Contains("page.content", site.Read("layouts/news-item.liquid"), StringComparison.Ordinal);
        var builder = new SiteBuilder();
        Assert.True(builder.Build(site.Options()).Succeeded);
        var news = site.Files("news")[0];
        var @event = site.Files("events")[0];

        site.Write(news, site.Read(news).TrimEnd() + "\n\n追記した段落。\n");
        AssertSameAsFullBuild(site, builder.Build(site.Options()), "news body");

        site.Write(@event, ReplaceTopLevel(site.Read(@event), "title", "改題したイベント"));
        var eventEdit = builder.Build(site.Options());
        Assert.Contains(eventEdit.Timings, t => t.Phase == FastPhase);
        AssertSameAsFullBuild(site, eventEdit, "event title after a news body edit");
        Assert.Contains(Directory.EnumerateFiles(Path.Combine(site.Output, "news"), "index.html", SearchOption.AllDirectories),
            file => File.ReadAllText(file).Contains("追記した段落。", StringComparison.Ordinal));

        site.Write(news, site.Read(news).Replace("追記した段落。", "書き直した段落。", StringComparison.Ordinal));
        AssertSameAsFullBuild(site, builder.Build(site.Options()), "news body after an event edit");

        site.Write(news, ReplaceTopLevel(site.Read(news), "title", "改題したお知らせ"));
        var newsEdit = builder.Build(site.Options());
        Assert.Contains(newsEdit.Timings, t => t.Phase == FastPhase);
        AssertSameAsFullBuild(site, newsEdit, "news title after an event edit");

        site.Write(@event, ReplaceTopLevel(site.Read(@event), "title", "もう一度改題したイベント"));
        AssertSameAsFullBuild(site, builder.Build(site.Options()), "event title after a news edit");
    }

    [Fact]
    public void Watcher_paths_spare_the_scan_and_give_the_same_output()
    {
        using var site = RepoSite.Create();
        var builder = new SiteBuilder();
        Assert.True(builder.Build(site.Options()).Succeeded);
        var path = site.Files("news")[0];

        site.Write(path, ReplaceTopLevel(site.Read(path), "title", "監視から渡された変更"));
        var result = builder.Rebuild(site.Options(), [site.FullPath(path), site.FullPath("content/news/.#lock-file")]);

        Assert.Contains(result.Timings, t => t.Phase == FastPhase);
        AssertSameAsFullBuild(site, result, "watched title");
    }

    public static TheoryData<string> Fallbacks => new()
    {
        "rename", "draft", "publish_date", "site.yml", "template", "add", "delete", "invalid",
    };

    [Theory]
    [MemberData(nameof(Fallbacks))]
    public void Changes_of_shape_take_the_full_build(string change)
    {
        using var site = RepoSite.Create();
        var builder = new SiteBuilder();
        Assert.True(builder.Build(site.Options()).Succeeded);
        var news = site.Files("news")[0];
        switch (change)
        {
            case "rename":
                File.Move(site.FullPath(news), site.FullPath("content/news/renamed-item.md"));
                break;
            case "draft":
                site.Write(news, ReplaceTopLevel(site.Read(news), "draft", "true"));
                break;
            case "publish_date":
                site.Write(news, ReplaceTopLevel(site.Read(news), "publish_date", "2026-01-01T10:00"));
                break;
            case "site.yml":
                site.Write("content/site.yml", new Regex("^title: ", RegexOptions.Multiline).Replace(site.Read("content/site.yml"), "title: 新", 1));
                break;
            case "template":
                site.Write("themes/default/partials/footer.liquid", site.Read("themes/default/partials/footer.liquid") + "\n<!-- 変更 -->\n");
                break;
            case "add":
                site.Write("content/news/2025-09-30-added.md", "---\ntitle: 追加したお知らせ\ndate: 2025-09-30T10:00\n---\n本文\n");
                break;
            case "delete":
                File.Delete(site.FullPath(news));
                break;
            case "invalid":
                site.Write(news, ReplaceTopLevel(site.Read(news), "date", "来週"));
                break;
        }

        var result = builder.Build(site.Options());

        Assert.DoesNotContain(result.Timings, t => t.Phase == ChangePhase);
        Assert.Equal(change != "invalid", result.Succeeded);
        AssertSameAsFullBuild(site, result, change);
    }

    [Fact]
    public void A_failed_item_edit_writes_nothing_and_the_fix_rebuilds_correctly()
    {
        using var site = RepoSite.Create();
        var builder = new SiteBuilder();
        Assert.True(builder.Build(site.Options()).Succeeded);
        var before = RepoSite.Snapshot(site.Output);
        var path = site.Files("events")[0];
        var text = site.Read(path);

        site.Write(path, ReplaceTopLevel(text, "venue", "no-such-venue"));
        Assert.False(builder.Build(site.Options()).Succeeded);
        Assert.Equal(before, RepoSite.Snapshot(site.Output));

        site.Write(path, ReplaceTopLevel(text, "summary", "直した概要です。"));
        AssertSameAsFullBuild(site, builder.Build(site.Options()), "fixed");
    }

    private static void AssertSameAsFullBuild(RepoSite site, BuildResult incremental, string what)
    {
        var fresh = Path.Combine(site.Root, "_fresh");
        var full = new SiteBuilder().Build(site.Options(fresh));
        try
        {
            Assert.True(full.Succeeded == incremental.Succeeded, $"{what}: incremental {(incremental.Succeeded ? "succeeded" : "failed")} but a full build {(full.Succeeded ? "succeeded" : "failed")}\n{string.Join("\n", full.Diagnostics.Concat(incremental.Diagnostics))}");
            if (!full.Succeeded)
            {
                Assert.Equal(full.Diagnostics.Select(d => d.ToString()), incremental.Diagnostics.Select(d => d.ToString()));
                return;
            }

            var expected = RepoSite.Snapshot(fresh);
            var actual = RepoSite.Snapshot(site.Output);
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
            foreach (var (path, text) in expected)
            {
                Assert.True(text == actual[path], $"{what}: {path} differs from a full build");
            }
        }
        finally
        {
            if (Directory.Exists(fresh))
            {
                Directory.Delete(fresh, recursive: true);
            }
        }
    }

    /// <summary>Applies one edit to a content file chosen by the edit; returns its path.</summary>
    private static string Apply(RepoSite site, Edit edit)
    {
        var (folders, key) = edit.Kind switch
        {
            Kind.Title => (new[] { "news", "events", "pages", "companies", "people", "supporters" }, ""),
            Kind.Summary => (["news", "events", "companies"], "summary"),
            Kind.Date => (["news", "events"], ""),
            Kind.Body => (["news", "events", "people", "companies", "pages"], ""),
            Kind.Tags => (["news"], "tags"),
            Kind.Speakers => (["events"], ""),
            Kind.Kana => (["people"], "kana"),
            Kind.Weight => (["pages"], "weight"),
            _ => throw new ArgumentOutOfRangeException(nameof(edit)),
        };
        var files = folders.SelectMany(site.Files).ToList();
        var path = files[edit.File % files.Count];
        var text = site.Read(path);
        var n = edit.Choice;
        text = edit.Kind switch
        {
            Kind.Title => ReplaceTopLevel(text, TopLevel(text, "title") is null ? "name" : "title", $"変更した見出し{n}"),
            Kind.Summary => ReplaceTopLevel(text, key, $"概要を書き換えました（{n}）。"),
            Kind.Date when path.Contains("/news/", StringComparison.Ordinal) => ReplaceTopLevel(text, "date", $"2025-{4 + (n % 6):D2}-{1 + (n % 28):D2}T{8 + (n % 10):D2}:00"),
            Kind.Date => ShiftEvent(text, n % 5),
            Kind.Body => text + $"\n\n## 追記{n}\n\n本文に段落を足しました（{n}）。\n",
            Kind.Tags => ReplaceTopLevel(text, key, $"[{string.Join(", ", new[] { "イベント", "募集", "お知らせ", "報告" }.Where((_, i) => ((n >> i) & 1) == 1).DefaultIfEmpty("その他"))}]"),
            Kind.Speakers => Speakers(site, text, n),
            Kind.Kana => ReplaceTopLevel(text, key, new[] { "あいだ はじめ", "わたなべ ゆう", "なかむら りん", "かとう さくら" }[n % 4]),
            Kind.Weight => ReplaceTopLevel(text, key, $"{n % 50}"),
            _ => text,
        };
        site.Write(path, text);
        return path;
    }

    /// <summary>Replaces a speakers list of the event (or adds one to its first session) with people chosen by <paramref name="n"/>.</summary>
    private static string Speakers(RepoSite site, string text, int n)
    {
        var people = site.Files("people").Select(p => Path.GetFileNameWithoutExtension(p)).ToList();
        var chosen = $"speakers: [{people[n % people.Count]}{(n % 3 == 0 ? ", " + people[(n / 3) % people.Count] : "")}]";
        var existing = SpeakersLine().Match(text);
        return existing.Success
            ? text[..existing.Groups[2].Index] + chosen + text[(existing.Groups[2].Index + existing.Groups[2].Length)..]
            : text;
    }

    /// <summary>Moves an event's day by <paramref name="days"/> (start and end together, so its times stay valid).</summary>
    private static string ShiftEvent(string text, int days)
    {
        var start = TopLevel(text, "start");
        var end = TopLevel(text, "end");
        if (start is null || end is null || !DateTime.TryParse(start[..10], out var day))
        {
            return text;
        }

        var shifted = day.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return ReplaceTopLevel(ReplaceTopLevel(text, "start", shifted + start[10..]), "end", shifted + end[10..]);
    }

    private static string? TopLevel(string text, string key)
    {
        var match = Regex.Match(FrontMatterOf(text), $"^{key}: (.*)$", RegexOptions.Multiline);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>Sets a top-level front matter key (adding it when missing).</summary>
    private static string ReplaceTopLevel(string text, string key, string value)
    {
        var frontMatter = FrontMatterOf(text);
        var rest = text[(frontMatter.Length + 4)..];
        var regex = new Regex($"^{key}: .*$", RegexOptions.Multiline);
        var updated = regex.IsMatch(frontMatter) ? regex.Replace(frontMatter, $"{key}: {value}", 1) : frontMatter + $"\n{key}: {value}";
        return "---\n" + updated + rest;
    }

    private static string FrontMatterOf(string text) => text[4..text.IndexOf("\n---", 3, StringComparison.Ordinal)];

    [GeneratedRegex(@"^(\s+)(speakers: \[[^\]]*\])", RegexOptions.Multiline)]
    private static partial Regex SpeakersLine();
}
