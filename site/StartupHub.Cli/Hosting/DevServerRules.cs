using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using StartupHub.Cli.DevServer;
using StartupHub.Cli.LiveReload;

namespace StartupHub.Cli.Hosting;

/// <summary>
/// The hosting rules as <c>startuphub serve</c> applies them: the repository's staticwebapp.config.json, with the
/// dev server's own two inline pieces (the live-reload script and the build-error page's style) allowed by their
/// SHA-256 hashes, so the page is checked under the production CSP and nothing else is loosened.
/// </summary>
public static partial class DevServerRules
{
    public static StaticWebAppRules Load(string repositoryRoot)
    {
        var rules = StaticWebAppRules.Load(Path.Combine(repositoryRoot, StaticWebAppRules.FileName));
        var scripts = InlineScript().Matches(LiveReloadHub.Script).Select(m => m.Groups["body"].Value);
        var styles = InlineStyle().Matches(ErrorOverlay.Html([])).Select(m => m.Groups["body"].Value);
        return AllowInline(rules, scripts, styles);
    }

    /// <summary>Adds <c>'sha256-…'</c> sources to script-src / style-src of every CSP in the rules.</summary>
    public static StaticWebAppRules AllowInline(StaticWebAppRules rules, IEnumerable<string> scripts, IEnumerable<string> styles)
    {
        var scriptHashes = scripts.Select(Hash).ToList();
        var styleHashes = styles.Select(Hash).ToList();
        string Widen(string policy) => Add(Add(policy, "script-src", scriptHashes), "style-src", styleHashes);

        var config = rules.Config;
        return new StaticWebAppRules(config with
        {
            GlobalHeaders = WidenCsp(config.GlobalHeaders, Widen),
            Routes = [.. config.Routes.Select(r => r with { Headers = WidenCsp(r.Headers, Widen) })],
        });
    }

    private static Dictionary<string, string> WidenCsp(IReadOnlyDictionary<string, string> headers, Func<string, string> widen) =>
        headers.ToDictionary(h => h.Key, h => h.Key.Equals("Content-Security-Policy", StringComparison.OrdinalIgnoreCase) ? widen(h.Value) : h.Value, StringComparer.OrdinalIgnoreCase);

    private static string Add(string policy, string directive, IReadOnlyList<string> hashes)
    {
        if (hashes.Count == 0)
        {
            return policy;
        }

        var parts = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        var index = parts.FindIndex(p => p.StartsWith(directive + " ", StringComparison.Ordinal));
        if (index < 0)
        {
            parts.Add($"{directive} 'self' {string.Join(' ', hashes)}");
        }
        else if (!parts[index].Contains("'unsafe-inline'", StringComparison.Ordinal))
        {
            // A hash would switch 'unsafe-inline' off (CSP level 2), so a directive that has it is left alone.
            parts[index] += " " + string.Join(' ', hashes);
        }

        return string.Join("; ", parts);
    }

    private static string Hash(string body) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(body)))}'";

    [GeneratedRegex("<script[^>]*>(?<body>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<style[^>]*>(?<body>.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex InlineStyle();
}
