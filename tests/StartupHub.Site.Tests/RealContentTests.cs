using StartupHub.Site.Content;
using StartupHub.Site.Diagnostics;
using StartupHub.Site.Loading;

namespace StartupHub.Site.Tests;

/// <summary>The sample FY2025 (令和7年度) program in content/ must always load clean and stay complete.</summary>
public class RealContentTests
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);

    private static (SiteContent Content, IReadOnlyList<Diagnostic> Diagnostics) LoadRepositoryContent()
    {
        var root = RepositoryRoot();
        var bag = new DiagnosticBag();
        var content = ContentReader.Read(Path.Combine(root, "content"), root, bag);
        Assert.NotNull(content);
        return (content, bag.ToSortedList());
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "content", "site.yml")) && File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")))
                return dir.FullName;
        }

        throw new InvalidOperationException("Repository root with content/site.yml not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void The_repository_content_loads_with_no_diagnostics()
    {
        var (_, diagnostics) = LoadRepositoryContent();

        Assert.Empty(diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void The_repository_content_has_the_expected_collections()
    {
        var (content, _) = LoadRepositoryContent();

        Assert.Equal(new Uri("https://startup-hub.example.jp/"), content.Settings.BaseUrl);
        Assert.Equal(FormsMode.Open, content.Settings.Forms);
        Assert.Equal(3, content.Venues.Count);
        Assert.Equal(19, content.Events.Count);
        Assert.Equal(10, content.People.Count);
        Assert.Equal(10, content.Companies.Count);
        Assert.Equal(6, content.Videos.Count);
        Assert.Equal(8, content.News.Count);
        Assert.Equal(7, content.Pages.Count(p => !p.Noindex)); // plus the noindex form result, cancellation and staff pages
        Assert.Equal(7, content.Supporters.Count);
        Assert.Equal(4, content.Forms.Count);

        Assert.True(content.People.Count(p => p.Roles.Contains(PersonRole.Speaker)) >= 3);
        Assert.True(content.People.Count(p => p.Roles.Contains(PersonRole.Mentor)) >= 5);
        Assert.InRange(content.People.Count(p => p.Roles.Contains(PersonRole.Accelerator)), 1, 2);
        Assert.Equal(
            ["event-registration", "mentee-application", "oip-application", "partnership-inquiry"],
            content.Forms.Select(f => f.Slug).Order(StringComparer.Ordinal));
        Assert.Contains(content.Pages, p => p.Slug == "oip" && p.Form == "oip-application" && p.Schedule.Count == 7);
        Assert.Contains(content.Pages, p => p.Slug == "mentoring" && p.Form == "mentee-application");
        foreach (var slug in new[] { "about", "privacy", "accessibility", "terms" })
            Assert.Contains(content.Pages, p => p.Slug == slug);
    }

    [Fact]
    public void The_program_follows_the_spec_schedule_on_fixed_weekdays()
    {
        var (content, _) = LoadRepositoryContent();

        string SeriesOf(City city, int month) =>
            KebabCase.Of(content.Events.Single(e => e.City == city && e.Start.Month == month).Series);

        // Spec 第5 schedule: △ Sep, ● Oct/Dec/Mar, ○ Nov/Jan/Feb in Chiba.
        Assert.Equal("support-org", SeriesOf(City.Chiba, 9));
        Assert.Equal(["notable", "regular", "notable", "regular", "regular", "notable"], new[] { 10, 11, 12, 1, 2, 3 }.Select(m => SeriesOf(City.Chiba, m)));

        AssertSameWeekday(content.Events.Where(e => e.City == City.Chiba), DayOfWeek.Wednesday, 3, 7);
        AssertSameWeekday(content.Events.Where(e => e.City == City.Kashiwa), DayOfWeek.Thursday, 2, 6);
        AssertSameWeekday(content.Events.Where(e => e.City == City.Kisarazu), DayOfWeek.Friday, 4, 6);

        Assert.All(content.Events, e =>
        {
            Assert.NotNull(e.Registration);
            Assert.True(e.Registration.Closes <= e.End);
            Assert.Equal(Jst, e.Start.Offset);
        });
    }

    [Fact]
    public void Session_mixes_and_capacities_follow_the_spec()
    {
        var (content, _) = LoadRepositoryContent();

        foreach (var e in content.Events.Where(e => e.Series == EventSeries.Notable))
            Assert.Equal([(SessionKind.Seminar, 100), (SessionKind.Pitch, 100), (SessionKind.Networking, 100)], e.Sessions.Select(s => (s.Kind, s.Capacity)));
        foreach (var e in content.Events.Where(e => e.Series == EventSeries.Regular))
            Assert.Equal([(SessionKind.Mentoring, 4), (SessionKind.Seminar, 50), (SessionKind.Pitch, 50), (SessionKind.Networking, 50)], e.Sessions.Select(s => (s.Kind, s.Capacity)));
        foreach (var e in content.Events.Where(e => e.City == City.Kisarazu))
        {
            Assert.Equal([(SessionKind.Mentoring, 4), (SessionKind.Seminar, 30), (SessionKind.Networking, 30)], e.Sessions.Select(s => (s.Kind, s.Capacity)));
            Assert.False(e.Sessions[0].Registration);
            Assert.Equal(TimeSpan.FromHours(1), e.Sessions[1].End - e.Sessions[1].Start);
            Assert.Equal(TimeSpan.FromHours(2), e.Sessions[2].End - e.Sessions[2].Start);
            Assert.True(e.Sessions[2].LightMeal);
        }

        var supportOrg = Assert.Single(content.Events, e => e.Series == EventSeries.SupportOrg);
        Assert.Equal([SessionKind.Seminar, SessionKind.InfoExchange, SessionKind.Networking], supportOrg.Sessions.Select(s => s.Kind));
        Assert.All(content.Events.SelectMany(e => e.Sessions).Where(s => s.Kind == SessionKind.Mentoring), s => Assert.False(s.Registration));
    }

    [Fact]
    public void Every_video_is_tied_to_an_event_session_and_listed_by_that_event()
    {
        var (content, _) = LoadRepositoryContent();

        Assert.All(content.Videos, v =>
        {
            var e = Assert.Single(content.Events, e => e.Slug == v.Event);
            Assert.Contains(e.Sessions, s => s.Id == v.Session);
            Assert.Contains(v.Slug, e.Videos);
        });
    }

    private static void AssertSameWeekday(IEnumerable<Event> events, DayOfWeek weekday, int week, int count)
    {
        var list = events.ToList();
        Assert.Equal(count, list.Count);
        Assert.All(list, e =>
        {
            Assert.Equal(weekday, e.Start.DayOfWeek);
            Assert.Equal(week, ((e.Start.Day - 1) / 7) + 1);
        });
    }
}
