using System.Globalization;
using StartupHub.Site.Content;
using StartupHub.Site.Diagnostics;
using StartupHub.Site.Validation;

namespace StartupHub.Site.Loading;

/// <summary>
/// Typed, position-aware access to one YAML mapping. Each getter reports a wrong type or a missing
/// required value into the bag and returns a harmless default, so one file yields every fault at once.
/// Keys that are not in the known list are reported when the reader is created.
/// </summary>
internal sealed class Fields
{
    private readonly YMapping _mapping;
    private readonly DiagnosticBag _diagnostics;
    private readonly LoadFaults _faults;

    public Fields(YMapping mapping, string path, string prefix, IReadOnlyList<string> known, DiagnosticBag diagnostics, LoadFaults faults)
    {
        _mapping = mapping;
        _faults = faults;
        Path = path;
        Prefix = prefix;
        _diagnostics = diagnostics;
        foreach (var entry in mapping.Entries)
        {
            if (!known.Contains(entry.Key.Value, StringComparer.Ordinal))
            {
                var suggestion = Suggestions.Closest(entry.Key.Value, known);
                Error(entry.Key.Start, Codes.UnknownKey, Messages.UnknownKey(entry.Key.Value, suggestion, known));
            }
        }
    }

    public string Path { get; }

    public string Prefix { get; }

    public TextPosition Start => _mapping.Start;

    public SourceLocation Location => At(_mapping.Start);

    public bool Has(string key) => Node(key) is not null and not YScalar { IsNull: true };

    public YNode? Node(string key) =>
        _mapping.Entries.FirstOrDefault(e => string.Equals(e.Key.Value, key, StringComparison.Ordinal))?.Value;

    public string? String(string key)
    {
        switch (Node(key))
        {
            case null:
                return null;
            case YScalar scalar:
                return scalar.IsNull ? null : scalar.Value;
            case var other:
                Fault(key);
                Error(other.Start, Codes.WrongType, Messages.ExpectedText(key));
                return null;
        }
    }

    public string RequiredString(string key)
    {
        var value = String(key);
        if (value is null || value.Trim().Length == 0)
            ReportMissing(key);
        return value ?? "";
    }

    public int? Int(string key) => Scalar<int>(key, ParseInt, Codes.WrongType, Messages.ExpectedInteger);

    public int RequiredInt(string key) => Required(key, Int(key)) ?? 0;

    public bool? Bool(string key) => Scalar<bool>(key, ParseBool, Codes.WrongType, Messages.ExpectedBoolean);

    public DateTimeOffset? DateTime(string key) => Scalar<DateTimeOffset>(key, Jst.TryParseDateTime, Codes.InvalidDateTime, Messages.InvalidDateTime);

    public DateTimeOffset RequiredDateTime(string key) => Required(key, DateTime(key)) ?? default;

    public DateOnly? Date(string key) => Scalar<DateOnly>(key, Jst.TryParseDate, Codes.InvalidDate, Messages.InvalidDate);

    public TimeOnly? Time(string key) => Scalar<TimeOnly>(key, Jst.TryParseTime, Codes.InvalidTime, Messages.InvalidTime);

    public TimeSpan? Duration(string key) => Scalar<TimeSpan>(key, Jst.TryParseDuration, Codes.InvalidDuration, Messages.InvalidDuration);

    public T? Enum<T>(string key)
        where T : struct, Enum
    {
        var text = String(key);
        if (text is null)
            return null;
        if (KebabCase.TryParse<T>(text, out var value))
            return value;
        var allowed = KebabCase.Names<T>();
        Fault(key);
        Error(Node(key)!.Start, Codes.InvalidEnum, Messages.InvalidEnum(key, text, Suggestions.Closest(text, allowed), allowed));
        return null;
    }

    public T RequiredEnum<T>(string key)
        where T : struct, Enum => Required(key, Enum<T>(key)) ?? default;

    /// <summary>A list of strings; each item's position is in the source map as <c>key[i]</c>.</summary>
    public IReadOnlyList<string> StringList(string key)
    {
        var items = new List<string>();
        foreach (var node in Sequence(key))
        {
            if (node is YScalar { IsNull: false } scalar)
                items.Add(scalar.Value);
            else
                Error(node.Start, Codes.WrongType, Messages.ExpectedText(key));
        }

        return items;
    }

    /// <summary>A nested mapping, or null when absent (wrong shapes are reported).</summary>
    public Fields? Mapping(string key, IReadOnlyList<string> known)
    {
        switch (Node(key))
        {
            case null or YScalar { IsNull: true }:
                return null;
            case YMapping mapping:
                return new Fields(mapping, Path, KeyPaths.Child(Prefix, key), known, _diagnostics, _faults);
            case var other:
                Fault(key);
                Error(other.Start, Codes.WrongType, Messages.ExpectedMapping(key));
                return null;
        }
    }

    /// <summary>A list of mappings; items of another shape are reported and skipped.</summary>
    public IReadOnlyList<Fields> MappingList(string key, IReadOnlyList<string> known)
    {
        var items = new List<Fields>();
        var sequence = Sequence(key);
        for (var i = 0; i < sequence.Count; i++)
        {
            if (sequence[i] is YMapping mapping)
                items.Add(new Fields(mapping, Path, KeyPaths.Item(KeyPaths.Child(Prefix, key), i), known, _diagnostics, _faults));
            else
                Error(sequence[i].Start, Codes.WrongType, Messages.ExpectedMapping(key));
        }

        return items;
    }

    /// <summary>An image <c>{ src, alt }</c>; a missing alt is kept empty so the image rule can report it.</summary>
    public ImageRef? Image(string key)
    {
        var image = Mapping(key, ["src", "alt"]);
        return image is null ? null : new ImageRef(image.RequiredString("src"), image.String("alt") ?? "");
    }

    public IReadOnlyList<Link> Links(string key) =>
        [.. MappingList(key, ["title", "url"]).Select(f => new Link(f.RequiredString("title"), f.RequiredString("url")))];

    public Publishing Publishing() =>
        new(Bool("draft") ?? false, DateTime("publish_date"), DateTime("expiry_date"));

    public void ReportMissing(string key)
    {
        Fault(key);
        switch (Node(key))
        {
            case null:
                Error(_mapping.Start, Codes.MissingRequired, Messages.MissingRequired(key));
                break;
            case YScalar scalar when scalar.IsNull || scalar.Value.Trim().Length == 0:
                Error(scalar.Start, Codes.MissingRequired, Messages.EmptyRequired(key));
                break;
            case YSequence { Items.Count: 0 } sequence:
                Error(sequence.Start, Codes.EmptyList, Messages.EmptyList(key));
                break;
        }
    }

    /// <summary>Marks <paramref name="key"/> as unreadable so comparison rules skip it.</summary>
    public void Fault(string key) => _faults.AddValue(Path, KeyPaths.Child(Prefix, key));

    public void Error(TextPosition at, string code, string message) => _diagnostics.Error(At(at), code, message);

    private SourceLocation At(TextPosition at) => new(Path, at.Line, at.Column);

    private IReadOnlyList<YNode> Sequence(string key)
    {
        switch (Node(key))
        {
            case null or YScalar { IsNull: true }:
                return [];
            case YSequence sequence:
                return sequence.Items;
            case var other:
                Fault(key);
                Error(other.Start, Codes.WrongType, Messages.ExpectedList(key));
                return [];
        }
    }

    private T? Required<T>(string key, T? value)
        where T : struct
    {
        // A value that was present but unreadable has been reported already; only report absence here.
        if (value is null && !Has(key))
            ReportMissing(key);
        return value;
    }

    private delegate bool TryParse<T>(string text, out T value);

    private static bool ParseInt(string text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    // YAML 1.1's yes/no/on/off are refused on purpose: editors should write what they mean.
    private static bool ParseBool(string text, out bool value)
    {
        var known = text is "true" or "false" or "True" or "False";
        value = known && text.Equals("true", StringComparison.OrdinalIgnoreCase);
        return known;
    }

    private T? Scalar<T>(string key, TryParse<T> parse, string code, Func<string, string, string> message)
        where T : struct
    {
        var text = String(key);
        if (text is null)
            return null;
        if (parse(text, out var value))
            return value;
        Fault(key);
        Error(Node(key)!.Start, code, message(key, text));
        return null;
    }
}
