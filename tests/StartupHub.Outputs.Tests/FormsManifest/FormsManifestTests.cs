using System.Globalization;
using System.Text.Json;
using StartupHub.Outputs.Tests.Support;
using StartupHub.Site.Content;
using StartupHub.Site.Outputs.FormsManifest;
using static StartupHub.Outputs.Tests.Support.SampleSite;

namespace StartupHub.Outputs.Tests.FormsManifest;

public sealed class FormsManifestTests
{
    private static MiniSchema Schema()
    {
        var path = Path.Combine(RepoRoot.Find(), "docs", "forms-manifest.schema.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return new MiniSchema(doc.RootElement.Clone());
    }

    private static JsonElement Manifest(SiteContent? content = null, DateTimeOffset? now = null)
    {
        var file = new FormsManifestGenerator().Single(Context(content: content, now: now), "forms-manifest.json");
        using var doc = JsonDocument.Parse(file.Content);
        return doc.RootElement.Clone();
    }

    private static JsonElement Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }

    [Fact]
    public void Emitted_manifest_conforms_to_the_schema()
    {
        Assert.Empty(Schema().Validate(Manifest()));
        Assert.Empty(Schema().Validate(Manifest(Content(FormsMode.Closed) with { Companies = [], Forms = [] })));
    }

    [Fact]
    public void The_schema_check_rejects_manifests_that_break_the_contract()
    {
        var good = Manifest().GetRawText();
        var schema = Schema();

        Assert.Contains(schema.Validate(Parse(good.Replace("\"capacity\": 100", "\"capacity\": 0", StringComparison.Ordinal))), e => e.Contains("capacity", StringComparison.Ordinal));
        Assert.Contains(schema.Validate(Parse(good.Replace("+09:00", "Z", StringComparison.Ordinal))), e => e.Contains("start", StringComparison.Ordinal));
        Assert.Contains(schema.Validate(Parse(good.Replace("\"forms_open\"", "\"formsOpen\"", StringComparison.Ordinal))), e => e.Contains("formsOpen", StringComparison.Ordinal));
        Assert.Contains(schema.Validate(Parse(good.Replace("\"kind\": \"seminar\"", "\"kind\": \"talk\"", StringComparison.Ordinal))), e => e.Contains("kind", StringComparison.Ordinal));
    }

    [Fact]
    public void Matches_the_content()
    {
        var manifest = Manifest(now: new DateTimeOffset(2025, 9, 1, 9, 30, 0, TimeSpan.FromHours(9)));

        Assert.Equal(1, manifest.GetProperty("schema").GetInt32());
        Assert.Equal("2025-09-01T00:30:00Z", manifest.GetProperty("generated_at").GetString());
        Assert.True(manifest.GetProperty("forms_open").GetBoolean());

        var events = manifest.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["2025-10-chiba", "2025-11-kisarazu", "2025-12-chiba"], events.Select(e => e.GetProperty("id").GetString()));

        var notable = events[0];
        Assert.Equal("著名起業家参加会（10月）", notable.GetProperty("title").GetString());
        Assert.Equal("chiba", notable.GetProperty("city").GetString());
        Assert.Equal("notable", notable.GetProperty("series").GetString());
        Assert.Equal("/events/2025-10-chiba/", notable.GetProperty("url").GetString());
        Assert.Equal("2025-10-15T18:00:00+09:00", notable.GetProperty("start").GetString());
        Assert.Equal("scheduled", notable.GetProperty("status").GetString());
        Assert.Equal("2025-09-15T10:00:00+09:00", notable.GetProperty("registration").GetProperty("opens").GetString());
        Assert.Equal("2025-10-14T17:00:00+09:00", notable.GetProperty("registration").GetProperty("closes").GetString());
        var sessions = notable.GetProperty("sessions").EnumerateArray().ToList();
        Assert.Equal(
            [("talk", "seminar", 100, true, "2025-10-15T18:30:00+09:00"), ("networking", "networking", 100, true, "2025-10-15T20:00:00+09:00")],
            sessions.Select(s => (s.GetProperty("id").GetString(), s.GetProperty("kind").GetString(), s.GetProperty("capacity").GetInt32(), s.GetProperty("registration").GetBoolean(), s.GetProperty("end").GetString())));

        var kisarazu = events[1];
        Assert.Equal(JsonValueKind.Null, kisarazu.GetProperty("registration").ValueKind);
        Assert.Equal("regional", kisarazu.GetProperty("series").GetString());
        Assert.False(kisarazu.GetProperty("sessions")[0].GetProperty("registration").GetBoolean());
        Assert.Equal("cancelled", events[2].GetProperty("status").GetString());

        var forms = manifest.GetProperty("forms").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!);
        Assert.Equal("oip-application", forms["oip-application"].GetProperty("kind").GetString());
        Assert.Equal("2025-08-01T10:00:00+09:00", forms["oip-application"].GetProperty("opens").GetString());
        Assert.Equal("2025-08-01", forms["oip-application"].GetProperty("purpose_version").GetString());
        Assert.Equal(JsonValueKind.Null, forms["event-registration"].GetProperty("opens").ValueKind);
        Assert.Equal("event-registration", forms["event-registration"].GetProperty("kind").GetString());

        var company = Assert.Single(manifest.GetProperty("companies").EnumerateArray());
        Assert.Equal(("kazusa-aqua", "株式会社かずさアクア"), (company.GetProperty("id").GetString(), company.GetProperty("name").GetString()));
    }

    [Fact]
    public void Carries_what_the_confirmation_mails_need()
    {
        var settings = Settings() with
        {
            Operator = new Organisation("スタートアップ総合支援拠点 運営事務局", null),
            Contact = new Contact("info@example.jp", "043-000-0000", null),
            NotifyEmail = "jimukyoku@example.jp",
        };
        var manifest = Manifest(Content() with { Settings = settings });
        Assert.Empty(Schema().Validate(manifest));

        var site = manifest.GetProperty("site");
        Assert.Equal("ちば スタートアップ総合支援拠点", site.GetProperty("title").GetString());
        Assert.Equal("https://example.jp/", site.GetProperty("base_url").GetString());
        var contact = site.GetProperty("contact");
        Assert.Equal("スタートアップ総合支援拠点 運営事務局", contact.GetProperty("name").GetString());
        Assert.Equal("info@example.jp", contact.GetProperty("email").GetString());
        Assert.Equal("043-000-0000", contact.GetProperty("phone").GetString());
        Assert.Equal(JsonValueKind.Null, contact.GetProperty("hours").ValueKind);
        Assert.Equal("jimukyoku@example.jp", site.GetProperty("notify_email").GetString());

        var venue = manifest.GetProperty("events")[0].GetProperty("venue");
        Assert.Equal(("ペリエホール", "千葉市中央区新千葉1丁目1-1"), (venue.GetProperty("name").GetString(), venue.GetProperty("address").GetString()));

        // Without an operator or a notify address: the organiser is the contact, and no staff notices are sent.
        var bare = Manifest().GetProperty("site");
        Assert.Equal("千葉県 商工労働部 産業振興課", bare.GetProperty("contact").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, bare.GetProperty("notify_email").ValueKind);
        Assert.Equal(JsonValueKind.Null, bare.GetProperty("contact").GetProperty("email").ValueKind);

        // serve builds with its own address as the base URL; links in the mails it sends must lead there.
        var file = new FormsManifestGenerator().Single(Context(baseUrl: new Uri("http://127.0.0.1:8080")), "forms-manifest.json");
        using (var served = JsonDocument.Parse(file.Content))
        {
            Assert.Equal("http://127.0.0.1:8080/", served.RootElement.GetProperty("site").GetProperty("base_url").GetString());
        }

        var good = manifest.GetRawText();
        Assert.Contains(Schema().Validate(Parse(good.Replace("\"https://example.jp/\"", "\"/\"", StringComparison.Ordinal))), e => e.Contains("base_url", StringComparison.Ordinal));
        Assert.Contains(Schema().Validate(Parse(good.Replace("jimukyoku@example.jp", "jimukyoku", StringComparison.Ordinal))), e => e.Contains("notify_email", StringComparison.Ordinal));
    }

    [Fact]
    public void Lists_only_the_events_of_the_published_content_and_follows_forms_closed()
    {
        var now = At(2025, 9, 20);
        var draft = Notable with { Slug = "2026-01-chiba", Publishing = new Publishing(Draft: true) };
        var future = Notable with { Slug = "2026-02-chiba", Publishing = new Publishing(PublishDate: At(2026, 1, 1)) };
        var all = Content(FormsMode.Closed) with { Events = [Notable, draft, future] };

        // The build hands outputs the published content (OutputContext.Content); the manifest adds nothing back.
        var manifest = Manifest(all.Published(now, includeDrafts: false), now);

        Assert.Equal(["2025-10-chiba"], manifest.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        Assert.False(manifest.GetProperty("forms_open").GetBoolean());
        Assert.Equal(now.UtcDateTime, DateTime.Parse(manifest.GetProperty("generated_at").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal));
    }

    [Fact]
    public void A_generator_reused_across_builds_writes_a_new_manifest_when_an_event_record_changes()
    {
        var generator = new FormsManifestGenerator();
        var content = Content();
        var first = generator.Single(Context(content: content), "forms-manifest.json").Content;
        Assert.Same(first, generator.Single(Context(content: content with { News = [] }), "forms-manifest.json").Content);

        var fewer = content.Events[0] with { Sessions = [.. content.Events[0].Sessions.Select(s => s with { Capacity = s.Capacity - 1 })] };
        var edited = content with { Events = [fewer, .. content.Events.Skip(1)] };
        var reused = generator.Single(Context(content: edited), "forms-manifest.json").Content;

        Assert.Equal(new FormsManifestGenerator().Single(Context(content: edited), "forms-manifest.json").Content, reused);
        Assert.NotEqual(first, reused);
    }
}
