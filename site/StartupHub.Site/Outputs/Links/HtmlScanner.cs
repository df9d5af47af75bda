using System.Net;

namespace StartupHub.Site.Outputs.Links;

/// <summary>
/// A single forward pass over a page's HTML that finds what the link checker needs — element ids, <c>&lt;a name&gt;</c>
/// anchors and URL attributes — without building a DOM (a full parse of ten thousand pages took longer than
/// rendering them). It follows the HTML tokenizer where our output can reach: comments, doctype and CDATA are
/// skipped, script/style/textarea/title contents are raw text, <c>&lt;template&gt;</c> contents are inert (as in the
/// DOM, where they live in a separate fragment), attribute values may be double-, single- or unquoted, names are
/// case-insensitive, the first of two same-named attributes wins, and character references are decoded.
/// </summary>
internal static class HtmlScanner
{
    /// <summary>Elements whose URL attribute must point inside the output, and which attribute that is.</summary>
    private static readonly Dictionary<string, string> UrlAttributes = new(StringComparer.Ordinal)
    {
        ["a"] = "href",
        ["area"] = "href",
        ["link"] = "href",
        ["img"] = "src",
        ["script"] = "src",
        ["source"] = "src",
        ["iframe"] = "src",
        ["video"] = "src",
        ["audio"] = "src",
        ["track"] = "src",
    };

    /// <summary>Elements whose content is text up to their own end tag (no tags inside).</summary>
    private static readonly HashSet<string> RawText = new(StringComparer.Ordinal) { "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes" };

    private static readonly HashSet<string> Void = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    /// <summary>The links of the page being scanned on this thread, reused from page to page: a page's list grew by
    /// doubling (70 MB of discarded arrays in a 10,000-page build), and the exact-size copy is what the build keeps.</summary>
    [ThreadStatic]
    private static List<FoundLink>? t_links;

    public static (HashSet<string> Ids, FoundLink[] Links) Scan(string html) => Scan(html.AsSpan());

    /// <summary>Scans text the caller holds in a buffer (the render phase scans each page before only its UTF-8 bytes are kept).</summary>
    /// <param name="strings">Where the values found are shared with other pages' (null: each value is a new string).</param>
    public static (HashSet<string> Ids, FoundLink[] Links) Scan(ReadOnlySpan<char> html, ScannedStrings? strings = null)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var links = t_links ??= new List<FoundLink>(256);
        links.Clear();
        var attributes = new List<(string Name, string Value)>(8);
        var i = 0;
        while ((i = IndexOf(html, '<', i)) >= 0)
        {
            if (StartsWith(html, i, "<!--"))
            {
                i = SkipPast(html, i + 4, "-->");
                continue;
            }

            if (i + 1 < html.Length && (html[i + 1] is '!' or '?'))
            {
                i = SkipPast(html, i + 2, ">"); // doctype, CDATA in foreign content, bogus comments
                continue;
            }

            if (i + 1 < html.Length && html[i + 1] == '/')
            {
                i = SkipPast(html, i + 2, ">");
                continue;
            }

            if (i + 1 >= html.Length || !char.IsAsciiLetter(html[i + 1]))
            {
                i++; // a lone '<' in text
                continue;
            }

            var name = ReadTag(html, ref i, attributes, strings);
            if (Value(attributes, "id") is { Length: > 0 } id)
            {
                ids.Add(id);
            }

            if (name == "a" && Value(attributes, "name") is { Length: > 0 } anchor)
            {
                ids.Add(anchor);
            }

            if (UrlAttributes.TryGetValue(name, out var urlAttribute))
            {
                var value = Value(attributes, urlAttribute);
                if (!string.IsNullOrWhiteSpace(value) && !(name == "link" && IsOriginHint(Value(attributes, "rel"))))
                {
                    // The text is only needed to locate a broken link in Markdown: kept as a position, read on demand.
                    links.Add(Void.Contains(name) ? new FoundLink(value.Trim()) : new FoundLink(value.Trim(), i, name));
                }
            }

            if (name == "template")
            {
                i = SkipTemplate(html, i);
            }
            else if (RawText.Contains(name))
            {
                i = EndTagStart(html, i, name) is var end and >= 0 ? end : html.Length;
            }
        }

        FoundLink[] found = [.. links];
        links.Clear(); // the reused list must not keep this page's addresses alive (serve's threads live on)
        return (ids, found);
    }

    /// <summary>The tags and attributes the scan acts on; every other name is read past without allocating a string.</summary>
    private static readonly string[] KnownElements =
        ["a", "area", "link", "img", "script", "source", "iframe", "video", "audio", "track", "template", "style", "textarea", "title", "xmp", "noembed", "noframes"];

    private static readonly string[] KnownAttributes = ["id", "name", "href", "src", "rel"];

    /// <summary>The lower-case constant for <paramref name="name"/> (compared case-insensitively), or "" when the scan does not need it.</summary>
    private static string Known(ReadOnlySpan<char> name, string[] known)
    {
        foreach (var candidate in known)
        {
            if (name.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        return "";
    }

    /// <summary>&lt;link rel="preconnect|dns-prefetch"&gt; name origins, not files.</summary>
    private static bool IsOriginHint(string? rel) => rel is not null
        && (rel.Contains("preconnect", StringComparison.OrdinalIgnoreCase) || rel.Contains("dns-prefetch", StringComparison.OrdinalIgnoreCase));

    private static string? Value(List<(string Name, string Value)> attributes, string name)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.Name == name)
            {
                return attribute.Value;
            }
        }

        return null;
    }

    /// <summary>Reads a start tag at <paramref name="i"/> ('&lt;'), leaving <paramref name="i"/> after its '&gt;'.</summary>
    private static string ReadTag(ReadOnlySpan<char> html, ref int i, List<(string Name, string Value)> attributes, ScannedStrings? strings)
    {
        attributes.Clear();
        var p = i + 1;
        var nameStart = p;
        while (p < html.Length && !IsSpace(html[p]) && html[p] is not ('>' or '/'))
        {
            p++;
        }

        var name = Known(html.Slice(nameStart, p - nameStart), KnownElements);
        while (p < html.Length)
        {
            while (p < html.Length && (IsSpace(html[p]) || html[p] == '/'))
            {
                p++;
            }

            if (p >= html.Length || html[p] == '>')
            {
                break;
            }

            var attributeStart = p;
            p++; // the first character belongs to the name even if it is '=' (as the tokenizer does)
            while (p < html.Length && !IsSpace(html[p]) && html[p] is not ('>' or '/' or '='))
            {
                p++;
            }

            var attributeName = Known(html.Slice(attributeStart, p - attributeStart), KnownAttributes);
            while (p < html.Length && IsSpace(html[p]))
            {
                p++;
            }

            var value = "";
            if (p < html.Length && html[p] == '=')
            {
                p++;
                while (p < html.Length && IsSpace(html[p]))
                {
                    p++;
                }

                if (p < html.Length && html[p] is '"' or '\'')
                {
                    var quote = html[p];
                    var end = IndexOf(html, quote, p + 1);
                    end = end < 0 ? html.Length : end;
                    value = attributeName.Length > 0 ? Text(html[(p + 1)..end], strings) : "";
                    p = Math.Min(end + 1, html.Length);
                }
                else
                {
                    var valueStart = p;
                    while (p < html.Length && !IsSpace(html[p]) && html[p] != '>')
                    {
                        p++;
                    }

                    value = attributeName.Length > 0 ? Text(html[valueStart..p], strings) : "";
                }
            }

            if (attributeName.Length > 0 && Value(attributes, attributeName) is null)
            {
                attributes.Add((attributeName, value.Contains('&') ? WebUtility.HtmlDecode(value) : value));
            }
        }

        i = Math.Min(p + 1, html.Length);
        return name;
    }

    private static string Text(ReadOnlySpan<char> value, ScannedStrings? strings) => strings?.Get(value) ?? value.ToString();

    /// <summary>The element's text (tags removed, references decoded) up to its end tag, as the DOM's textContent.</summary>
    internal static string TextUntilEnd(string html, int from, string name)
    {
        var end = EndTagStart(html.AsSpan(), from, name);
        if (end < 0)
        {
            return "";
        }

        var inner = html.AsSpan(from, end - from);
        if (inner.IndexOf('<') < 0)
        {
            return Decode(inner.ToString()).Trim();
        }

        var text = new System.Text.StringBuilder(inner.Length);
        var inTag = false;
        foreach (var c in inner)
        {
            if (c == '<')
            {
                inTag = true;
            }
            else if (c == '>' && inTag)
            {
                inTag = false;
            }
            else if (!inTag)
            {
                text.Append(c);
            }
        }

        return Decode(text.ToString()).Trim();
    }

    private static string Decode(string text) => text.Contains('&') ? WebUtility.HtmlDecode(text) : text;

    /// <summary>Index of the '&lt;' of the next <c>&lt;/name</c> (case-insensitive) followed by a delimiter, or -1.</summary>
    private static int EndTagStart(ReadOnlySpan<char> html, int from, string name)
    {
        var needle = "</" + name;
        var i = from;
        while ((i = IndexOf(html, needle, i, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var after = i + needle.Length;
            if (after >= html.Length || IsSpace(html[after]) || html[after] is '>' or '/')
            {
                return i;
            }

            i = after;
        }

        return -1;
    }

    /// <summary>Skips a template's inert content, counting nested templates; returns the index after its end tag.</summary>
    private static int SkipTemplate(ReadOnlySpan<char> html, int from)
    {
        var depth = 1;
        var i = from;
        while (depth > 0)
        {
            var open = IndexOf(html, "<template", i, StringComparison.OrdinalIgnoreCase);
            var close = EndTagStart(html, i, "template");
            if (close < 0)
            {
                return html.Length;
            }

            if (open >= 0 && open < close)
            {
                depth++;
                i = open + 9;
            }
            else
            {
                depth--;
                i = close + 10; // "</template", the ">" is skipped below
            }
        }

        return SkipPast(html, i, ">");
    }

    private static int SkipPast(ReadOnlySpan<char> html, int from, string terminator)
    {
        var end = IndexOf(html, terminator, Math.Min(from, html.Length), StringComparison.Ordinal);
        return end < 0 ? html.Length : end + terminator.Length;
    }

    private static bool StartsWith(ReadOnlySpan<char> html, int at, string prefix) =>
        html[at..].StartsWith(prefix, StringComparison.Ordinal);

    /// <summary>string.IndexOf(char, start) for a span: the index in <paramref name="html"/>, or -1.</summary>
    private static int IndexOf(ReadOnlySpan<char> html, char value, int from)
    {
        var found = html[from..].IndexOf(value);
        return found < 0 ? -1 : from + found;
    }

    /// <summary>string.IndexOf(string, start, comparison) for a span: the index in <paramref name="html"/>, or -1.</summary>
    private static int IndexOf(ReadOnlySpan<char> html, string value, int from, StringComparison comparison)
    {
        var found = html[from..].IndexOf(value, comparison);
        return found < 0 ? -1 : from + found;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';
}
