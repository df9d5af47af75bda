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
    /// the longest key that matches the path at that point wins, and of duplicate keys the last, as YAML readers do.
    /// </summary>
    private (TextPosition Key, TextPosition Value)? Find(string path, string keyPath)
    {
        if (!_trees.TryGetValue(path, out var node))
            return null;

        var key = node.Start;
        var rest = keyPath.AsSpan();
        while (rest.Length > 0)
        {
            if (node is YMapping mapping && Match(mapping, rest) is { } entry)
            {
                rest = rest[entry.Key.Value.Length..];
                key = entry.Key.Start;
                node = entry.Value;
            }
            else if (node is YSequence sequence && rest[0] == '[' && rest.IndexOf(']') is > 1 and var close
                && int.TryParse(rest[1..close], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                && index < sequence.Items.Count)
            {
                rest = rest[(close + 1)..];
                node = sequence.Items[index];
                key = node.Start;
            }
            else
            {
                return null;
            }

            if (rest.Length > 0 && rest[0] == '.')
            {
                rest = rest[1..];
                if (rest.Length == 0)
                    return null;
            }
        }

        return (key, node.Start);
    }

    private static YEntry? Match(YMapping mapping, ReadOnlySpan<char> rest)
    {
        YEntry? best = null;
        foreach (var entry in mapping.Entries)
        {
            var name = entry.Key.Value;
            if (rest.StartsWith(name, StringComparison.Ordinal)
                && (rest.Length == name.Length || rest[name.Length] is '.' or '[')
                && (best is null || name.Length >= best.Key.Value.Length))
            {
                best = entry;
            }
        }

        return best;
    }

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
