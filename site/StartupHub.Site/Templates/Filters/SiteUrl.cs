namespace StartupHub.Site.Templates.Filters;

/// <summary>Site paths (<c>/events/</c>) joined with the base URL, which may carry a sub path (<c>https://x.jp/hub/</c>).</summary>
public static class SiteUrl
{
    /// <summary><c>/events/</c> → <c>/hub/events/</c>; absolute URLs, <c>mailto:</c> and <c>#anchors</c> are kept.</summary>
    public static string Relative(Uri baseUrl, string path)
    {
        if (IsExternal(path))
        {
            return path;
        }

        return BasePath(baseUrl) + path.TrimStart('/');
    }

    /// <summary><c>/events/</c> → <c>https://x.jp/hub/events/</c>.</summary>
    public static string Absolute(Uri baseUrl, string path)
    {
        if (IsExternal(path))
        {
            return path;
        }

        return baseUrl.GetLeftPart(UriPartial.Authority) + Relative(baseUrl, path);
    }

    /// <summary>The base URL's path, starting and ending with '/'.</summary>
    public static string BasePath(Uri baseUrl)
    {
        var path = baseUrl.AbsolutePath;
        return path.EndsWith('/') ? path : path + "/";
    }

    private static bool IsExternal(string path) =>
        path.StartsWith('#') || path.StartsWith("//", StringComparison.Ordinal) || path.Contains(':', StringComparison.Ordinal);
}
