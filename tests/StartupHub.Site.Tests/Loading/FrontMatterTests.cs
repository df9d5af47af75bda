using CsCheck;
using StartupHub.Site.Loading;

namespace StartupHub.Site.Tests.Loading;

/// <summary>Splitting a Markdown file into front matter and body, which walks line boundaries instead of splitting lines.</summary>
public sealed class FrontMatterTests
{
    // Lines chosen around the delimiters: the markers themselves, with trailing and leading white space, lookalikes,
    // ordinary YAML and body text, empty lines, and a lone carriage return (only "\r\n" is a line break here).
    // Also Unicode white space after a marker (trimmed like ASCII), a byte order mark inside the text (only a leading
    // one is dropped) and a line that is a lone carriage return.
    private static readonly string[] Lines =
        ["---", "---", "...", "--- ", "---\t", " ---", "----", "-- -", ". . .", "title: お知らせ", "date: 2025-10-01", "", "本文です。", "## 見出し", "- 項目", "a\r", "\r",
            "\u3000---", "---\u3000", "...\u00A0", "\uFEFF---"];

    // Each line ends with its own break, "\n" or "\r\n", so a file can mix them.
    private static readonly Gen<string> Line = Gen.Select(Gen.Int[0, Lines.Length - 1], Gen.OneOf(Gen.Const("\n"), Gen.Const("\r\n")), (i, newline) => Lines[i] + newline);

    private static readonly Gen<string> File = Gen.Select(
        Line.Array[0, 8], Gen.Bool, Gen.Bool,
        (lines, bom, trailingNewline) =>
        {
            var text = string.Concat(lines);
            return (bom ? "\uFEFF" : "") + (trailingNewline ? text : text.TrimEnd('\n').TrimEnd('\r'));
        });

    [Fact]
    public void Splits_exactly_as_splitting_into_lines_does()
    {
        var found = 0;
        var total = 0;
        File.Sample(text =>
        {
            Interlocked.Increment(ref total);
            var expected = ByLines(text, out var expectedFault);
            var actual = FrontMatter.Split(text, out var fault);
            Assert.Equal(expected, actual);
            Assert.Equal(expectedFault, fault);
            if (actual is not null)
            {
                Interlocked.Increment(ref found);
            }
        }, iter: 20_000);

        // Both outcomes must be exercised, or the comparison could pass vacuously.
        Assert.InRange(found, total / 50, total - (total / 50));
    }

    [Theory]
    [InlineData("---\ntitle: a\n---\n本文\n", "title: a", "本文\n", 4)]
    [InlineData("\uFEFF---\r\ntitle: a\r\n...\r\n", "title: a", "", 4)]
    [InlineData("---\n---\n本文", "", "本文", 3)]
    [InlineData("---  \na: 1\nb: 2\n---\t\n\n本文", "a: 1\nb: 2", "\n本文", 5)]
    public void Cuts_the_yaml_and_the_body_with_the_line_the_body_starts_on(string text, string yaml, string body, int bodyLine)
    {
        var split = FrontMatter.Split(text, out _);

        Assert.Equal(new FrontMatter(yaml, 2, body, bodyLine), split);
    }

    [Theory]
    [InlineData("本文だけ", 1)]
    [InlineData("---\ntitle: a\n本文\n", 4)]
    [InlineData(" ---\ntitle: a\n---\n", 1)]
    public void A_missing_opening_or_closing_marker_gives_null_and_where_to_look(string text, int faultLine)
    {
        Assert.Null(FrontMatter.Split(text, out var fault));
        Assert.Equal(faultLine, fault);
    }

    /// <summary>The implementation this one replaced: every line a string, the parts joined again.</summary>
    private static FrontMatter? ByLines(string text, out int faultLine)
    {
        faultLine = 1;
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            return null;
        }

        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() is "---" or "...")
            {
                return new FrontMatter(string.Join('\n', lines[1..i]), 2, string.Join('\n', lines[(i + 1)..]), i + 2);
            }
        }

        faultLine = lines.Length;
        return null;
    }
}
