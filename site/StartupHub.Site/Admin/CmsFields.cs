namespace StartupHub.Site.Admin;

/// <summary>Short constructors for the widgets the content model needs, so the collection table reads like the model.</summary>
internal static class CmsFields
{
    public const string DateTimeFormat = "YYYY-MM-DDTHH:mm";

    public static CmsField Text(string name, string label, bool required = false, string? hint = null) =>
        new(name, label, "string", required) { Hint = hint };

    public static CmsField LongText(string name, string label, bool required = false, string? hint = null) =>
        new(name, label, "text", required) { Hint = hint };

    public static CmsField Pattern(string name, string label, string regex, string message, bool required = false, string? hint = null) =>
        new(name, label, "string", required) { Hint = hint, Options = [new("pattern", new List<object> { regex, message })] };

    public static CmsField Body(string label = "本文") =>
        new("body", label, "markdown", false) { Options = [new("buttons", Buttons), new("editor_components", new List<object> { "image" })] };

    /// <summary>A JST date and time written without offset, as the content files do (2025-10-15T18:00).</summary>
    public static CmsField DateTime(string name, string label, bool required = false, string? hint = null) =>
        new(name, label, "datetime", required)
        {
            Hint = hint,
            Options = [new("format", DateTimeFormat), new("date_format", "YYYY/MM/DD"), new("time_format", "HH:mm"), new("picker_utc", false)],
        };

    public static CmsField Date(string name, string label, bool required = false) =>
        new(name, label, "datetime", required)
        {
            Options = [new("format", "YYYY-MM-DD"), new("date_format", "YYYY/MM/DD"), new("time_format", false), new("picker_utc", false)],
        };

    /// <summary>A time of day (HH:mm) on the event's date, as sessions have.</summary>
    public static CmsField Time(string name, string label, bool required = false) =>
        new(name, label, "datetime", required)
        {
            Options = [new("format", "HH:mm"), new("date_format", false), new("time_format", "HH:mm"), new("picker_utc", false)],
        };

    public static CmsField Integer(string name, string label, bool required = false, int? min = null, string? hint = null)
    {
        List<KeyValuePair<string, object>> options = [new("value_type", "int")];
        if (min is { } m)
        {
            options.Add(new("min", m));
        }

        return new(name, label, "number", required) { Hint = hint, Options = options };
    }

    public static CmsField Boolean(string name, string label, bool @default, string? hint = null) =>
        new(name, label, "boolean", false) { Hint = hint, Options = [new("default", @default)] };

    public static CmsField Select(string name, string label, IEnumerable<(string Value, string Label)> choices, bool required = false, bool multiple = false, string? @default = null)
    {
        List<KeyValuePair<string, object>> options =
        [
            new("options", choices.Select(c => (object)new Dictionary<string, object> { ["label"] = c.Label, ["value"] = c.Value }).ToList()),
        ];
        if (multiple)
        {
            options.Add(new("multiple", true));
            if (required)
            {
                options.Add(new("min", 1));
            }
        }

        if (@default is not null)
        {
            options.Add(new("default", @default));
        }

        return new(name, label, "select", required) { Options = options };
    }

    /// <summary>A reference to other items by slug (the file name), chosen by their display field.</summary>
    public static CmsField Relation(string name, string label, string collection, string display, bool multiple, bool required = false) =>
        new(name, label, "relation", required)
        {
            Options =
            [
                new("collection", collection),
                new("value_field", "{{slug}}"),
                new("search_fields", new List<object> { display }),
                new("display_fields", new List<object> { display }),
                new("multiple", multiple),
            ],
        };

    public static CmsField TextList(string name, string label, string? hint = null) =>
        new(name, label, "list", false) { Hint = hint, Options = [new("allow_add", true)] };

    public static CmsField Object(string name, string label, bool required, params CmsField[] fields) =>
        new(name, label, "object", required) { Fields = fields, Options = [new("collapsed", false)] };

    public static CmsField ObjectList(string name, string label, bool required, string summary, params CmsField[] fields)
    {
        List<KeyValuePair<string, object>> options = [new("summary", summary), new("collapsed", true)];
        if (required)
        {
            options.Add(new("min", 1));
        }

        return new(name, label, "list", required) { Fields = fields, Options = options };
    }

    /// <summary>An image with the alternative text JIS X 8341-3 requires; both are required once the image is there.</summary>
    public static CmsField Image(string name, string label) =>
        Object(name, label, false,
            new CmsField("src", "画像ファイル", "image", true),
            Text("alt", "代替テキスト（画像の内容を一文で）", required: true, hint: "画面読み上げソフトで読まれます。「会場の様子」のように、画像が伝える内容を書いてください。"));

    public static IEnumerable<CmsField> Publishing() =>
    [
        Boolean("draft", "下書き（公開しない）", false),
        DateTime("publish_date", "公開日時（この日時までは表示しない）"),
        DateTime("expiry_date", "掲載終了日時（この日時から表示しない）"),
    ];

    private static readonly List<object> Buttons =
        ["bold", "italic", "link", "heading-two", "heading-three", "bulleted-list", "numbered-list", "quote"];
}
