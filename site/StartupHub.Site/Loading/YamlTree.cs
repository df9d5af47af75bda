namespace StartupHub.Site.Loading;

/// <summary>A line:column inside a file (both 1-based, lines counted in the whole file).</summary>
public readonly record struct TextPosition(int Line, int Column);

/// <summary>
/// A minimal YAML tree that keeps the position of every key and value. Built from YamlDotNet's
/// parser events so duplicate keys and positions stay under our control (YamlStream drops neither, but
/// cannot tell a duplicate key from a typo politely).
/// </summary>
internal abstract record YNode(TextPosition Start);

/// <summary>A scalar; <see cref="IsPlain"/> tells <c>null</c>/<c>~</c>/empty apart from the quoted strings "null".</summary>
internal sealed record YScalar(TextPosition Start, string Value, bool IsPlain) : YNode(Start)
{
    public bool IsNull => IsPlain && (Value.Length == 0 || Value is "~" or "null" or "Null" or "NULL");
}

internal sealed record YSequence(TextPosition Start, IReadOnlyList<YNode> Items) : YNode(Start);

internal sealed record YEntry(YScalar Key, YNode Value);

internal sealed record YMapping(TextPosition Start, IReadOnlyList<YEntry> Entries) : YNode(Start);
