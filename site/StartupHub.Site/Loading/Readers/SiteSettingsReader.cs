using StartupHub.Site.Content;

namespace StartupHub.Site.Loading.Readers;

/// <summary>content/site.yml → <see cref="SiteSettings"/>.</summary>
internal static class SiteSettingsReader
{
    public static readonly string[] Keys =
        ["title", "description", "base_url", "language", "organiser", "operator", "contact", "navigation", "social", "forms", "api_base", "notify_email"];

    private static readonly string[] OrganisationKeys = ["name", "url"];
    private static readonly string[] ContactKeys = ["email", "phone", "hours"];

    public static SiteSettings Read(Fields f)
    {
        var baseUrl = f.RequiredString("base_url");
        return new SiteSettings
        {
            Title = f.RequiredString("title"),
            Description = f.RequiredString("description"),
            // Kept as written (possibly relative) so the validation phase can say what is wrong with it.
            BaseUrl = Uri.TryCreate(baseUrl, UriKind.RelativeOrAbsolute, out var uri) ? uri : new Uri("", UriKind.Relative),
            Language = f.String("language") ?? "ja",
            Organiser = Organisation(f, "organiser", required: true)!,
            Operator = Organisation(f, "operator", required: false),
            Contact = f.Mapping("contact", ContactKeys) is { } c ? new Contact(c.String("email"), c.String("phone"), c.String("hours")) : null,
            Navigation = f.Links("navigation"),
            Social = f.MappingList("social", ["name", "url"]).Select(s => new Link(s.RequiredString("name"), s.RequiredString("url"))).ToList(),
            Forms = f.Enum<FormsMode>("forms") ?? FormsMode.Open,
            ApiBase = f.String("api_base") ?? "/api/",
            NotifyEmail = f.String("notify_email"),
        };
    }

    private static Organisation? Organisation(Fields f, string key, bool required)
    {
        var o = f.Mapping(key, OrganisationKeys);
        if (o is null)
        {
            if (!required)
                return null;
            f.ReportMissing(key);
            return new Organisation("", null);
        }

        return new Organisation(o.RequiredString("name"), o.String("url"));
    }
}
