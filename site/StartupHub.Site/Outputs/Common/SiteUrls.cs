using StartupHub.Site.Content;

namespace StartupHub.Site.Outputs.Common;

/// <summary>
/// Site paths (root-relative, without the base path, e.g. <c>/events/x/</c>) and their absolute form.
/// The paths follow docs/content-model.md; outputs compute them from slugs so they do not depend on
/// the render phase having produced a page.
/// </summary>
internal static class SiteUrls
{
    public static string EventPath(Event e) => $"/events/{e.Slug}/";

    public static string EventIcsPath(Event e) => $"/events/{e.Slug}/event.ics";

    public static string NewsPath(NewsItem n) => $"/news/{n.Slug}/";

    public static string VideoPath(Video v) => $"/videos/{v.Slug}/";

    public static string PersonPath(Person p) => $"/people/{p.Slug}/";

    public static string CompanyPath(Company c) => $"/companies/{c.Slug}/";

    /// <summary>
    /// Joins the base URL (which may carry a base path such as <c>/sub/</c>) and a site path.
    /// Already absolute URLs are returned unchanged.
    /// </summary>
    public static string Absolute(Uri baseUrl, string sitePath)
    {
        // A site path ("/news/x/") is the common case: on Unix Uri would parse it as an absolute file URI, at a
        // cost that showed in the sitemap of ten thousand pages, so only other strings are tried as URLs.
        var sitePathOnly = sitePath.StartsWith('/') && !sitePath.StartsWith("//", StringComparison.Ordinal);
        if (!sitePathOnly && Uri.TryCreate(sitePath, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute.ToString();
        }

        return Root(baseUrl) + sitePath.TrimStart('/');
    }

    // The last base URL's root: a build asks with the same Uri thousands of times. A class, so that a reader on
    // another thread sees a whole pair (a struct of two references can be read half-written).
    private static BaseRoot? _lastRoot;

    private sealed record BaseRoot(Uri Base, string Root);

    private static string Root(Uri baseUrl)
    {
        if (_lastRoot is { } last && ReferenceEquals(last.Base, baseUrl))
        {
            return last.Root;
        }

        var root = baseUrl.GetLeftPart(UriPartial.Path);
        if (!root.EndsWith('/'))
        {
            root += "/";
        }

        _lastRoot = new BaseRoot(baseUrl, root);
        return root;
    }

    /// <summary>The base URL's path, always starting and ending with '/': <c>/</c> or <c>/sub/</c>.</summary>
    public static string BasePath(Uri baseUrl)
    {
        var path = baseUrl.AbsolutePath;
        return path.EndsWith('/') ? path : path + "/";
    }
}
