namespace StartupHub.Site.Validation.Rules;

/// <summary>notify_email, when given, must be one e-mail address. base_url must be an absolute http(s) URL ending with "/" (canonical URLs, sitemap and feeds build on it).</summary>
internal sealed class SiteSettingsRule : IContentRule
{
    public void Check(ValidationContext context)
    {
        CheckNotifyEmail(context);
        var baseUrl = context.Content.Settings.BaseUrl;
        var text = baseUrl.OriginalString;
        if (text.Length == 0 || !context.Usable(context.SettingsPath, "base_url"))
            return;
        if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
            context.Error(context.SettingsPath, "base_url", Codes.BaseUrlNotAbsolute, Messages.BaseUrlNotAbsolute(text));
        else if (!text.EndsWith('/'))
            context.Error(context.SettingsPath, "base_url", Codes.BaseUrlNoTrailingSlash, Messages.BaseUrlNoTrailingSlash(text));
    }

    /// <summary>notify_email is where the forms API sends staff notices; a typo would silently lose them.</summary>
    private static void CheckNotifyEmail(ValidationContext context)
    {
        var email = context.Content.Settings.NotifyEmail;
        if (email is null || !context.Usable(context.SettingsPath, "notify_email"))
            return;
        var at = email.IndexOf('@', StringComparison.Ordinal);
        var valid = at > 0 && at == email.LastIndexOf('@') && at < email.Length - 1
            && email[(at + 1)..].Contains('.', StringComparison.Ordinal) && !email.Any(c => char.IsWhiteSpace(c) || c is ',' or ';' or '<' or '>');
        if (!valid)
            context.Error(context.SettingsPath, "notify_email", Codes.NotifyEmailInvalid, Messages.NotifyEmailInvalid(email));
    }
}
