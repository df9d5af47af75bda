namespace StartupHub.Cli.Hosting;

/// <summary>
/// The hosting rules of staticwebapp.config.json, loaded once, answering what the local server must do for a
/// request the way Azure Static Web Apps would: the first matching route wins; route headers override the
/// global ones of the same name; response overrides replace error statuses.
/// </summary>
public sealed class StaticWebAppRules(StaticWebAppConfig config)
{
    public const string FileName = "staticwebapp.config.json";

    public static readonly StaticWebAppRules None = new(new StaticWebAppConfig());

    public StaticWebAppConfig Config { get; } = config;

    /// <summary>The rules of the file, or <see cref="None"/> when the repository has none.</summary>
    public static StaticWebAppRules Load(string path) =>
        File.Exists(path) ? new StaticWebAppRules(StaticWebAppConfig.Parse(File.ReadAllText(path))) : None;

    public RouteRule? Match(string path, string method) =>
        Config.Routes.FirstOrDefault(r => RoutePattern.Matches(r.Route, path)
            && (r.Methods.Count == 0 || r.Methods.Contains(method, StringComparer.OrdinalIgnoreCase)));

    /// <summary>True when the route lets these roles in (a route without allowedRoles lets everyone in).</summary>
    public static bool Allows(RouteRule? route, IReadOnlyList<string> roles) =>
        route is null || route.AllowedRoles.Count == 0 || route.AllowedRoles.Any(a => roles.Contains(a, StringComparer.OrdinalIgnoreCase));

    /// <summary>The headers a response to <paramref name="route"/> carries: global ones, then the route's over them.</summary>
    public IReadOnlyDictionary<string, string> HeadersFor(RouteRule? route)
    {
        var headers = new Dictionary<string, string>(Config.GlobalHeaders, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in route?.Headers ?? new Dictionary<string, string>())
        {
            headers[name] = value;
        }

        return headers;
    }

    public ResponseOverride? OverrideFor(int status) => Config.ResponseOverrides.GetValueOrDefault(status.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The configured Content-Type for a path's extension (e.g. <c>.ics</c>), if any.</summary>
    public string? MimeTypeFor(string path) => Path.GetExtension(path) is { Length: > 0 } extension
        ? Config.MimeTypes.FirstOrDefault(m => string.Equals(m.Key, extension, StringComparison.OrdinalIgnoreCase)).Value
        : null;
}
