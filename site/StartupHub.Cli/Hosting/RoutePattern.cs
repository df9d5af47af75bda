namespace StartupHub.Cli.Hosting;

/// <summary>
/// Azure Static Web Apps' route patterns, matched case-insensitively: an exact path (<c>/staff</c>), a
/// prefix ending in <c>*</c> (<c>/staff/*</c> matches <c>/staff/</c> and everything below it, not
/// <c>/staff</c> itself), or a folder with an extension filter (<c>/images/*.{png,jpg}</c>).
/// </summary>
public static class RoutePattern
{
    public static bool Matches(string pattern, string path)
    {
        var star = pattern.IndexOf('*', StringComparison.Ordinal);
        if (star < 0)
        {
            return string.Equals(pattern, path, StringComparison.OrdinalIgnoreCase);
        }

        var prefix = pattern[..star];
        if (!path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var suffix = pattern[(star + 1)..];
        if (suffix.Length == 0)
        {
            return true;
        }

        // "*.{png,jpg}" or "*.png": the extension of the last segment must be one of the listed ones.
        var extensions = suffix.TrimStart('.').Trim('{', '}').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var extension = Path.GetExtension(path).TrimStart('.');
        return extensions.Any(e => string.Equals(e, extension, StringComparison.OrdinalIgnoreCase));
    }
}
