using StartupHub.Site.Content;
using StartupHub.Site.Tests.Support;

namespace StartupHub.Site.Tests.Loading;

public class ParsingTests
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);

    [Fact]
    public void An_event_becomes_a_typed_record_with_jst_times_and_sessions_on_the_event_day()
    {
        using var site = new TempSite();
        var (content, diagnostics) = site.Load();

        Assert.Empty(diagnostics);
        var e = Assert.Single(content!.Events);
        Assert.Equal("e", e.Slug);
        Assert.Equal("content/events/e.md", e.SourcePath);
        Assert.Equal(EventSeries.Notable, e.Series);
        Assert.Equal(City.Chiba, e.City);
        Assert.Equal(new DateTimeOffset(2025, 10, 15, 18, 0, 0, Jst), e.Start);
        Assert.Equal(new DateTimeOffset(2025, 10, 15, 21, 0, 0, Jst), e.End);
        Assert.Equal(new RegistrationWindow(new DateTimeOffset(2025, 9, 15, 10, 0, 0, Jst), new DateTimeOffset(2025, 10, 14, 17, 0, 0, Jst)), e.Registration);
        Assert.Equal(["talk", "pitch"], e.Sessions.Select(s => s.Id));
        Assert.Equal(new DateTimeOffset(2025, 10, 15, 18, 30, 0, Jst), e.Sessions[1].Start);
        Assert.Equal(new DateTimeOffset(2025, 10, 15, 19, 0, 0, Jst), e.Sessions[1].End);
        Assert.Equal(SessionKind.Pitch, e.Sessions[1].Kind);
        Assert.Equal(["test-co"], e.Sessions[1].Companies);
        Assert.True(e.Sessions[0].Registration);
        Assert.Equal("本文です。\n", e.Body);
    }

    [Theory]
    [InlineData("2025-10-15T18:00", "2025-10-15T18:00:00+09:00")]
    [InlineData("2025-10-15 18:00", "2025-10-15T18:00:00+09:00")]
    [InlineData("2025-10-15T18:00:30", "2025-10-15T18:00:30+09:00")]
    [InlineData("2025-10-15", "2025-10-15T00:00:00+09:00")]
    [InlineData("2025-10-15T09:00:00Z", "2025-10-15T09:00:00+00:00")]
    [InlineData("2025-10-15T18:00+09:00", "2025-10-15T18:00:00+09:00")]
    [InlineData("2025-10-15T10:00:00+01:00", "2025-10-15T10:00:00+01:00")]
    public void Date_times_without_an_offset_are_japan_time(string written, string expected)
    {
        Assert.True(StartupHub.Site.Loading.Jst.TryParseDateTime(written, out var value));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset, value.Offset);
    }

    [Theory]
    [InlineData("18:00", 18, 0)]
    [InlineData("9:05", 9, 5)]
    [InlineData("00:00", 0, 0)]
    [InlineData("23:59", 23, 59)]
    public void Session_times_are_hh_mm(string written, int hour, int minute)
    {
        Assert.True(StartupHub.Site.Loading.Jst.TryParseTime(written, out var value));
        Assert.Equal(new TimeOnly(hour, minute), value);
    }

    [Theory]
    [InlineData("24:00")]
    [InlineData("18:60")]
    [InlineData("1800")]
    [InlineData("18:00:00")]
    [InlineData("午後6時")]
    public void Other_time_forms_are_refused(string written) =>
        Assert.False(StartupHub.Site.Loading.Jst.TryParseTime(written, out _));

    [Fact]
    public void Unquoted_session_times_are_read_as_times_too()
    {
        var (content, diagnostics) = TempSite.LoadWith("events/e.md", TempSite.EventMd.Replace("start: \"18:00\"", "start: 18:00", StringComparison.Ordinal));

        Assert.Empty(diagnostics);
        Assert.Equal(new DateTimeOffset(2025, 10, 15, 18, 0, 0, Jst), content!.Events[0].Sessions[0].Start);
    }

    [Fact]
    public void A_session_of_an_event_given_with_another_offset_still_falls_on_the_japan_day()
    {
        // 2025-10-14T15:00Z is 2025-10-15 00:00 in Japan: the session's HH:mm belongs to the 15th.
        var text = TempSite.EventMd
            .Replace("start: 2025-10-15T18:00", "start: 2025-10-14T15:00:00Z", StringComparison.Ordinal)
            .Replace("opens: 2025-09-15T10:00", "opens: 2025-09-01T10:00", StringComparison.Ordinal);
        var (content, _) = TempSite.LoadWith("events/e.md", text);

        Assert.Equal(new DateTimeOffset(2025, 10, 15, 18, 0, 0, Jst), content!.Events[0].Sessions[0].Start);
    }

    [Fact]
    public void Optional_values_take_their_documented_defaults()
    {
        using var site = new TempSite();
        var (content, _) = site.Load();

        var settings = content!.Settings;
        Assert.Equal("ja", settings.Language);
        Assert.Equal(FormsMode.Open, settings.Forms);
        Assert.Equal("/api/", settings.ApiBase);
        Assert.Equal(new Uri("https://test.example.jp/"), settings.BaseUrl);
        var e = content.Events[0];
        Assert.Equal(EventStatus.Scheduled, e.Status);
        Assert.False(e.Publishing.Draft);
        Assert.False(e.Sessions[0].LightMeal);
        var video = Assert.Single(content.Videos);
        Assert.Equal(new DateOnly(2025, 10, 15), video.Date);
        Assert.Equal("", video.Body);
        Assert.Equal([PersonRole.Speaker, PersonRole.Mentor], content.People[0].Roles);
    }

    [Fact]
    public void Kebab_case_enum_values_and_durations_are_read()
    {
        using var site = new TempSite();
        site.With("supporters/s.md", "---\nname: 支援センター\nkind: support-org\nmenus:\n  - { title: 創業相談, target: 創業予定者 }\n---\n")
            .With("videos/v.yml", TempSite.VideoYml + "duration: \"01:02:03\"\n");
        var (content, diagnostics) = site.Load();

        Assert.Empty(diagnostics);
        Assert.Equal(SupporterKind.SupportOrg, content!.Supporters[0].Kind);
        Assert.Equal(new SupportMenu("創業相談", "創業予定者", null, null), content.Supporters[0].Menus[0]);
        Assert.Equal(new TimeSpan(1, 2, 3), content.Videos[0].Duration);
    }

    [Fact]
    public void A_form_purpose_version_keeps_the_text_as_written()
    {
        using var site = new TempSite();
        var (content, _) = site.Load();

        Assert.Equal("2025-08-01", content!.Forms[0].PurposeVersion);
        Assert.Equal(FormKind.EventRegistration, content.Forms[0].Kind);
        Assert.Equal("利用目的。\n", content.Forms[0].Body);
    }

    [Fact]
    public void Without_site_yml_there_is_no_content_and_one_diagnostic()
    {
        var (content, diagnostics) = TempSite.LoadWith("site.yml", null);

        Assert.Null(content);
        var d = Assert.Single(diagnostics);
        Assert.Equal("content/site.yml:1:1: error SH0004: ファイルを読めません（ファイルがありません）。", d.ToString());
    }
}
