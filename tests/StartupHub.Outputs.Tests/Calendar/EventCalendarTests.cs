using StartupHub.Outputs.Tests.Support;
using StartupHub.Site.Content;
using StartupHub.Site.Outputs.Calendar;
using static StartupHub.Outputs.Tests.Support.SampleSite;
using IcalCalendar = Ical.Net.Calendar;

namespace StartupHub.Outputs.Tests.Calendar;

public sealed class EventCalendarTests
{
    private static Dictionary<string, string> Build(DateTimeOffset? now = null, Uri? baseUrl = null) =>
        new EventCalendarGenerator().Generate(Context(now: now, baseUrl: baseUrl)).ToDictionary(f => f.Path, f => f.Text());

    [Fact]
    public void Writes_one_calendar_per_event_and_one_for_all_events()
    {
        var files = Build();

        Assert.Equal(
            ["events/2025-10-chiba/event.ics", "events/2025-11-kisarazu/event.ics", "events/2025-12-chiba/event.ics", "events/calendar.ics"],
            files.Keys.Order(StringComparer.Ordinal));
        var all = IcalCalendar.Load(files["events/calendar.ics"])!;
        Assert.Equal(["2025-10-chiba@example.jp", "2025-11-kisarazu@example.jp", "2025-12-chiba@example.jp"], all.Events.Select(e => e.Uid));
        Assert.Equal("ちば スタートアップ総合支援拠点 イベント", all.Properties["X-WR-CALNAME"]!.Value);
        Assert.Equal("Asia/Tokyo", all.Properties["X-WR-TIMEZONE"]!.Value);
    }

    [Fact]
    public void Event_times_are_the_source_jst_times_in_asia_tokyo_with_a_vtimezone()
    {
        var text = Build()["events/2025-10-chiba/event.ics"];
        var calendar = IcalCalendar.Load(text)!;

        var timeZone = Assert.Single(calendar.TimeZones);
        Assert.Equal("Asia/Tokyo", timeZone.TzId);
        var standard = Assert.Single(timeZone.TimeZoneInfos);
        Assert.Equal("STANDARD", standard.Name);
        Assert.Equal(TimeSpan.FromHours(9), standard.OffsetTo!.Offset);
        Assert.Equal(TimeSpan.FromHours(9), standard.OffsetFrom!.Offset);
        Assert.Contains("DTSTART;TZID=Asia/Tokyo:20251015T180000", text, StringComparison.Ordinal);
        var e = Assert.Single(calendar.Events);
        Assert.Equal("Asia/Tokyo", e.DtStart!.TzId);
        Assert.Equal(Notable.Start.UtcDateTime, e.DtStart.AsUtc);
        Assert.Equal(Notable.End.UtcDateTime, e.DtEnd!.AsUtc);
        Assert.Equal((18, 0), (e.DtStart.Hour, e.DtStart.Minute));
    }

    [Fact]
    public void Event_carries_location_url_description_and_status()
    {
        var calendar = IcalCalendar.Load(Build()["events/2025-10-chiba/event.ics"])!;
        var e = Assert.Single(calendar.Events);

        Assert.Equal("著名起業家参加会（10月）", e.Summary);
        Assert.Equal("ペリエホール（千葉市中央区新千葉1丁目1-1）", e.Location);
        Assert.Equal(new Uri("https://example.jp/events/2025-10-chiba/"), e.Url);
        Assert.Contains("講演「地方から世界へ」", e.Description, StringComparison.Ordinal);
        Assert.Contains("https://example.jp/events/2025-10-chiba/", e.Description, StringComparison.Ordinal);
        Assert.Equal("CONFIRMED", e.Status);
        Assert.Equal("著名起業家参加会（10月）｜ちば スタートアップ総合支援拠点", calendar.Properties["X-WR-CALNAME"]!.Value);
    }

    [Fact]
    public void Cancelled_event_is_status_cancelled_with_a_higher_sequence()
    {
        var e = Assert.Single(IcalCalendar.Load(Build()["events/2025-12-chiba/event.ics"])!.Events);

        Assert.Equal(EventStatus.Cancelled.ToString().ToUpperInvariant(), e.Status);
        Assert.Equal("CANCELLED", e.Status);
        Assert.Equal(1, e.Sequence);
        Assert.Contains("中止", e.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_is_identical_across_builds_at_different_times_and_base_urls()
    {
        var first = Build(now: At(2025, 9, 1));
        var second = Build(now: At(2025, 12, 31, 23, 59));
        var preview = Build(baseUrl: new Uri("https://preview.example.net/"));

        Assert.Equal(first, second);
        Assert.Equal(
            IcalCalendar.Load(first["events/calendar.ics"])!.Events.Select(e => e.Uid),
            IcalCalendar.Load(preview["events/calendar.ics"])!.Events.Select(e => e.Uid));

        // DTSTAMP is the event's own data (publish_date 2025-08-01 JST), not the clock.
        var e = IcalCalendar.Load(first["events/2025-10-chiba/event.ics"])!.Events.Single();
        Assert.Equal(At(2025, 8, 1).UtcDateTime, e.DtStamp!.AsUtc);
    }

    [Fact]
    public void All_events_calendar_is_exactly_what_ical_net_writes_for_the_whole_calendar()
    {
        var context = Context();
        var whole = Site.Outputs.Calendar.EventCalendar.Serialize(
            context.Content.Events, context.Content, context.BaseUrl, context.PageDates, "ちば スタートアップ総合支援拠点 イベント");

        Assert.Equal(whole, Build()["events/calendar.ics"]);
    }

    [Fact]
    public void A_generator_reused_across_builds_writes_the_changed_event_anew_and_keeps_the_others()
    {
        var generator = new EventCalendarGenerator();
        var content = Content();
        var first = generator.Generate(Context(content)).ToDictionary(f => f.Path);

        var retitled = Kisarazu with { Title = "木更津 地域開催（改題）" };
        var edited = content with { Events = [content.Events[0], retitled, content.Events[2]] };
        var second = generator.Generate(Context(edited)).ToDictionary(f => f.Path);
        var fresh = new EventCalendarGenerator().Generate(Context(edited)).ToDictionary(f => f.Path, f => f.Text());

        // Unchanged events hand back the very bytes of the first build; the edited one and the whole calendar change.
        Assert.Same(first["events/2025-10-chiba/event.ics"].Content, second["events/2025-10-chiba/event.ics"].Content);
        Assert.Equal("木更津 地域開催（改題）", IcalCalendar.Load(second["events/2025-11-kisarazu/event.ics"].Text())!.Events.Single().Summary);
        Assert.Contains("木更津 地域開催（改題）", IcalCalendar.Load(second["events/calendar.ics"].Text())!.Events.Select(e => e.Summary));
        Assert.Equal(fresh, second.ToDictionary(f => f.Key, f => f.Value.Text()));

        // Something the event file reads besides the event record (here the venue's address) is not served stale.
        var moved = edited with { Venues = [.. edited.Venues.Select(v => v with { Address = v.Address + "（移転先）" })] };
        var third = generator.Generate(Context(moved)).ToDictionary(f => f.Path, f => f.Text());
        Assert.EndsWith("（移転先））", IcalCalendar.Load(third["events/2025-10-chiba/event.ics"])!.Events.Single().Location, StringComparison.Ordinal);
    }
}
