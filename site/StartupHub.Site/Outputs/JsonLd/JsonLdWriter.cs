using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StartupHub.Site.Outputs.JsonLd;

/// <summary>
/// Serialises JSON-LD so that it can sit inside <c>&lt;script type="application/ld+json"&gt;</c> as is.
/// Japanese, '+' (in <c>+09:00</c>) and quotes stay readable; the characters that matter inside an HTML
/// script element are escaped afterwards: <c>&lt; &gt; &amp;</c> as <c>\u003C \u003E \u0026</c> (so a title
/// containing <c>&lt;/script&gt;</c> or <c>&lt;!--</c> cannot end or confuse the element) and U+2028/U+2029
/// (line terminators for older JavaScript parsers). In JSON these characters can only occur inside
/// strings, so replacing them in the serialised text is exact.
/// </summary>
internal static class JsonLdWriter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    /// <summary>The same encoding for a <see cref="Utf8JsonWriter"/> that writes JSON-LD without building nodes.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    private static readonly System.Buffers.SearchValues<char> ScriptSensitive = System.Buffers.SearchValues.Create("<>&\u2028\u2029");

    public static string Write(JsonNode node) => EscapeForScript(node.ToJsonString(Options));

    /// <summary>Escapes serialised JSON for a script element (see the class summary); most JSON-LD has nothing to escape.</summary>
    public static string EscapeForScript(string serialized)
    {
        if (!serialized.AsSpan().ContainsAny(ScriptSensitive))
        {
            return serialized;
        }

        var json = new System.Text.StringBuilder(serialized);
        return json
            .Replace("<", "\\u003C")
            .Replace(">", "\\u003E")
            .Replace("&", "\\u0026")
            .Replace("\u2028", "\\u2028")
            .Replace("\u2029", "\\u2029")
            .ToString();
    }

    /// <summary>A JSON object without the null members, so optional fields simply do not appear.</summary>
    public static JsonObject Object(params (string Name, JsonNode? Value)[] members)
    {
        var result = new JsonObject();
        foreach (var (name, value) in members)
        {
            if (value is not null)
            {
                result[name] = value;
            }
        }

        return result;
    }

    public static JsonNode? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : JsonValue.Create(value);

    public static JsonArray Array(IEnumerable<JsonNode?> items)
    {
        var array = new JsonArray();
        foreach (var item in items)
        {
            array.Add(item);
        }

        return array;
    }
}
