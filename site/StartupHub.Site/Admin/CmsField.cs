namespace StartupHub.Site.Admin;

/// <summary>
/// One field of a Decap CMS collection: its YAML key (snake_case, as in docs/content-model.md), the Japanese
/// label editors see, the widget and whether Decap insists on a value. Widget options that only some widgets
/// take (select options, relation targets, patterns...) go in <see cref="Options"/>.
/// </summary>
public sealed record CmsField(string Name, string Label, string Widget, bool Required)
{
    public string? Hint { get; init; }

    /// <summary>Sub-fields of an object, or of a list of objects.</summary>
    public IReadOnlyList<CmsField> Fields { get; init; } = [];

    public IReadOnlyList<KeyValuePair<string, object>> Options { get; init; } = [];

    /// <summary>The mapping written into config.yml, keys in Decap's documented order.</summary>
    public Dictionary<string, object> ToYaml()
    {
        var map = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["name"] = Name,
            ["label"] = Label,
            ["widget"] = Widget,
            // Decap treats a field without "required" as required, so the value is always written explicitly.
            ["required"] = Required,
        };
        if (Hint is not null)
        {
            map["hint"] = Hint;
        }

        foreach (var (key, value) in Options)
        {
            map[key] = value;
        }

        if (Fields.Count > 0)
        {
            map["fields"] = Fields.Select(f => f.ToYaml()).ToList();
        }

        return map;
    }
}
