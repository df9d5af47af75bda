using StartupHub.Site.Build;
using StartupHub.Site.Content;
using StartupHub.Site.Outputs.Common;

namespace StartupHub.Site.Outputs.Feed;

/// <summary>
/// /feed.xml: an Atom feed of news and events, newest first, for feed readers and the prefecture's
/// aggregators. Entry ids are tag: URIs on the site.yml host (not the preview override), so they stay the
/// same when the base URL of a build changes; the feed's updated time is its newest entry, not the
/// clock, so an unchanged site produces an unchanged feed.
/// </summary>
public sealed class AtomFeedGenerator : IOutputGenerator
{
    public const string Namespace = "http://www.w3.org/2005/Atom";

    public const string OutputPath = "feed.xml";

    /// <summary>Feed readers only need recent entries; the whole archive is on the site.</summary>
    public const int MaxEntries = 50;

    public string Name => "atom-feed";

    public IEnumerable<OutputFile> Generate(OutputContext context)
    {
        var dates = context.PageDates;

        // The newest entries are chosen on their date and key alone; only those are built (with ten thousand news
        // items, building every entry's summary and dates was most of this generator's time).
        ContentItem[] items = [.. context.Content.News, .. context.Content.Events];
        var entries = NewestFirst.Take(items, Published, Key, MaxEntries)
            .Select(item => item is Event e ? FeedEntry.From(e, context.Content, dates.Of(e)) : FeedEntry.From((NewsItem)item, dates.Of(item)))
            .ToList();

        var settings = context.Content.Settings;
        var tagAuthority = $"tag:{settings.BaseUrl.Host},2025:";
        var feedUpdated = entries.Count == 0 ? DateTimeOffset.UnixEpoch : entries.Max(e => e.Updated);

        var bytes = XmlOutput.Write(xml =>
        {
            xml.WriteStartElement("feed", Namespace);
            xml.WriteAttributeString("xml", "lang", null, "ja");
            xml.WriteElementString("id", Namespace, tagAuthority + "feed");
            xml.WriteElementString("title", Namespace, settings.Title);
            xml.WriteElementString("subtitle", Namespace, settings.Description);
            xml.WriteElementString("updated", Namespace, Jst.Iso(feedUpdated));
            WriteLink(xml, "self", SiteUrls.Absolute(context.BaseUrl, "/" + OutputPath), "application/atom+xml");
            WriteLink(xml, "alternate", SiteUrls.Absolute(context.BaseUrl, "/"), "text/html");
            xml.WriteStartElement("author", Namespace);
            xml.WriteElementString("name", Namespace, settings.Organiser.Name);
            if (settings.Organiser.Url is { } organiserUrl)
            {
                xml.WriteElementString("uri", Namespace, organiserUrl);
            }

            xml.WriteEndElement();

            foreach (var entry in entries)
            {
                xml.WriteStartElement("entry", Namespace);
                xml.WriteElementString("id", Namespace, tagAuthority + entry.Key);
                xml.WriteElementString("title", Namespace, entry.Title);
                WriteLink(xml, "alternate", SiteUrls.Absolute(context.BaseUrl, entry.Path), "text/html");
                xml.WriteElementString("published", Namespace, Jst.Iso(entry.Published));
                xml.WriteElementString("updated", Namespace, Jst.Iso(entry.Updated));
                xml.WriteStartElement("category", Namespace);
                xml.WriteAttributeString("term", entry.Category);
                xml.WriteEndElement();
                xml.WriteStartElement("summary", Namespace);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(entry.Summary);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        });

        yield return new OutputFile(OutputPath, bytes);
    }

    private static DateTimeOffset Published(ContentItem item) => item is Event e ? FeedEntry.Announced(e) : ((NewsItem)item).Date;

    private static string Key(ContentItem item) => item is Event e ? FeedEntry.KeyOf(e) : FeedEntry.KeyOf((NewsItem)item);

    private static void WriteLink(System.Xml.XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", Namespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }
}
