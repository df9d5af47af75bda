namespace StartupHub.Site.Admin;

/// <summary>
/// One Decap collection. A folder collection edits every file of <see cref="Folder"/> (one item per file);
/// a file collection (<see cref="File"/> set) edits one settings file.
/// </summary>
public sealed record CmsCollection(string Name, string Label, IReadOnlyList<CmsField> Fields)
{
    /// <summary>The folder under the repository root, e.g. <c>content/events</c>.</summary>
    public string? Folder { get; init; }

    /// <summary>For a single-file collection, the file (e.g. <c>content/site.yml</c>).</summary>
    public string? File { get; init; }

    /// <summary>md (front matter + Markdown body) or yml.</summary>
    public string Extension { get; init; } = "md";

    public string LabelSingular { get; init; } = "";

    public string? Description { get; init; }

    /// <summary>The file name of a new item (its URL slug); Decap template syntax.</summary>
    public string? Slug { get; init; }

    public string? Summary { get; init; }

    public bool Create { get; init; } = true;

    public string? SortField { get; init; }

    public Dictionary<string, object> ToYaml()
    {
        var map = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["name"] = Name,
            ["label"] = Label,
        };
        if (LabelSingular.Length > 0)
        {
            map["label_singular"] = LabelSingular;
        }

        if (Description is not null)
        {
            map["description"] = Description;
        }

        if (File is not null)
        {
            map["files"] = new List<object>
            {
                new Dictionary<string, object>
                {
                    ["name"] = Name,
                    ["label"] = Label,
                    ["file"] = File,
                    ["fields"] = Fields.Select(f => f.ToYaml()).ToList(),
                },
            };
            return map;
        }

        map["folder"] = Folder ?? throw new InvalidOperationException($"Collection {Name} needs a folder or a file.");
        map["extension"] = Extension;
        map["format"] = Extension == "md" ? "frontmatter" : "yml";
        map["create"] = Create;
        if (Slug is not null)
        {
            map["slug"] = Slug;
        }

        if (Summary is not null)
        {
            map["summary"] = Summary;
        }

        if (SortField is not null)
        {
            map["sortable_fields"] = new List<object> { SortField };
        }

        map["fields"] = Fields.Select(f => f.ToYaml()).ToList();
        return map;
    }
}
