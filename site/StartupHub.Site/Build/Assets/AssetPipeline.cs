using System.Security.Cryptography;
using StartupHub.Site.Templates.Filters;

namespace StartupHub.Site.Build.Assets;

/// <summary>The theme's assets with a content hash in each name, and the map templates use to link them.</summary>
public sealed record FingerprintedAssets(Dictionary<string, string> Urls, IReadOnlyList<OutputFile> Files);

/// <summary>
/// Fingerprints <c>themes/{theme}/assets/**</c> (<c>css/site.css</c> → <c>assets/css/site.3f9a1c2b.css</c>) so
/// they can be cached for a year: a changed file gets a new name. Content images are copied as they are.
/// </summary>
public static class AssetPipeline
{
    public static FingerprintedAssets Fingerprint(string assetsDirectory, Uri baseUrl)
    {
        var urls = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = new List<OutputFile>();
        foreach (var (logical, bytes) in ReadTree(assetsDirectory))
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..8];
            var extension = Path.GetExtension(logical);
            var hashed = $"{logical[..^extension.Length]}.{hash}{extension}";
            files.Add(new OutputFile("assets/" + hashed, bytes));
            urls[logical] = SiteUrl.Relative(baseUrl, "/assets/" + hashed);
        }

        return new FingerprintedAssets(urls, files);
    }

    /// <summary><c>content/images/**</c> → <c>images/**</c>, unchanged (front matter refers to <c>/images/…</c>).</summary>
    public static IReadOnlyList<OutputFile> ContentImages(string contentDirectory) =>
        [.. ReadTree(Path.Combine(contentDirectory, "images")).Select(f => new OutputFile("images/" + f.Logical, f.Bytes))];

    private static IEnumerable<(string Logical, byte[] Bytes)> ReadTree(string directory)
    {
        if (!Directory.Exists(directory))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var logical = Path.GetRelativePath(directory, file).Replace('\\', '/');
            if (logical.Split('/').Any(part => part.StartsWith('.')))
            {
                continue; // editor and OS litter (.DS_Store, .swp) is not published
            }

            yield return (logical, File.ReadAllBytes(file));
        }
    }
}
