using System.Text.Json;
using System.Text.Json.Serialization;

namespace StartupHub.Cli.Hosting;

/// <summary>The parts of staticwebapp.config.json the local server emulates (names as in Azure's schema).</summary>
public sealed record StaticWebAppConfig
{
    [JsonPropertyName("routes")]
    public IReadOnlyList<RouteRule> Routes { get; init; } = [];

    [JsonPropertyName("responseOverrides")]
    public IReadOnlyDictionary<string, ResponseOverride> ResponseOverrides { get; init; } = new Dictionary<string, ResponseOverride>();

    [JsonPropertyName("globalHeaders")]
    public IReadOnlyDictionary<string, string> GlobalHeaders { get; init; } = new Dictionary<string, string>();

    [JsonPropertyName("mimeTypes")]
    public IReadOnlyDictionary<string, string> MimeTypes { get; init; } = new Dictionary<string, string>();

    [JsonPropertyName("navigationFallback")]
    public JsonElement? NavigationFallback { get; init; }

    [JsonPropertyName("platform")]
    public PlatformSettings? Platform { get; init; }

    public static StaticWebAppConfig Parse(string json) =>
        JsonSerializer.Deserialize<StaticWebAppConfig>(json, new JsonSerializerOptions { ReadCommentHandling = JsonCommentHandling.Skip })
        ?? throw new InvalidDataException("staticwebapp.config.json is empty.");
}

public sealed record RouteRule
{
    [JsonPropertyName("route")]
    public string Route { get; init; } = "";

    [JsonPropertyName("allowedRoles")]
    public IReadOnlyList<string> AllowedRoles { get; init; } = [];

    [JsonPropertyName("headers")]
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    [JsonPropertyName("methods")]
    public IReadOnlyList<string> Methods { get; init; } = [];

    [JsonPropertyName("rewrite")]
    public string? Rewrite { get; init; }

    [JsonPropertyName("redirect")]
    public string? Redirect { get; init; }

    [JsonPropertyName("statusCode")]
    public int? StatusCode { get; init; }
}

public sealed record ResponseOverride
{
    [JsonPropertyName("rewrite")]
    public string? Rewrite { get; init; }

    [JsonPropertyName("redirect")]
    public string? Redirect { get; init; }

    [JsonPropertyName("statusCode")]
    public int? StatusCode { get; init; }
}

public sealed record PlatformSettings
{
    [JsonPropertyName("apiRuntime")]
    public string? ApiRuntime { get; init; }
}
