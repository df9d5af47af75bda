using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using StartupHub.Outputs.Tests.Support;
using StartupHub.Site.Outputs.Feed;
using static StartupHub.Outputs.Tests.Support.SampleSite;

namespace StartupHub.Outputs.Tests.Feed;

public sealed class AtomFeedTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static XDocument Feed(Uri? baseUrl = null)
    {
        var bytes = new AtomFeedGenerator().Single(Context(baseUrl: baseUrl), "feed.xml").Content;
        using var reader = XmlReader.Create(new MemoryStream(bytes), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        return XDocument.Load(reader);
    }

    [Fact]
    public void Is_an_atom_feed_in_japanese_with_the_required_elements()
    {
        var feed = Feed().Root!;

        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Equal("ja", feed.Attribute(XNamespace.Xml + "lang")!.Value);
        Assert.Equal("ちば スタートアップ総合支援拠点", feed.Element(Atom + "title")!.Value);
        Assert.NotEmpty(feed.Element(Atom + "id")!.Value);
        Assert.Equal("千葉県 商工労働部 産業振興課", feed.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.Contains(feed.Elements(Atom + "link"), l => l.Attribute("rel")!.Value == "self" && l.Attribute("href")!.Value == "https://example.jp/feed.xml");
        foreach (var entry in feed.Elements(Atom + "entry"))
        {
            foreach (var required in new[] { "id", "title", "updated", "published", "summary" })
            {
                Assert.NotNull(entry.Element(Atom + required));
            }

            var href = entry.Element(Atom + "link")!.Attribute("href")!.Value;
            Assert.StartsWith("https://example.jp/", href, StringComparison.Ordinal);
            Assert.Matches(@"(\+09:00|Z)$", entry.Element(Atom + "updated")!.Value);
        }
    }

    [Fact]
    public void Has_news_and_events_newest_first_with_japanese_titles()
    {
        var entries = Feed().Root!.Elements(Atom + "entry").ToList();

        // Events are dated by publish_date, else registration opening, else start; news by date.
        Assert.Equal(
            [
                "【中止】通常会（12月）",                      // registration opens 2025-11-10
                "木更津 メンタリングと交流会（11月）",          // no window: its start, 2025-11-05
                "10月の著名起業家参加会の申込を開始しました",   // news, 2025-09-15
                "著名起業家参加会（10月）",                    // publish_date 2025-08-01
                "サイトを公開しました",                        // news, 2025-07-01
            ],
            entries.Select(e => e.Element(Atom + "title")!.Value));
        var published = entries.Select(e => DateTimeOffset.Parse(e.Element(Atom + "published")!.Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(At(2025, 11, 10, 10), published[0]);
        Assert.Equal("2025-11-10T10:00:00+09:00", entries[0].Element(Atom + "published")!.Value);
        Assert.Equal(At(2025, 11, 10, 10), DateTimeOffset.Parse(Feed().Root!.Element(Atom + "updated")!.Value, CultureInfo.InvariantCulture));
        Assert.Contains("ペリエホール", entries[3].Element(Atom + "summary")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Entry_ids_are_tag_uris_that_do_not_change_with_the_base_url()
    {
        var normal = Feed().Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value).ToList();
        var preview = Feed(new Uri("https://preview.example.net/x/")).Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value).ToList();

        Assert.Equal(normal, preview);
        Assert.Contains("tag:example.jp,2025:news/2025-09-15-open", normal);
        Assert.Contains("tag:example.jp,2025:events/2025-10-chiba", normal);
        Assert.All(normal, id => Assert.True(Uri.IsWellFormedUriString(id, UriKind.Absolute)));
    }
}
