using StartupHub.Site.Outputs.Common;

namespace StartupHub.Site.Outputs.Links;

/// <summary>Where an internal link points: the site path (without the base path) and the fragment, if any.</summary>
internal sealed record LinkTarget(string SitePath, string? Fragment, bool OutsideBasePath)
{
    private static readonly string[] SkippedSchemes = ["mailto:", "tel:", "sms:", "javascript:", "data:", "blob:"];

    /// <summary>
    /// Resolves <paramref name="href"/> as a browser would on <paramref name="pageUrl"/>. Returns null for
    /// links the checker does not own: other hosts, mailto: and friends, and the bare "#"/"#top".
    /// </summary>
    public static LinkTarget? Resolve(string href, Uri pageUrl, Uri baseUrl)
    {
        if (href is "#" || href.Equals("#top", StringComparison.OrdinalIgnoreCase)
            || SkippedSchemes.Any(s => href.StartsWith(s, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        if (!Uri.TryCreate(pageUrl, href, out var target) || target.Scheme is not ("http" or "https"))
        {
            return null;
        }

        if (!string.Equals(target.Authority, baseUrl.Authority, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var fragment = target.Fragment.Length > 1 ? Uri.UnescapeDataString(target.Fragment[1..]) : null;
        if (fragment is not null && fragment.StartsWith(":~:", StringComparison.Ordinal))
        {
            fragment = null; // a text fragment, not an anchor
        }

        var basePath = SiteUrls.BasePath(baseUrl);
        var path = target.AbsolutePath;
        if (!path.StartsWith(basePath, StringComparison.Ordinal))
        {
            return new LinkTarget(Uri.UnescapeDataString(path), fragment, OutsideBasePath: true);
        }

        return new LinkTarget("/" + Uri.UnescapeDataString(path[basePath.Length..]), fragment, OutsideBasePath: false);
    }

    /// <summary>The output files that can serve this path: <c>/x/</c> → <c>x/index.html</c>; <c>/x</c> → <c>x</c> or <c>x/index.html</c>.</summary>
    public IEnumerable<string> CandidateFiles()
    {
        var relative = SitePath.TrimStart('/');
        if (relative.Length == 0 || relative.EndsWith('/'))
        {
            yield return relative + "index.html";
            yield break;
        }

        yield return relative;
        yield return relative + "/index.html";
    }
}
