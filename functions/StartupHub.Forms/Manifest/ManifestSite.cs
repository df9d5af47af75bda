namespace StartupHub.Forms.Manifest;

/// <summary>
/// The manifest's <c>site</c> object (docs/forms-manifest.md): what the confirmation e-mails need from
/// content/site.yml. Absent in manifests of older builds; the API then queues no e-mails.
/// </summary>
/// <param name="Title">The site's name (mail subjects, signature).</param>
/// <param name="BaseUrl">Absolute, ends with "/"; links in mails are built on it.</param>
/// <param name="Contact">Whom recipients contact.</param>
/// <param name="NotifyEmail">The staff mailbox for notices without personal data, or null (no notices).</param>
public sealed record ManifestSite(string Title, string BaseUrl, ManifestContact Contact, string? NotifyEmail)
{
    /// <summary>An absolute URL for a site path such as <c>/forms/cancel/#event=…</c>, keeping a base path
    /// (https://example.jp/hub/ + /staff/ = https://example.jp/hub/staff/).</summary>
    public string AbsoluteUrl(string sitePath) =>
        new Uri(new Uri(BaseUrl, UriKind.Absolute), sitePath.TrimStart('/')).AbsoluteUri;
}

/// <param name="Name">The operator (or, without one, the organiser).</param>
public sealed record ManifestContact(string Name, string? Email, string? Phone, string? Hours);

/// <summary>An event's venue from venues.yml.</summary>
public sealed record ManifestVenue(string Name, string Address);
