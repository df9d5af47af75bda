using StartupHub.Site.Content;
using StartupHub.Site.Tests.Support;

namespace StartupHub.Site.Tests.Loading;

public class SourceMapTests
{
    [Fact]
    public void Keys_and_values_have_file_positions_counting_the_front_matter_fence()
    {
        using var site = new TempSite();
        var (content, _) = site.Load();
        var map = content!.SourceMap;
        var e = content.Events[0];

        // Line 1 is "---", so "title:" is on line 2 of the file.
        Assert.Equal(new SourceLocation("content/events/e.md", 2, 1), map.Key(e.SourcePath, "title"));
        Assert.Equal(new SourceLocation("content/events/e.md", 2, 8), map.Value(e.SourcePath, "title"));
        Assert.Equal(new SourceLocation("content/events/e.md", 11, 11), map.Value(e.SourcePath, "registration.closes"));
        Assert.Equal(new SourceLocation("content/events/e.md", 19, 16), map.Value(e.SourcePath, "sessions[0].speakers[0]"));
        Assert.Equal(new SourceLocation("content/events/e.md", 21, 5), map.Key(e.SourcePath, "sessions[1].kind"));
        Assert.Equal(28, map.BodyFirstLine(e.SourcePath));
    }

    [Fact]
    public void Locate_falls_back_to_the_nearest_written_parent_then_the_file_start()
    {
        using var site = new TempSite();
        var (content, _) = site.Load();
        var map = content!.SourceMap;
        var e = content.Events[0];

        // "  - id: talk": the session mapping starts at its first key.
        Assert.Equal(new SourceLocation("content/events/e.md", 13, 5), map.Locate(e, "sessions[0].light_meal"));
        Assert.Equal(new SourceLocation("content/events/nothing.md", 1, 1), map.Locate("content/events/nothing.md", "title"));
    }

    [Fact]
    public void Keys_holding_dots_or_brackets_and_paths_past_the_tree_are_told_apart()
    {
        var (map, diagnostics) = LoadPerson("""
            roles: [speaker]
            links.x: https://example.jp/
            """);

        // An unknown key with a dot is still found as a key (its fault points at it), not read as "links" → "x".
        Assert.Equal(new SourceLocation(PersonPath, 5, 1), map.Key(PersonPath, "links.x"));
        Assert.Contains(diagnostics, d => d.Location == new SourceLocation(PersonPath, 5, 1));
        Assert.Equal(new SourceLocation(PersonPath, 4, 9), map.Value(PersonPath, "roles[0]"));
        Assert.Null(map.Value(PersonPath, "roles[1]"));
        Assert.Null(map.Value(PersonPath, "roles.speaker"));
        Assert.Null(map.Value(PersonPath, "name.first"));
        Assert.Null(map.Value(PersonPath, "roles[x]"));
        Assert.Null(map.Value(PersonPath, "name."));
        Assert.Null(map.Value(PersonPath, "roles[0]x"));
        Assert.Null(map.Value(PersonPath, "roles[00]"));
        // A missing list item falls back to its list, and the empty path is the front matter (after the fence).
        Assert.Equal(new SourceLocation(PersonPath, 4, 8), map.Locate(PersonPath, "roles[3]"));
        Assert.Equal(new SourceLocation(PersonPath, 2, 1), map.Locate(PersonPath, ""));
    }

    [Fact]
    public void A_nested_path_is_found_beside_a_key_that_holds_its_dots()
    {
        var (map, _) = LoadPerson("""
            a:
              b:
                c: 1
            a.b: 2
            """);

        // "a.b" is tried first (the longest key), has no "c", and the walk goes back to "a" → "b" → "c".
        Assert.Equal(new SourceLocation(PersonPath, 6, 8), map.Value(PersonPath, "a.b.c"));
        Assert.Equal(new SourceLocation(PersonPath, 7, 6), map.Value(PersonPath, "a.b"));
    }

    private const string PersonPath = "content/people/p.md";

    /// <summary>Loads a site with a person whose front matter is name, kana (lines 2–3) and then <paramref name="rest"/> (from line 4).</summary>
    private static (StartupHub.Site.Loading.SourceMap Map, IReadOnlyList<StartupHub.Site.Diagnostics.Diagnostic> Diagnostics) LoadPerson(string rest)
    {
        using var site = new TempSite();
        site.With("people/p.md", $"---\nname: 架空 太郎\nkana: かくう たろう\n{rest}\n---\n経歴。\n");
        var (content, diagnostics) = site.Load();
        return (content!.SourceMap, diagnostics);
    }

    [Fact]
    public void Venues_are_located_by_their_index_in_venues_yml()
    {
        using var site = new TempSite();
        var (content, _) = site.Load();

        Assert.Equal(new SourceLocation("content/venues.yml", 5, 7), content!.SourceMap.Value("content/venues.yml", "[1].id"));
        Assert.Equal(new SourceLocation("content/venues.yml", 5, 3), content.Venues[1].Source);
    }

    [Fact]
    public void Front_matter_split_reports_body_offset_and_refuses_unclosed_fences()
    {
        var split = StartupHub.Site.Loading.FrontMatter.Split("---\na: 1\nb: 2\n---\nbody\n", out _);
        Assert.NotNull(split);
        Assert.Equal("a: 1\nb: 2", split.Yaml);
        Assert.Equal(2, split.YamlFirstLine);
        Assert.Equal(5, split.BodyFirstLine);
        Assert.Equal("body\n", split.Body);

        Assert.Null(StartupHub.Site.Loading.FrontMatter.Split("---\na: 1\n", out var unclosedLine));
        Assert.Equal(3, unclosedLine);
        Assert.Null(StartupHub.Site.Loading.FrontMatter.Split("a: 1\n", out var missingLine));
        Assert.Equal(1, missingLine);
    }

    [Fact]
    public void Windows_line_endings_and_a_byte_order_mark_keep_the_same_lines()
    {
        var split = StartupHub.Site.Loading.FrontMatter.Split("\uFEFF---\r\ntitle: x\r\n---\r\nbody\r\n", out _);
        Assert.NotNull(split);
        Assert.Equal("title: x", split.Yaml);
        Assert.Equal(4, split.BodyFirstLine);
    }
}
