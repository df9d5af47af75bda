using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StartupHub.Site.Build;

namespace StartupHub.Site.Hosting;

/// <summary>
/// Copies the repository's staticwebapp.config.json (routes, roles, security headers, MIME types; see
/// docs/hosting.md) into the output, where Azure Static Web Apps reads it. A preview build also sends
/// <c>X-Robots-Tag: noindex</c> with every response, so even non-HTML files of a preview stay out of search engines.
/// </summary>
public sealed class HostingConfigOutput : IOutputGenerator
{
    public const string FileName = "staticwebapp.config.json";

    public string Name => "hosting-config";

    public IEnumerable<OutputFile> Generate(OutputContext context)
    {
        var source = Path.Combine(context.Options.RootDirectory, FileName);
        if (!File.Exists(source))
        {
            yield break;
        }

        var bytes = File.ReadAllBytes(source);
        yield return new OutputFile(FileName, context.Options.Preview ? Preview(bytes) : bytes);
    }

    private static byte[] Preview(byte[] config)
    {
        var root = JsonNode.Parse(config)?.AsObject() ?? throw new InvalidDataException($"{FileName} is not a JSON object.");
        if (root["globalHeaders"] is not JsonObject headers)
        {
            root["globalHeaders"] = headers = [];
        }

        headers["X-Robots-Tag"] = "noindex, nofollow";
        return Encoding.UTF8.GetBytes(root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }
}
