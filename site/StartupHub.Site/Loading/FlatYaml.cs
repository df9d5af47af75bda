namespace StartupHub.Site.Loading;

/// <summary>
/// A fast path for the commonest front matter: one <c>key: value</c> per line, each value a plain scalar or a flow
/// list of plain scalars (<c>tags: [募集, 千葉市]</c>), which is what news items, videos and most pages hold.
/// It gives exactly the tree <see cref="YamlTreeReader"/> gets from YamlDotNet (values, plain flags and positions),
/// and declines (null) anything else: quotes, comments, nesting, block lists, empty values, duplicates, blank
/// lines, tabs, anchors and tags, any character that YAML treats specially. The declined text goes to YamlDotNet,
/// which also reports every fault, so nothing but speed depends on this class.
/// </summary>
/// <remarks>
/// Why: YamlDotNet set up a scanner and parser per file, and parsing ten thousand news front matters was about
/// two thirds of loading a ten-thousand-page site. A differential property test (tests: FlatYamlTests) holds this
/// class to YamlDotNet's tree on generated text full of the characters that matter.
/// </remarks>
internal static class FlatYaml
{
    private const int MaxKeyLength = 1000;

    /// <summary>The tree of <paramref name="yaml"/> (whose first line is file line <paramref name="firstLine"/>), or null to decline.</summary>
    public static YMapping? TryParse(string yaml, int firstLine)
    {
        if (yaml.Length == 0)
        {
            return null;
        }

        var entries = new List<YEntry>();
        var line = firstLine;
        var rest = yaml.AsSpan();
        while (true)
        {
            var end = rest.IndexOf('\n');
            var text = end < 0 ? rest : rest[..end];
            if (ReadEntry(text, line) is not { } entry || entries.Exists(e => e.Key.Value == entry.Key.Value))
            {
                return null;
            }

            entries.Add(entry);
            if (end < 0)
            {
                break;
            }

            rest = rest[(end + 1)..];
            line++;
            if (rest.Length == 0)
            {
                break; // a final line break ends the text; it does not start an empty line
            }
        }

        return new YMapping(entries[0].Key.Start, entries);
    }

    /// <summary><c>key: value</c> at column 1, or null.</summary>
    private static YEntry? ReadEntry(ReadOnlySpan<char> text, int line)
    {
        var colon = text.IndexOf(':');
        // YamlDotNet refuses a simple key longer than 1,024 characters; far shorter keys are all a site has.
        if (colon <= 0 || colon > MaxKeyLength || !IsKey(text[..colon]) || colon + 1 >= text.Length || text[colon + 1] != ' ')
        {
            return null;
        }

        var start = colon + 1;
        while (start < text.Length && text[start] == ' ')
        {
            start++;
        }

        var value = text[start..].TrimEnd(' ');
        if (value.Length == 0)
        {
            return null;
        }

        var key = new YScalar(new TextPosition(line, 1), text[..colon].ToString(), IsPlain: true);
        YNode? node = value[0] == '['
            ? ReadFlowList(value, line, start + 1)
            : IsPlainScalar(value, flow: false) ? new YScalar(new TextPosition(line, start + 1), value.ToString(), IsPlain: true) : null;
        return node is null ? null : new YEntry(key, node);
    }

    /// <summary><c>[a, b]</c> of plain scalars, each position its first character's, or null.</summary>
    private static YSequence? ReadFlowList(ReadOnlySpan<char> value, int line, int column)
    {
        if (value[^1] != ']')
        {
            return null;
        }

        var items = new List<YNode>();
        var inner = value[1..^1];
        if (inner.Trim(' ').Length == 0)
        {
            return inner.Length == 0 ? new YSequence(new TextPosition(line, column), items) : null;
        }

        var offset = 1;
        while (true)
        {
            var comma = inner.IndexOf(',');
            var part = comma < 0 ? inner : inner[..comma];
            var lead = part.Length - part.TrimStart(' ').Length;
            var item = part.Trim(' ');
            if (!IsPlainScalar(item, flow: true))
            {
                return null;
            }

            items.Add(new YScalar(new TextPosition(line, column + offset + lead), item.ToString(), IsPlain: true));
            if (comma < 0)
            {
                break;
            }

            inner = inner[(comma + 1)..];
            offset += comma + 1;
            if (inner.Length == 0 || inner[0] != ' ')
            {
                return null; // "[a,]", "[a,b]": YAML allows them, but they are rare enough to leave to YamlDotNet
            }
        }

        return new YSequence(new TextPosition(line, column), items);
    }

    private static bool IsKey(ReadOnlySpan<char> key)
    {
        if (!char.IsAsciiLetter(key[0]) && key[0] != '_')
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A plain scalar that reads back as itself: it starts with no indicator, holds no ": ", " #" or line-break
    /// character, ends with no ":", and (in a flow list) holds none of the flow indicators.
    /// </summary>
    private static bool IsPlainScalar(ReadOnlySpan<char> value, bool flow)
    {
        if (value.Length == 0 || "-?:,[]{}#&*!|>'\"%@`".Contains(value[0]) || value[^1] == ':')
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\uFEFF' or '\t'
                || (c == ':' && (i + 1 == value.Length || value[i + 1] == ' '))
                || (c == '#' && value[i - 1] == ' ')
                || (flow && c is ',' or '[' or ']' or '{' or '}' or ':' or '#' or '\'' or '"'))
            {
                return false;
            }
        }

        return true;
    }
}
