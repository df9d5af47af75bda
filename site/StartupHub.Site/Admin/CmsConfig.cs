using System.Diagnostics.CodeAnalysis;
using StartupHub.Site.Content;
using YamlDotNet.Serialization;

namespace StartupHub.Site.Admin;

/// <summary>admin/config.yml: the backend, the editorial workflow, the Japanese UI and the collections.</summary>
public static class CmsConfig
{
    /// <summary>Relative to the site root: Decap opens <c>{base_url}/api/auth</c> in a pop-up.</summary>
    public const string AuthEndpoint = "api/auth";

    public const string MediaFolder = "content/images/uploads";

    public const string PublicFolder = "/images/uploads";

    [UnconditionalSuppressMessage("AOT", "IL3050",
        Justification = "Only dictionaries, lists and scalars are serialised, which YamlDotNet writes without generated code; the native build's output test compares admin/config.yml byte for byte.")]
    public static string Yaml(SiteContent content, Uri baseUrl, AdminSettings settings)
    {
        var origin = baseUrl.GetLeftPart(UriPartial.Authority);
        var backend = new Dictionary<string, object>(StringComparer.Ordinal) { ["name"] = settings.Backend };
        if (settings.Backend == "github")
        {
            backend["repo"] = settings.Repository;
            backend["branch"] = settings.Branch;
            // Our own OAuth handshake (functions/StartupHub.Functions/Auth), not Netlify's.
            backend["base_url"] = origin;
            backend["auth_endpoint"] = AuthEndpoint;
            backend["squash_merges"] = true;
            backend["commit_messages"] = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["create"] = "{{collection}}「{{slug}}」を追加",
                ["update"] = "{{collection}}「{{slug}}」を更新",
                ["delete"] = "{{collection}}「{{slug}}」を削除",
                ["uploadMedia"] = "画像「{{path}}」を追加",
                ["deleteMedia"] = "画像「{{path}}」を削除",
                ["openAuthoring"] = "{{message}}",
            };
        }

        var config = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["backend"] = backend,
            // Every save becomes a branch and a pull request; the PR check runs before anything is published.
            ["publish_mode"] = "editorial_workflow",
            // On localhost Decap talks to `npx decap-server` instead (editing one's own clone).
            ["local_backend"] = true,
            ["locale"] = "ja",
            ["site_url"] = baseUrl.ToString(),
            ["display_url"] = baseUrl.ToString(),
            ["media_folder"] = MediaFolder,
            ["public_folder"] = PublicFolder,
            // Optional fields left empty are not written, so content files keep only the keys that mean something.
            ["omit_empty_optional_fields"] = true,
            ["collections"] = CmsCollections.Create(content).Select(c => (object)c.ToYaml()).ToList(),
        };

        var header = "# 生成ファイルです（site/StartupHub.Site/Admin/CmsCollections.cs から）。直接編集しないでください。\n";
        return header + new SerializerBuilder().DisableAliases().Build().Serialize(config);
    }
}
