namespace StartupHub.Site.Templates;

/// <summary>
/// Where layouts and partials are looked up, Hugo style: the site's own <c>layouts/</c> (optional
/// override at the repository root) before <c>themes/{theme}/layouts/</c>, so a site can replace one
/// theme file without forking the theme.
/// </summary>
public sealed record TemplateDirectories(string RootDirectory, string ThemeName)
{
    public IReadOnlyList<string> Layouts =>
    [
        Path.Combine(RootDirectory, "layouts"),
        Path.Combine(RootDirectory, "themes", ThemeName, "layouts"),
    ];

    public IReadOnlyList<string> Partials =>
    [
        Path.Combine(RootDirectory, "layouts", "partials"),
        Path.Combine(RootDirectory, "themes", ThemeName, "partials"),
        Path.Combine(RootDirectory, "themes", ThemeName, "layouts", "partials"),
    ];

    public string Assets => Path.Combine(RootDirectory, "themes", ThemeName, "assets");

    /// <summary>Path relative to the root with forward slashes, as diagnostics show it.</summary>
    public string Relative(string fullPath) =>
        Path.GetRelativePath(RootDirectory, fullPath).Replace('\\', '/');
}
