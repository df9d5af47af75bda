using System.Text.Json;
using System.Text.Json.Nodes;
using StartupHub.Site.Content;
using static StartupHub.Outputs.Tests.Support.SampleSite;
using JsonLdBuilder = StartupHub.Site.Outputs.JsonLd.JsonLd;
using JsonLdWriter = StartupHub.Site.Outputs.JsonLd.JsonLdWriter;

namespace StartupHub.Outputs.Tests.JsonLd;

public sealed class JsonLdTests
{
    private static readonly Uri BaseUrl = new("https://example.jp/");

    private static JsonElement Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }

    private static string S(JsonElement e, string name) => e.GetProperty(name).GetString()!;

    [Fact]
    public void Event_has_schema_org_fields_in_jst()
    {
        var json = Parse(JsonLdBuilder.Event(Notable, Content(), BaseUrl, At(2025, 9, 20)));

        Assert.Equal("https://schema.org", S(json, "@context"));
        Assert.Equal("Event", S(json, "@type"));
        Assert.Equal("著名起業家参加会（10月）", S(json, "name"));
        Assert.Equal("2025-10-15T18:00:00+09:00", S(json, "startDate"));
        Assert.Equal("2025-10-15T21:00:00+09:00", S(json, "endDate"));
        Assert.Equal("https://schema.org/EventScheduled", S(json, "eventStatus"));
        Assert.Equal("https://schema.org/OfflineEventAttendanceMode", S(json, "eventAttendanceMode"));
        Assert.Equal("https://example.jp/events/2025-10-chiba/", S(json, "url"));

        var location = json.GetProperty("location");
        Assert.Equal("Place", S(location, "@type"));
        Assert.Equal("ペリエホール", S(location, "name"));
        var address = location.GetProperty("address");
        Assert.Equal("PostalAddress", S(address, "@type"));
        Assert.Equal("千葉県", S(address, "addressRegion"));
        Assert.Equal("千葉市", S(address, "addressLocality"));
        Assert.Equal("千葉市中央区新千葉1丁目1-1", S(address, "streetAddress"));

        var organizer = json.GetProperty("organizer");
        Assert.Equal("Organization", S(organizer, "@type"));
        Assert.StartsWith("千葉県", S(organizer, "name"), StringComparison.Ordinal);

        var offers = json.GetProperty("offers");
        Assert.Equal(0, offers.GetProperty("price").GetInt32());
        Assert.Equal("JPY", S(offers, "priceCurrency"));
        Assert.Equal("https://schema.org/InStock", S(offers, "availability"));
        Assert.Equal("2025-09-15T10:00:00+09:00", S(offers, "validFrom"));
        Assert.Equal("2025-10-14T17:00:00+09:00", S(offers, "validThrough"));

        var performer = Assert.Single(json.GetProperty("performer").EnumerateArray());
        Assert.Equal("佐藤 花子", S(performer, "name"));
    }

    [Theory]
    [InlineData(EventStatus.Cancelled, "https://schema.org/EventCancelled")]
    [InlineData(EventStatus.Postponed, "https://schema.org/EventPostponed")]
    public void Event_status_follows_the_content(EventStatus status, string expected)
    {
        var json = Parse(JsonLdBuilder.Event(Notable with { Status = status }, Content(), BaseUrl, At(2025, 9, 20)));

        Assert.Equal(expected, S(json, "eventStatus"));
        Assert.Equal("https://schema.org/SoldOut", S(json.GetProperty("offers"), "availability"));
    }

    [Fact]
    public void Offer_availability_follows_the_registration_window_and_is_absent_without_one()
    {
        var before = Parse(JsonLdBuilder.Event(Notable, Content(), BaseUrl, At(2025, 9, 1)));
        var closed = Parse(JsonLdBuilder.Event(Notable, Content(), BaseUrl, At(2025, 10, 14, 17)));
        var none = Parse(JsonLdBuilder.Event(Kisarazu, Content(), BaseUrl, At(2025, 9, 1)));

        Assert.Equal("https://schema.org/PreOrder", S(before.GetProperty("offers"), "availability"));
        Assert.Equal("https://schema.org/SoldOut", S(closed.GetProperty("offers"), "availability"));
        Assert.False(none.TryGetProperty("offers", out _));
    }

    [Fact]
    public void Output_is_safe_inside_a_script_element()
    {
        const string Hostile = "</script><script>alert('x')</script> & <!-- \u2028";
        var e = Notable with { Title = Hostile, Summary = "A > B & C" };

        var json = JsonLdBuilder.Event(e, Content(), BaseUrl, At(2025, 9, 20));

        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        Assert.DoesNotContain(">", json, StringComparison.Ordinal);
        Assert.DoesNotContain("&", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\u2028", json, StringComparison.Ordinal);
        Assert.Contains("\\u003C/script\\u003E", json, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("著名起業家", JsonLdBuilder.Event(Notable, Content(), BaseUrl, At(2025, 9, 20)), StringComparison.Ordinal);
        Assert.Equal(Hostile, S(Parse(json), "name"));
        Assert.Contains("\"startDate\":\"2025-10-15T18:00:00+09:00\"", json, StringComparison.Ordinal);

        // And an HTML parser sees one script element whose text is exactly the JSON.
        var html = $"<html><body><script type=\"application/ld+json\">{json}</script><p id=after>x</p></body></html>";
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Equal(json, Assert.Single(doc.Scripts).Text);
        Assert.NotNull(doc.GetElementById("after"));
    }

    [Fact]
    public void Video_uses_the_nocookie_embed_and_no_third_party_thumbnail()
    {
        var video = Content().Videos[0];
        var json = Parse(JsonLdBuilder.Video(video, BaseUrl));

        Assert.Equal("VideoObject", S(json, "@type"));
        Assert.Equal("講演「地方から世界へ」", S(json, "name"));
        Assert.Equal("著名起業家参加会の講演", S(json, "description"));
        Assert.Equal("2025-10-20", S(json, "uploadDate"));
        Assert.Equal("PT28M30S", S(json, "duration"));
        Assert.Equal("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", S(json, "embedUrl"));
        Assert.False(json.TryGetProperty("thumbnailUrl", out _));
        Assert.DoesNotContain("ytimg", json.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 28, 30, "PT28M30S")]
    [InlineData(1, 5, 0, "PT1H5M")]
    [InlineData(2, 0, 0, "PT2H")]
    [InlineData(0, 0, 0, "PT0S")]
    public void Durations_are_iso_8601(int h, int m, int s, string expected) =>
        Assert.Equal(expected, JsonLdBuilder.IsoDuration(new TimeSpan(h, m, s)));

    [Fact]
    public void Person_and_breadcrumbs_and_website()
    {
        var person = Parse(JsonLdBuilder.Person(Content().People[0], BaseUrl));
        Assert.Equal("Person", S(person, "@type"));
        Assert.Equal("佐藤 花子", S(person, "name"));
        Assert.Equal("株式会社サンプル", S(person.GetProperty("worksFor"), "name"));
        Assert.Equal("https://example.jp/people/sato-hanako/", S(person, "url"));

        var crumbs = Parse(JsonLdBuilder.BreadcrumbList([new Link("ホーム", "/"), new Link("イベント", "/events/")], new Uri("https://example.jp/sub/")));
        Assert.Equal("BreadcrumbList", S(crumbs, "@type"));
        var items = crumbs.GetProperty("itemListElement").EnumerateArray().ToList();
        Assert.Equal([1, 2], items.Select(i => i.GetProperty("position").GetInt32()));
        Assert.Equal("https://example.jp/sub/events/", S(items[1], "item"));

        var site = Parse(JsonLdBuilder.WebSite(Settings(), BaseUrl));
        var graph = site.GetProperty("@graph").EnumerateArray().ToList();
        Assert.Equal(["WebSite", "Organization"], graph.Select(g => S(g, "@type")));
        Assert.Equal("https://example.jp/", S(graph[0], "url"));
    }

    [Fact]
    public void ForItem_picks_the_type_of_the_item()
    {
        var content = Content();
        Assert.Equal("Event", S(Parse(JsonLdBuilder.ForItem(Notable, content, BaseUrl, Now)!), "@type"));
        Assert.Equal("VideoObject", S(Parse(JsonLdBuilder.ForItem(content.Videos[0], content, BaseUrl, Now)!), "@type"));
        Assert.Null(JsonLdBuilder.ForItem(content.News[0], content, BaseUrl, Now));
    }

    /// <summary>BreadcrumbList is written without JSON nodes (it is on every page); its text must be what the node path writes.</summary>
    [Theory]
    [InlineData("お知らせ（2ページ目）", "/news/page/2/")]
    [InlineData("</script><!-- 「引用」 & \"quote\" \\ back", "/news/a&b/")]
    [InlineData("改行\u2028区切り\u2029と\ttab", "/pages/x/")]
    [InlineData("emoji 🚀 and 半角ｶﾅ", "/events/2025-10-chiba/#timetable")]
    public void BreadcrumbList_is_the_text_the_json_node_writer_gives(string title, string url)
    {
        var baseUrl = new Uri("https://example.jp/sub/");
        Link[] crumbs = [new("ホーム", "/"), new("お知らせ", "/news/"), new(title, url)];
        var nodes = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "BreadcrumbList",
            ["itemListElement"] = new JsonArray([.. crumbs.Select((c, i) => (JsonNode)new JsonObject
            {
                ["@type"] = "ListItem",
                ["position"] = i + 1,
                ["name"] = c.Title,
                ["item"] = StartupHub.Site.Outputs.Common.SiteUrls.Absolute(baseUrl, c.Url),
            })]),
        };

        var written = JsonLdBuilder.BreadcrumbList(crumbs, baseUrl);

        Assert.Equal(JsonLdWriter.Write(nodes), written);
        Assert.DoesNotContain("<", written, StringComparison.Ordinal);
        Assert.DoesNotContain("&", written, StringComparison.Ordinal);
        Assert.Equal(title, Parse(written).GetProperty("itemListElement")[2].GetProperty("name").GetString());
    }
}
