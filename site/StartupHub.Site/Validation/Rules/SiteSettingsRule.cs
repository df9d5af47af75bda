namespace StartupHub.Site.Validation.Rules;

/// <summary>base_url must be an absolute http(s) URL ending with "/" (canonical URLs, sitemap and feeds build on it).</summary>
internal sealed class SiteSettingsRule : IContentRule
{
    public void Check(ValidationContext context)
    {
        var baseUrl = context.Content.Settings.BaseUrl;
        var text = baseUrl.OriginalString;
        if (text.Length == 0 || !context.Usable(context.SettingsPath, "base_url"))
            return;
        if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
            context.Error(context.SettingsPath, "base_url", Codes.BaseUrlNotAbsolute, Messages.BaseUrlNotAbsolute(text));
        else if (!text.EndsWith('/'))
            context.Error(context.SettingsPath, "base_url", Codes.BaseUrlNoTrailingSlash, Messages.BaseUrlNoTrailingSlash(text));
    }
}
