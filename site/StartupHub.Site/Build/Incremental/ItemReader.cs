using StartupHub.Site.Content;
using StartupHub.Site.Diagnostics;
using StartupHub.Site.Loading;
using StartupHub.Site.Loading.Readers;

namespace StartupHub.Site.Build.Incremental;

/// <summary>
/// Reads one edited Markdown item the way the load phase reads a collection's file (Loading/ContentFiles.cs):
/// the same front matter split, YAML tree and record reader. Videos (YAML files whose titles also shape every
/// body's embeds) and files of unknown folders are not read here: their edits take the full build.
/// </summary>
internal static class ItemReader
{
    private delegate ContentItem Reader(Fields fields, string slug, string sourcePath, string body);

    private static readonly Dictionary<string, (IReadOnlyList<string> Keys, Reader Read)> Collections = new(StringComparer.Ordinal)
    {
        ["events"] = (EventReader.Keys, EventReader.Read),
        ["people"] = (PersonReader.Keys, PersonReader.Read),
        ["companies"] = (CompanyReader.Keys, CompanyReader.Read),
        ["news"] = (NewsReader.Keys, NewsReader.Read),
        ["pages"] = (PageReader.Keys, PageReader.Read),
        ["supporters"] = (SupporterReader.Keys, SupporterReader.Read),
        ["forms"] = (FormReader.Keys, FormReader.Read),
    };

    /// <param name="path">Relative to the root: <c>content/{collection}/{slug}.md</c>.</param>
    /// <returns>The record and its YAML tree (for the source map), or null when the file is not a readable item.</returns>
    public static (ContentItem Item, YMapping Tree)? Read(string path, FrontMatter text, DiagnosticBag diagnostics)
    {
        var parts = path.Split('/');
        if (parts.Length != 3 || parts[0] != "content" || !Collections.TryGetValue(parts[1], out var collection))
        {
            return null;
        }

        var node = YamlTreeReader.Parse(text.Yaml, path, text.YamlFirstLine, diagnostics);
        var mapping = node is YScalar { IsNull: true } ? new YMapping(new TextPosition(text.YamlFirstLine, 1), []) : node as YMapping;
        if (mapping is null)
        {
            return null;
        }

        var slug = Path.GetFileNameWithoutExtension(path);
        return (collection.Read(new Fields(mapping, path, "", collection.Keys, diagnostics, new LoadFaults()), slug, path, text.Body), mapping);
    }
}
