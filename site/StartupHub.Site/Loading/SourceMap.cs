using System.Globalization;
using StartupHub.Site.Content;

namespace StartupHub.Site.Loading;

/// <summary>
/// Where every key and value of the loaded content sits, so a rule that runs on the typed records can still
/// point at the exact line. Key paths look like <c>title</c>, <c>registration.closes</c>,
/// <c>sessions[1].speakers[0]</c>; venues are <c>[2].id</c> inside <c>content/venues.yml</c>.
/// </summary>
/// <remarks>
/// The map keeps each file's parsed YAML tree and walks it when asked. It used to index every key path of every file
/// up front: for ten thousand news items that was a hundred thousand entries, two location objects and a path
/// string each, made once per build for the few lookups that faults and a handful of rules make. Its growing
/// tables alone were 11 MB of large-object allocations, which cost the build two full collections while loading.
/// </remarks>
public sealed class SourceMap
{
    // Written while loading (one thread) and by a rebuild before its validation starts; read by validation rules,
    // which may run on several threads: a dictionary is safe for concurrent readers.
    private readonly Dictionary<string, YNode> _trees = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _bodyLines = new(StringComparer.Ordinal);

    public static SourceMap Empty { get; } = new();

    /// <summary>The location of the key itself (for a list item: the item).</summary>
    public SourceLocation? Key(string path, string keyPath) =>
        Find(path, keyPath) is { } found ? Loc(path, found.Key) : null;

    /// <summary>The location of the value of a key (for a list item: the item).</summary>
    public SourceLocation? Value(string path, string keyPath) =>
        Find(path, keyPath) is { } found ? Loc(path, found.Value) : null;

    /// <summary>
    /// Best location for a fault about <paramref name="keyPath"/>: the value when it exists, else the key,
    /// else the nearest parent that exists, else the start of the file.
    /// </summary>
    public SourceLocation Locate(string path, string keyPath)
    {
        for (var current = keyPath; ; current = Parent(current))
        {
            if (Find(path, current) is { } found)
                return Loc(path, found.Value);
            if (current.Length == 0)
                return new SourceLocation(path, 1, 1);
        }
    }

    /// <summary>Like <see cref="Locate(string, string)"/> but points at the key (for "unknown"/"duplicate" style faults).</summary>
    public SourceLocation LocateKey(string path, string keyPath) =>
        Key(path, keyPath) ?? Locate(path, keyPath);

    public SourceLocation Locate(ContentItem item, string keyPath) => Locate(item.SourcePath, keyPath);

    public SourceLocation LocateKey(ContentItem item, string keyPath) => LocateKey(item.SourcePath, keyPath);

    /// <summary>The file line where the Markdown body of <paramref name="path"/> begins (1 for files without front matter).</summary>
    public int BodyFirstLine(string path) => _bodyLines.TryGetValue(path, out var line) ? line : 1;

    internal void SetBodyFirstLine(string path, int line) => _bodyLines[path] = line;

    /// <summary>Records (or, for an edited file, replaces) the parsed YAML of <paramref name="path"/>.</summary>
    internal void SetTree(string path, YNode tree) => _trees[path] = tree;

    /// <summary>
    /// The key's and the value's positions for <paramref name="keyPath"/>; for a list item (and the whole file) both
    /// are the item's. A key may itself hold dots or brackets (an unknown key such as <c>a.b</c> is still located):
    /// the longest key that matches the path at that point is tried first, then the shorter ones, so <c>a.b.c</c> is
    /// found under <c>a</c> → <c>b</c> even beside a key <c>a.b</c>. (The tree holds the first of duplicate keys.)
    /// </summary>
    private (TextPosition Key, TextPosition Value)? Find(string path, string keyPath) =>
        _trees.TryGetValue(path, out var tree) ? Walk(tree, tree.Start, keyPath.AsSpan()) : null;

    private static (TextPosition Key, TextPosition Value)? Walk(YNode node, TextPosition key, ReadOnlySpan<char> rest)
    {
        if (rest.Length == 0)
            return (key, node.Start);

        switch (node)
        {
            case YMapping mapping:
                // Usually one key matches: it is tried without building a list of candidates (validation asks often).
                YEntry? longest = null;
                var matches = 0;
                foreach (var entry in mapping.Entries)
                {
                    if (Continues(rest, entry.Key.Value))
                    {
                        matches++;
                        if (longest is null || entry.Key.Value.Length > longest.Key.Value.Length)
                            longest = entry;
                    }
                }

                if (longest is null)
                    return null;
                var entered = Enter(longest, rest);
                if (entered is not null || matches == 1)
                    return entered;

                var others = new List<YEntry>(matches - 1);
                foreach (var entry in mapping.Entries)
                {
                    if (!ReferenceEquals(entry, longest) && Continues(rest, entry.Key.Value))
                        others.Add(entry);
                }

                others.Sort((x, y) => y.Key.Value.Length.CompareTo(x.Key.Value.Length));
                foreach (var entry in others)
                {
                    if (Enter(entry, rest) is { } found)
                        return found;
                }

                return null;
            case YSequence sequence when rest[0] == '[' && rest.IndexOf(']') is > 1 and var close && (close == 2 || rest[1] != '0')
                && int.TryParse(rest[1..close], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < sequence.Items.Count:
                var next = rest[(close + 1)..];
                if (next.Length > 0 && next[0] == '.')
                {
                    next = next[1..];
                    if (next.Length == 0)
                        return null;
                }
                else if (next.Length > 0 && next[0] != '[')
                {
                    return null; // "roles[0]x" is no path
                }

                var item = sequence.Items[index];
                return Walk(item, item.Start, next);
            default:
                return null;
        }
    }

    /// <summary>Walks on below <paramref name="entry"/>, whose key starts <paramref name="rest"/>.</summary>
    private static (TextPosition Key, TextPosition Value)? Enter(YEntry entry, ReadOnlySpan<char> rest)
    {
        var after = rest[entry.Key.Value.Length..];
        if (after.Length > 0 && after[0] == '.')
        {
            after = after[1..];
            if (after.Length == 0)
                return null;
        }

        return Walk(entry.Value, entry.Key.Start, after);
    }

    /// <summary>True when the path goes on with <paramref name="name"/> as a whole key (followed by its end, "." or "[").</summary>
    private static bool Continues(ReadOnlySpan<char> rest, string name) =>
        name.Length > 0 && rest.StartsWith(name, StringComparison.Ordinal) && (rest.Length == name.Length || rest[name.Length] is '.' or '[');

    private static SourceLocation Loc(string path, TextPosition at) => new(path, at.Line, at.Column);

    private static string Parent(string keyPath)
    {
        var cut = Math.Max(keyPath.LastIndexOf('.'), keyPath.LastIndexOf('['));
        return cut <= 0 ? "" : keyPath[..cut];
    }
}

/// <summary>Builds the key paths used by <see cref="SourceMap"/>.</summary>
public static class KeyPaths
{
    public static string Child(string prefix, string key) => prefix.Length == 0 ? key : $"{prefix}.{key}";

    public static string Item(string prefix, int index) => $"{prefix}[{index}]";
}
