using System.Globalization;
using System.Text.Json.Nodes;
using StartupHub.Site.Content;
using StartupHub.Site.Outputs.Common;
using static StartupHub.Site.Outputs.JsonLd.JsonLdWriter;

namespace StartupHub.Site.Outputs.JsonLd;

/// <summary>
/// schema.org structured data for the templates' <c>page.json_ld</c>. Every method returns a JSON string that
/// is safe to place inside <c>&lt;script type="application/ld+json"&gt;</c> (see <see cref="JsonLdWriter"/>).
/// URLs are absolute from the effective base URL. No third-party URLs (e.g. YouTube thumbnails) are emitted,
/// so the structured data never points a crawler or a browser at a third party on our behalf.
/// </summary>
public static class JsonLd
{
    private const string Context = "https://schema.org";

    /// <summary>The JSON-LD for a detail page's item, or null when the item type has none.</summary>
    public static string? ForItem(ContentItem? item, SiteContent content, Uri baseUrl, DateTimeOffset now) => item switch
    {
        Content.Event e => Event(e, content, baseUrl, now),
        Content.Video v => Video(v, baseUrl),
        Content.Person p => Person(p, baseUrl),
        _ => null,
    };

    /// <summary>Home page: the WebSite and its publisher Organization (the prefecture) as one graph.</summary>
    public static string WebSite(SiteSettings settings, Uri baseUrl)
    {
        var home = SiteUrls.Absolute(baseUrl, "/");
        var graph = Array([
            Object(
                ("@type", "WebSite"),
                ("@id", home + "#website"),
                ("name", settings.Title),
                ("description", Text(settings.Description)),
                ("url", home),
                ("inLanguage", settings.Language),
                ("publisher", Object(("@id", home + "#organization")))),
            OrganizationNode(settings, home + "#organization"),
        ]);
        return Write(Object(("@context", Context), ("@graph", graph)));
    }

    /// <summary>The organiser alone, e.g. for the about page.</summary>
    public static string Organization(SiteSettings settings, Uri baseUrl) =>
        Write(WithContext(OrganizationNode(settings, SiteUrls.Absolute(baseUrl, "/") + "#organization")));

    public static string Event(Event e, SiteContent content, Uri baseUrl, DateTimeOffset now)
    {
        var url = SiteUrls.Absolute(baseUrl, SiteUrls.EventPath(e));
        var venue = Venues.Of(e, content);
        var speakers = e.Sessions.SelectMany(s => s.Speakers).Distinct(StringComparer.Ordinal)
            .Select(slug => content.People.FirstOrDefault(p => p.Slug == slug))
            .OfType<Content.Person>()
            .Select(p => (JsonNode?)Object(("@type", "Person"), ("name", p.Name), ("url", SiteUrls.Absolute(baseUrl, SiteUrls.PersonPath(p)))))
            .ToList();

        var node = Object(
            ("@type", "Event"),
            ("name", e.Title),
            ("description", Text(e.Summary)),
            ("startDate", Jst.Iso(e.Start)),
            ("endDate", Jst.Iso(e.End)),
            ("eventStatus", Context + "/" + e.Status switch
            {
                EventStatus.Cancelled => "EventCancelled",
                EventStatus.Postponed => "EventPostponed",
                _ => "EventScheduled",
            }),
            ("eventAttendanceMode", Context + "/OfflineEventAttendanceMode"),
            ("location", Object(
                ("@type", "Place"),
                ("name", venue?.Name ?? e.Venue),
                ("address", Object(
                    ("@type", "PostalAddress"),
                    ("streetAddress", Text(venue?.Address)),
                    ("addressLocality", Labels.Of(e.City)),
                    ("addressRegion", "千葉県"),
                    ("addressCountry", "JP"))))),
            ("image", e.Image is { } image ? SiteUrls.Absolute(baseUrl, image.Src) : null),
            ("organizer", OrganizationNode(content.Settings, null)),
            ("performer", speakers.Count == 0 ? null : Array(speakers)),
            ("offers", e.Registration is { } window ? Offer(e, window, url, now) : null),
            ("inLanguage", "ja"),
            ("url", url));
        return Write(WithContext(node));
    }

    /// <summary>
    /// Participation is free (price 0 JPY). Availability follows the registration window at the build's
    /// clock: PreOrder before it opens, InStock while open, SoldOut once closed, ended or called off.
    /// </summary>
    private static JsonObject Offer(Event e, RegistrationWindow window, string url, DateTimeOffset now)
    {
        var availability = EventStates.StateAt(e, now) switch
        {
            EventState.Before => "PreOrder",
            EventState.Open => "InStock",
            _ => "SoldOut",
        };
        return Object(
            ("@type", "Offer"),
            ("price", 0),
            ("priceCurrency", "JPY"),
            ("availability", Context + "/" + availability),
            ("validFrom", Jst.Iso(window.Opens)),
            ("validThrough", Jst.Iso(window.Closes)),
            ("url", url));
    }

    /// <summary>An archived talk. The embed is the privacy-enhanced youtube-nocookie player; no thumbnailUrl.</summary>
    public static string Video(Video v, Uri baseUrl)
    {
        var node = Object(
            ("@type", "VideoObject"),
            ("name", v.Title),
            ("description", Text(v.Description) ?? v.Title),
            ("uploadDate", v.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("duration", v.Duration is { } duration ? IsoDuration(duration) : null),
            ("embedUrl", $"https://www.youtube-nocookie.com/embed/{v.VideoId}"),
            ("inLanguage", "ja"),
            ("url", SiteUrls.Absolute(baseUrl, SiteUrls.VideoPath(v))));
        return Write(WithContext(node));
    }

    public static string Person(Person p, Uri baseUrl)
    {
        var sameAs = p.Links.Select(l => l.Url).Where(u => Uri.TryCreate(u, UriKind.Absolute, out _)).ToList();
        var node = Object(
            ("@type", "Person"),
            ("name", p.Name),
            ("alternateName", Text(p.Kana)),
            ("jobTitle", Text(p.Title)),
            ("worksFor", p.Organisation is { Length: > 0 } organisation ? Object(("@type", "Organization"), ("name", organisation)) : null),
            ("description", Text(p.Summary)),
            ("image", p.Photo is { } photo ? SiteUrls.Absolute(baseUrl, photo.Src) : null),
            ("sameAs", sameAs.Count == 0 ? null : Array(sameAs.Select(u => (JsonNode?)u))),
            ("url", SiteUrls.Absolute(baseUrl, SiteUrls.PersonPath(p))));
        return Write(WithContext(node));
    }

    /// <summary>A buffer and writer per thread for <see cref="BreadcrumbList"/>: every list and detail page has one,
    /// and a fresh buffer grew by copying (42 MB of discarded arrays in a 10,000-page build).</summary>
    [ThreadStatic]
    private static (System.Buffers.ArrayBufferWriter<byte> Buffer, System.Text.Json.Utf8JsonWriter Writer)? t_breadcrumbs;

    /// <summary>Breadcrumbs from the home page down to the current page; URLs may be site paths or absolute.</summary>
    /// <remarks>Written straight to UTF-8 rather than through <see cref="JsonNode"/> objects: every list and detail page
    /// has one (a thousand pages of news lists among them), and building node trees for them was a fifth of planning
    /// the site. The text is the same as <see cref="JsonLdWriter.Write"/> gives for the same members.</remarks>
    public static string BreadcrumbList(IEnumerable<Link> crumbs, Uri baseUrl)
    {
        var (buffer, json) = t_breadcrumbs ??= NewBreadcrumbWriter();
        buffer.ResetWrittenCount();
        json.Reset(buffer); // also clears what a call that threw half-way left in the writer
        json.WriteStartObject();
        json.WriteString("@context", Context);
        json.WriteString("@type", "BreadcrumbList");
        json.WriteStartArray("itemListElement");
        var position = 0;
        foreach (var crumb in crumbs)
        {
            json.WriteStartObject();
            json.WriteString("@type", "ListItem");
            json.WriteNumber("position", ++position);
            json.WriteString("name", crumb.Title);
            json.WriteString("item", SiteUrls.Absolute(baseUrl, crumb.Url));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();

        return EscapeForScript(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static (System.Buffers.ArrayBufferWriter<byte>, System.Text.Json.Utf8JsonWriter) NewBreadcrumbWriter()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        return (buffer, new System.Text.Json.Utf8JsonWriter(buffer, WriterOptions));
    }

    /// <summary>ISO 8601 duration as schema.org expects: <c>PT28M30S</c>, <c>PT1H5M</c>.</summary>
    public static string IsoDuration(TimeSpan duration)
    {
        var text = new System.Text.StringBuilder("PT");
        var hours = (int)duration.TotalHours;
        if (hours > 0)
        {
            text.Append(hours).Append('H');
        }

        if (duration.Minutes > 0)
        {
            text.Append(duration.Minutes).Append('M');
        }

        if (duration.Seconds > 0 || text.Length == 2)
        {
            text.Append(duration.Seconds).Append('S');
        }

        return text.ToString();
    }

    private static JsonObject OrganizationNode(SiteSettings settings, string? id) => Object(
        ("@type", "Organization"),
        ("@id", id),
        ("name", settings.Organiser.Name),
        ("url", Text(settings.Organiser.Url)),
        ("address", Object(("@type", "PostalAddress"), ("addressRegion", "千葉県"), ("addressCountry", "JP"))));

    private static JsonObject WithContext(JsonObject node)
    {
        var result = new JsonObject { ["@context"] = Context };
        foreach (var (name, value) in node.ToList())
        {
            node.Remove(name);
            result[name] = value;
        }

        return result;
    }
}
