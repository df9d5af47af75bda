using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace StartupHub.Outputs.Tests.FormsManifest;

/// <summary>
/// A small JSON Schema (2020-12) checker for the keywords docs/forms-manifest.schema.json uses:
/// $ref (local), type, const, enum, properties, required, additionalProperties:false, items, minItems,
/// minLength, minimum, pattern, oneOf. An unknown keyword fails loudly so the schema cannot silently
/// outgrow the checker.
/// </summary>
internal sealed class MiniSchema(JsonElement root)
{
    private static readonly HashSet<string> Annotations = ["$schema", "$id", "title", "description", "$defs"];

    public List<string> Validate(JsonElement instance)
    {
        var errors = new List<string>();
        Check(root, instance, "$", errors);
        return errors;
    }

    private void Check(JsonElement schema, JsonElement value, string at, List<string> errors)
    {
        foreach (var keyword in schema.EnumerateObject())
        {
            switch (keyword.Name)
            {
                case "$ref":
                    Check(Resolve(keyword.Value.GetString()!), value, at, errors);
                    break;
                case "type":
                    if (!TypeMatches(keyword.Value.GetString()!, value))
                    {
                        errors.Add($"{at}: expected {keyword.Value.GetString()}, got {value.ValueKind}");
                    }

                    break;
                case "const":
                    if (!JsonElement.DeepEquals(keyword.Value, value))
                    {
                        errors.Add($"{at}: expected {keyword.Value.GetRawText()}");
                    }

                    break;
                case "enum":
                    if (!keyword.Value.EnumerateArray().Any(option => JsonElement.DeepEquals(option, value)))
                    {
                        errors.Add($"{at}: {value.GetRawText()} not in {keyword.Value.GetRawText()}");
                    }

                    break;
                case "properties":
                    if (value.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var property in keyword.Value.EnumerateObject())
                        {
                            if (value.TryGetProperty(property.Name, out var child))
                            {
                                Check(property.Value, child, $"{at}.{property.Name}", errors);
                            }
                        }
                    }

                    break;
                case "required":
                    if (value.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var name in keyword.Value.EnumerateArray().Select(n => n.GetString()!))
                        {
                            if (!value.TryGetProperty(name, out _))
                            {
                                errors.Add($"{at}: missing '{name}'");
                            }
                        }
                    }

                    break;
                case "additionalProperties":
                    if (keyword.Value.ValueKind == JsonValueKind.False && value.ValueKind == JsonValueKind.Object)
                    {
                        var known = schema.TryGetProperty("properties", out var props)
                            ? props.EnumerateObject().Select(p => p.Name).ToHashSet()
                            : [];
                        foreach (var property in value.EnumerateObject().Where(p => !known.Contains(p.Name)))
                        {
                            errors.Add($"{at}: unexpected '{property.Name}'");
                        }
                    }

                    break;
                case "items":
                    if (value.ValueKind == JsonValueKind.Array)
                    {
                        var i = 0;
                        foreach (var item in value.EnumerateArray())
                        {
                            Check(keyword.Value, item, $"{at}[{i++}]", errors);
                        }
                    }

                    break;
                case "minItems":
                    if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() < keyword.Value.GetInt32())
                    {
                        errors.Add($"{at}: fewer than {keyword.Value.GetInt32()} items");
                    }

                    break;
                case "minLength":
                    if (value.ValueKind == JsonValueKind.String && value.GetString()!.Length < keyword.Value.GetInt32())
                    {
                        errors.Add($"{at}: shorter than {keyword.Value.GetInt32()}");
                    }

                    break;
                case "minimum":
                    if (value.ValueKind == JsonValueKind.Number && value.GetDecimal() < keyword.Value.GetDecimal())
                    {
                        errors.Add($"{at}: below {keyword.Value.GetDecimal().ToString(CultureInfo.InvariantCulture)}");
                    }

                    break;
                case "pattern":
                    if (value.ValueKind == JsonValueKind.String && !Regex.IsMatch(value.GetString()!, keyword.Value.GetString()!))
                    {
                        errors.Add($"{at}: '{value.GetString()}' does not match {keyword.Value.GetString()}");
                    }

                    break;
                case "oneOf":
                    var matching = keyword.Value.EnumerateArray().Count(option =>
                    {
                        var sub = new List<string>();
                        Check(option, value, at, sub);
                        return sub.Count == 0;
                    });
                    if (matching != 1)
                    {
                        errors.Add($"{at}: matches {matching} of oneOf, expected exactly 1");
                    }

                    break;
                default:
                    if (!Annotations.Contains(keyword.Name))
                    {
                        throw new NotSupportedException($"MiniSchema does not know the keyword '{keyword.Name}'.");
                    }

                    break;
            }
        }
    }

    private JsonElement Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new NotSupportedException("Only local $ref: " + reference);
        }

        var node = root;
        foreach (var part in reference[2..].Split('/'))
        {
            node = node.GetProperty(part);
        }

        return node;
    }

    private static bool TypeMatches(string type, JsonElement value) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        _ => throw new NotSupportedException("type " + type),
    };
}
