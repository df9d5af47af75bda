using System.Text;
using CsCheck;
using StartupHub.Site.Diagnostics;
using StartupHub.Site.Loading;

namespace StartupHub.Site.Tests.Loading;

/// <summary>The flat front matter fast path must give YamlDotNet's tree exactly, or decline.</summary>
public sealed class FlatYamlTests
{
    // Ordinary pieces, and pieces chosen for what YAML treats specially: indicators at the start, ": " and " #"
    // inside, flow indicators, quotes, line breaks YAML counts (U+2028, NEL), tabs, emoji (surrogates).
    private static readonly string[] Ordinary =
        ["お知らせ", "千葉市", "（9～15社程度）", "募集", "abc", "C#", "2025-10-01T10:00", "https://example.jp/a:b", "10:30", " ", "null", "~", "true", "it's", "=", ".", "a b"];

    private static readonly string[] Special =
        ["  ", ":", ": ", " #", "#", "-", "- ", "?", ",", "[", "]", "{", "}", "'", "\"", "&a", "*a", "!t", "|", ">", "%", "@", "`", "\t", "\u2028", "\u0085", "😀", "...", "---"];

    // Four ordinary pieces to one special, so that the fast path accepts a fair share of the texts.
    private static readonly Gen<string> Piece = Gen.Select(Gen.Int[0, 4], Gen.Int[0, Ordinary.Length - 1], Gen.Int[0, Special.Length - 1],
        (which, o, x) => which == 0 ? Special[x] : Ordinary[o]);

    private static readonly string[] Keys = ["title", "date", "tags", "summary", "light_meal", "x-y", "_k", "title", "date", "2x", "a b", "ｋ", "a:b", "-a", ""];

    private static readonly Gen<string> Value = Gen.OneOf(
        Piece.Array[1, 4].Select(p => string.Concat(p)),
        Piece.Array[0, 3].Array[0, 4].Select(items => "[" + string.Join(", ", items.Select(p => string.Concat(p))) + "]"));

    private static readonly Gen<string> Line = Gen.Select(
        Gen.Int[0, Keys.Length - 1], Pick(": ", ": ", ": ", ":  ", ":", " : "), Value, Pick("", "", " ", "  "),
        (k, colon, value, trail) => Keys[k] + colon + value + trail);

    private static readonly Gen<string> Yaml = Gen.Select(Line.Array[1, 6], Pick("\n", "\n", "\n", "\n\n", "\r\n"), Pick("", "\n", "\n\n"),
        (lines, separator, end) => string.Join(separator, lines) + end);

    private static Gen<string> Pick(params string[] options) => Gen.Int[0, options.Length - 1].Select(i => options[i]);

    [Fact]
    public void Accepted_text_gives_yamldotnets_tree_and_anything_else_is_declined()
    {
        var accepted = 0;
        var total = 0;
        Yaml.Sample(yaml =>
        {
            Interlocked.Increment(ref total);
            if (FlatYaml.TryParse(yaml, 2) is not { } flat)
            {
                return;
            }

            Interlocked.Increment(ref accepted);
            var diagnostics = new DiagnosticBag();
            var full = YamlTreeReader.ParseWithYamlDotNet(yaml, "content/news/n.md", 2, diagnostics);
            Assert.True(full is not null && !diagnostics.HasErrors, $"accepted text YamlDotNet refuses: {Escape(yaml)}");
            Assert.Equal(Dump(full), Dump(flat));
        }, iter: 20_000);

        // The generator must exercise both sides: a check that never accepts would pass vacuously.
        Assert.InRange(accepted, total / 50, total - (total / 50));
    }

    [Theory]
    [InlineData("title: お知らせ\ndate: 2025-10-01T10:00\ntags: [募集, 千葉市]\n")]
    [InlineData("title: C# と https://example.jp/a:b\ntags: []")]
    [InlineData("summary:   前に空白  \nx-y: [ a b ,  c ]")]
    public void Typical_front_matter_is_taken_by_the_fast_path_with_yamldotnets_positions(string yaml)
    {
        var flat = FlatYaml.TryParse(yaml, 2);
        Assert.NotNull(flat);
        Assert.Equal(Dump(YamlTreeReader.ParseWithYamlDotNet(yaml, "p.md", 2, new DiagnosticBag())), Dump(flat));
    }

    [Theory]
    [InlineData("title: 'quoted'")]
    [InlineData("title: a # comment")]
    [InlineData("title: a\ntitle: b")]
    [InlineData("title:")]
    [InlineData("title: a\n\ndate: b")]
    [InlineData("sessions:\n  - id: talk")]
    [InlineData("tags: [a,b]")]
    [InlineData("title: a: b")]
    [InlineData("title: &x a")]
    [InlineData("title: a\r\ndate: b")]
    [InlineData("")]
    public void Anything_else_is_left_to_yamldotnet(string yaml) => Assert.Null(FlatYaml.TryParse(yaml, 2));

    [Fact]
    public void A_key_longer_than_yamldotnet_allows_is_left_to_it()
    {
        // YamlDotNet refuses simple keys over 1,024 characters; the fast path must not accept what it refuses.
        var yaml = "title: a\n" + new string('k', 1025) + ": b";
        Assert.Null(FlatYaml.TryParse(yaml, 2));
        var diagnostics = new DiagnosticBag();
        YamlTreeReader.ParseWithYamlDotNet(yaml, "p.md", 2, diagnostics);
        Assert.True(diagnostics.HasErrors);
    }

    private static string Dump(YNode? node)
    {
        var text = new StringBuilder();
        Write(node, text);
        return text.ToString();

        static void Write(YNode? node, StringBuilder text)
        {
            switch (node)
            {
                case YScalar s:
                    text.Append($"S{s.Start.Line}:{s.Start.Column}{(s.IsPlain ? "p" : "q")}<{s.Value}>");
                    break;
                case YSequence q:
                    text.Append($"Q{q.Start.Line}:{q.Start.Column}[");
                    foreach (var item in q.Items)
                    {
                        Write(item, text);
                        text.Append(',');
                    }

                    text.Append(']');
                    break;
                case YMapping m:
                    text.Append($"M{m.Start.Line}:{m.Start.Column}{{");
                    foreach (var entry in m.Entries)
                    {
                        Write(entry.Key, text);
                        text.Append('=');
                        Write(entry.Value, text);
                        text.Append(';');
                    }

                    text.Append('}');
                    break;
                default:
                    text.Append("null");
                    break;
            }
        }
    }

    private static string Escape(string yaml) => yaml.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);
}
