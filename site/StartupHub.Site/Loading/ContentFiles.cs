using StartupHub.Site.Content;
using StartupHub.Site.Diagnostics;
using StartupHub.Site.Validation;

namespace StartupHub.Site.Loading;

/// <summary>File access for the load phase: paths, front matter, YAML trees and the source map.</summary>
internal sealed class ContentFiles(string contentDirectory, string rootDirectory, DiagnosticBag diagnostics)
{
    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public SourceMap SourceMap { get; } = new();

    public LoadFaults Faults { get; } = new();

    /// <summary>Each Markdown file's front matter text, by source path: a later build compares it to tell a body-only edit.</summary>
    public Dictionary<string, string> FrontMatters { get; } = new(StringComparer.Ordinal);

    public delegate T ItemReader<out T>(Fields fields, string slug, string sourcePath, string body);

    public Fields Fields(YMapping mapping, IReadOnlyList<string> keys) =>
        new(mapping, PathOf(mapping), "", keys, Diagnostics, Faults);

    /// <summary>Reads a top-level YAML file that must be a mapping (site.yml).</summary>
    public YMapping? ReadYamlMapping(string name, bool required)
    {
        var node = ReadYaml(name, required, out var path);
        if (node is YMapping mapping)
        {
            _paths[mapping] = path;
            return mapping;
        }

        if (node is not null)
            Diagnostics.Error(new SourceLocation(path, node.Start.Line, node.Start.Column), Codes.WrongType, Messages.ExpectedMapping(name));
        return null;
    }

    public YNode? ReadYaml(string name, bool required, out string path)
    {
        var full = System.IO.Path.Combine(contentDirectory, name);
        path = Relative(full);
        if (!File.Exists(full))
        {
            if (required)
                Diagnostics.Error(new SourceLocation(path, 1, 1), Codes.UnreadableFile, Messages.UnreadableFile("ファイルがありません"));
            return null;
        }

        var node = YamlTreeReader.Parse(ContentText.Read(full).TrimStart('\uFEFF'), path, 1, Diagnostics);
        if (node is not null)
            SourceMap.SetTree(path, node);
        return node;
    }

    /// <summary>
    /// Reads every <c>*{extension}</c> file of a folder, in name order. Unreadable files are recorded, not returned.
    /// With <paramref name="nested"/>, subfolders are read too and an item's slug is its path without the
    /// extension (<c>forms/cancel</c>), so content pages can sit at deeper URLs like <c>/forms/cancel/</c>.
    /// </summary>
    public IReadOnlyList<T> ReadCollection<T>(string folder, string extension, IReadOnlyList<string> keys, ItemReader<T> read, bool nested = false)
    {
        var directory = System.IO.Path.Combine(contentDirectory, folder);
        if (!Directory.Exists(directory))
            return [];

        var search = nested ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly;
        var fulls = Directory.EnumerateFiles(directory, "*" + extension, search).Order(StringComparer.Ordinal).ToArray();

        // Reading and parsing (the costly part: ten thousand news items took a second on one core) runs on every
        // core; the source map, faults and typed records are then filled in name order, on this thread.
        var parsed = new ParsedFile[fulls.Length];
        Parallel.For(0, fulls.Length, i => parsed[i] = Parse(fulls[i], directory, extension, nested));

        var items = new List<T>(parsed.Length);
        foreach (var file in parsed)
        {
            if (file.Split is { } split)
            {
                SourceMap.SetBodyFirstLine(file.Path, split.BodyFirstLine);
                FrontMatters[file.Path] = split.Yaml;
            }

            switch (file.Node)
            {
                case YMapping mapping:
                    SourceMap.SetTree(file.Path, mapping);
                    items.Add(read(new Fields(mapping, file.Path, "", keys, Diagnostics, Faults), file.Slug, file.Path, file.Body));
                    break;
                case null:
                    Faults.AddUnreadable(folder, file.Slug);
                    break;
                default:
                    Diagnostics.Error(new SourceLocation(file.Path, file.Node.Start.Line, file.Node.Start.Column), Codes.WrongType, Messages.ExpectedMapping(file.Slug));
                    Faults.AddUnreadable(folder, file.Slug);
                    break;
            }
        }

        return items;
    }

    /// <summary>One file read and parsed, before anything shared is touched.</summary>
    private sealed record ParsedFile(string Path, string Slug, YNode? Node, string Body, FrontMatter? Split);

    private ParsedFile Parse(string full, string directory, string extension, bool nested)
    {
        var path = Relative(full);
        var slug = nested ? NestedSlug(directory, full) : System.IO.Path.GetFileNameWithoutExtension(full);
        if (extension != ".md")
        {
            return new ParsedFile(path, slug, ReadYamlFile(full, path), "", null);
        }

        var (node, body, split) = ReadMarkdown(full, path);
        return new ParsedFile(path, slug, node, body, split);
    }

    /// <summary><c>forms/cancel.md</c> → <c>forms/cancel</c>; a subfolder's <c>index.md</c> is the folder itself (<c>staff/index.md</c> → <c>staff</c>).</summary>
    private static string NestedSlug(string directory, string full)
    {
        var slug = System.IO.Path.ChangeExtension(System.IO.Path.GetRelativePath(directory, full), null).Replace('\\', '/');
        return slug.EndsWith("/index", StringComparison.Ordinal) ? slug[..^"/index".Length] : slug;
    }

    private readonly Dictionary<YMapping, string> _paths = new(ReferenceEqualityComparer.Instance);

    private string PathOf(YMapping mapping) => _paths[mapping];

    private YNode? ReadYamlFile(string full, string path) =>
        YamlTreeReader.Parse(ContentText.Read(full).TrimStart('\uFEFF'), path, 1, Diagnostics);

    private (YNode? Node, string Body, FrontMatter? Split) ReadMarkdown(string full, string path)
    {
        var text = ContentText.Read(full);
        var split = FrontMatter.Split(text, out var faultLine);
        if (split is null)
        {
            var message = faultLine == 1 ? Messages.FrontMatterMissing() : Messages.FrontMatterUnclosed();
            Diagnostics.Error(new SourceLocation(path, faultLine, 1), Codes.FrontMatterMissing, message);
            return (null, "", null);
        }

        var node = YamlTreeReader.Parse(split.Yaml, path, split.YamlFirstLine, Diagnostics);
        return (node is YScalar { IsNull: true } ? new YMapping(new TextPosition(split.YamlFirstLine, 1), []) : node, split.Body, split);
    }

    public string RelativePath(string name) => Relative(System.IO.Path.Combine(contentDirectory, name));

    private string Relative(string full) =>
        System.IO.Path.GetRelativePath(rootDirectory, full).Replace('\\', '/');
}

/// <summary>
/// What the load phase could not read: whole files (references to them are not reported again as missing)
/// and single values (rules that compare values skip them, so one typo gives one diagnostic).
/// </summary>
public sealed class LoadFaults
{
    private readonly HashSet<(string Collection, string Slug)> _unreadable = [];
    private readonly HashSet<(string Path, string KeyPath)> _values = [];

    public static LoadFaults None => new();

    public void AddUnreadable(string collection, string slug) => _unreadable.Add((collection, slug));

    public bool IsUnreadable(string collection, string slug) => _unreadable.Contains((collection, slug));

    public void AddValue(string path, string keyPath) => _values.Add((path, keyPath));

    public bool IsFaulted(string path, string keyPath) => _values.Contains((path, keyPath));
}
