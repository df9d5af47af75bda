using StartupHub.Site.Content;

namespace StartupHub.Site.Loading;

/// <summary>
/// Where every key and value of the loaded content sits, so a rule that runs on the typed records can still
/// point at the exact line. Key paths look like <c>title</c>, <c>registration.closes</c>,
/// <c>sessions[1].speakers[0]</c>; venues are <c>[2].id</c> inside <c>content/venues.yml</c>.
/// </summary>
public sealed class SourceMap
{
    private readonly Dictionary<(string Path, string KeyPath), (SourceLocation Key, SourceLocation Value)> _entries = [];
    private readonly Dictionary<string, int> _bodyLines = new(StringComparer.Ordinal);

    public static SourceMap Empty { get; } = new();

    /// <summary>The location of the key itself (for a list item: the item).</summary>
    public SourceLocation? Key(string path, string keyPath) =>
        _entries.TryGetValue((path, keyPath), out var entry) ? entry.Key : null;

    /// <summary>The location of the value of a key (for a list item: the item).</summary>
    public SourceLocation? Value(string path, string keyPath) =>
        _entries.TryGetValue((path, keyPath), out var entry) ? entry.Value : null;

    /// <summary>
    /// Best location for a fault about <paramref name="keyPath"/>: the value when it exists, else the key,
    /// else the nearest parent that exists, else the start of the file.
    /// </summary>
    public SourceLocation Locate(string path, string keyPath)
    {
        for (var current = keyPath; ; current = Parent(current))
        {
            if (_entries.TryGetValue((path, current), out var entry))
                return entry.Value;
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

    internal void Add(string path, string keyPath, SourceLocation key, SourceLocation value) =>
        _entries[(path, keyPath)] = (key, value);

    /// <summary>Records every key and list item of <paramref name="node"/> under <paramref name="prefix"/>.</summary>
    internal void AddTree(string path, string prefix, YNode node)
    {
        var here = Loc(path, node.Start);
        if (!_entries.ContainsKey((path, prefix)))
            Add(path, prefix, here, here);
        switch (node)
        {
            case YMapping mapping:
                foreach (var entry in mapping.Entries)
                {
                    var keyPath = KeyPaths.Child(prefix, entry.Key.Value);
                    Add(path, keyPath, Loc(path, entry.Key.Start), Loc(path, entry.Value.Start));
                    AddTree(path, keyPath, entry.Value);
                }

                break;
            case YSequence sequence:
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    var itemPath = KeyPaths.Item(prefix, i);
                    var at = Loc(path, sequence.Items[i].Start);
                    Add(path, itemPath, at, at);
                    AddTree(path, itemPath, sequence.Items[i]);
                }

                break;
        }
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
