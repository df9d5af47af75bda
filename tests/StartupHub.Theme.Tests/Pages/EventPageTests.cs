using StartupHub.Site.Content;
using StartupHub.Theme.Tests.Support;

namespace StartupHub.Theme.Tests.Pages;

[Collection(BuiltSiteCollection.Name)]
public sealed class EventPageTests(BuiltSite site)
{
    public static TheoryData<string> EventSlugs()
    {
        var content = BuiltSite.ReadContent(RepositoryRoot.Path);
        return [.. content.Events.Where(e => e.Publishing.IsPublishedAt(FixedClock.Default, includeDrafts: false)).Select(e => e.Slug)];
    }

    private Event EventOf(string slug) => site.Content.Events.Single(e => e.Slug == slug);

    [Theory]
    [MemberData(nameof(EventSlugs))]
    public void The_timetable_lists_every_session_with_its_time_capacity_and_light_meal(string slug)
    {
        var e = EventOf(slug);
        var table = site.Page($"/events/{slug}/").Document.QuerySelector("table.timetable");

        Assert.NotNull(table);
        Assert.Contains("時間", table.QuerySelector("caption")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["時間", "内容", "定員", "軽食"], table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()));
        var rows = table.QuerySelectorAll("tbody tr");
        Assert.Equal(e.Sessions.Count, rows.Length);
        foreach (var (session, row) in e.Sessions.Zip(rows))
        {
            var cells = row.Children;
            Assert.Contains(session.Start.ToOffset(TimeSpan.FromHours(9)).ToString("HH:mm"), cells[0].TextContent, StringComparison.Ordinal);
            Assert.Contains(session.Title, cells[1].TextContent, StringComparison.Ordinal);
            Assert.StartsWith($"{session.Capacity}名", cells[2].TextContent.Trim(), StringComparison.Ordinal);
            Assert.Equal(session.LightMeal ? "あり" : "なし", cells[3].TextContent.Trim());
        }
    }

    [Theory]
    [MemberData(nameof(EventSlugs))]
    public void Speakers_and_pitching_companies_in_the_timetable_link_to_their_pages(string slug)
    {
        var e = EventOf(slug);
        var hrefs = site.Page($"/events/{slug}/").Document.QuerySelectorAll("table.timetable a").Select(a => a.GetAttribute("href")).ToList();

        foreach (var speaker in e.Sessions.SelectMany(s => s.Speakers).Where(p => site.Content.People.Any(x => x.Slug == p)))
        {
            Assert.Contains($"/people/{speaker}/", hrefs);
        }

        foreach (var company in e.Sessions.SelectMany(s => s.Companies).Where(c => site.Content.Companies.Any(x => x.Slug == c)))
        {
            Assert.Contains($"/companies/{company}/", hrefs);
        }
    }

    [Theory]
    [MemberData(nameof(EventSlugs))]
    public void The_venue_block_shows_the_address_and_links_to_the_map_without_embedding_it(string slug)
    {
        var e = EventOf(slug);
        var venue = site.Content.Venues.Single(v => v.Id == e.Venue);
        var block = site.Page($"/events/{slug}/").Document.QuerySelector("section.venue");

        Assert.NotNull(block);
        Assert.Contains(venue.Address, block.TextContent, StringComparison.Ordinal);
        Assert.Contains(venue.Name, block.TextContent, StringComparison.Ordinal);
        Assert.Empty(block.QuerySelectorAll("iframe, img, script"));
        if (venue.MapUrl is { } map)
        {
            Assert.Contains(block.QuerySelectorAll("a"), a => a.GetAttribute("href") == map);
        }
    }

    [Theory]
    [MemberData(nameof(EventSlugs))]
    public void Start_and_end_are_machine_readable_and_the_state_is_written_as_text(string slug)
    {
        var e = EventOf(slug);
        var document = site.Page($"/events/{slug}/").Document;

        var times = document.QuerySelectorAll(".page-header time").Select(t => DateTimeOffset.Parse(t.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(e.Start, times);
        Assert.Contains(e.End, times);
        var state = document.QuerySelector(".page-header .state")!.TextContent.Trim();
        Assert.Contains(state, new[] { "受付前", "受付中", "受付終了", "終了", "中止", "延期" });
    }

    [Theory]
    [MemberData(nameof(EventSlugs))]
    public void Upcoming_events_offer_the_ics_file_and_the_registration_area(string slug)
    {
        var e = EventOf(slug);
        var document = site.Page($"/events/{slug}/").Document;

        Assert.NotNull(document.QuerySelector("section#registration"));
        var ics = document.QuerySelector($"a[href='/events/{slug}/event.ics']");
        if (e.End > FixedClock.Default && e.Status == EventStatus.Scheduled)
        {
            Assert.NotNull(ics);
            Assert.Equal("カレンダーに追加（.ics）", ics.TextContent.Trim());
            Assert.True(site.Exists($"/events/{slug}/event.ics"), "the linked .ics file was not written");
        }
    }

    [Fact]
    public void An_open_event_shows_its_registration_period_and_the_capacity_of_each_session()
    {
        var open = site.Content.Events.Where(e => e.Registration is { } r && r.Opens <= FixedClock.Default && FixedClock.Default < r.Closes && e.Status == EventStatus.Scheduled).ToList();
        Assert.NotEmpty(open);
        var formsOpen = site.Content.Settings.Forms == FormsMode.Open;

        foreach (var e in open)
        {
            var section = site.Page($"/events/{e.Slug}/").Document.QuerySelector("section#registration")!;
            Assert.Contains("受付期間", section.TextContent, StringComparison.Ordinal);
            if (formsOpen)
            {
                Assert.Equal(e.Slug, section.GetAttribute("data-event"));
                var capacities = section.QuerySelectorAll("table tbody tr").Select(r => r.Children[2].TextContent.Trim()).ToList();
                Assert.Equal(e.Sessions.Select(s => $"{s.Capacity}名"), capacities);
                Assert.DoesNotContain("準備中", section.TextContent, StringComparison.Ordinal);
            }
            else
            {
                Assert.Contains("受付は終了しました", section.TextContent, StringComparison.Ordinal);
                Assert.False(section.HasAttribute("data-api"));
            }
        }
    }

    [Fact]
    public void Past_events_show_their_report_and_archive_videos_and_upcoming_ones_do_not()
    {
        var past = site.Content.Events.Where(e => e.End <= FixedClock.Default && e.Publishing.IsPublishedAt(FixedClock.Default, false)).ToList();
        Assert.Contains(past, e => e.Report?.Attendance is not null);
        Assert.Contains(past, e => e.Videos.Count > 0);

        foreach (var e in site.Content.Events.Where(e => e.Publishing.IsPublishedAt(FixedClock.Default, false)))
        {
            var document = site.Page($"/events/{e.Slug}/").Document;
            var report = document.QuerySelector("section.report");
            var facades = document.QuerySelectorAll("section.videos button.video-facade");
            var isPast = e.End <= FixedClock.Default;

            if (isPast && e.Report?.Attendance is { } attendance)
            {
                Assert.NotNull(report);
                Assert.Contains($"参加者数：{attendance}名", report.TextContent, StringComparison.Ordinal);
            }
            else if (!isPast)
            {
                Assert.Null(report);
            }

            var expectedVideos = isPast ? e.Videos.Count(v => site.Content.Videos.Any(x => x.Slug == v)) : 0;
            Assert.Equal(expectedVideos, facades.Length);
        }
    }
}
