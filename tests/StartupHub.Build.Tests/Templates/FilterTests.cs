namespace StartupHub.Build.Tests.Templates;

public sealed class FilterTests
{
    [Theory]
    [InlineData("{{ \"2025-10-15T18:00:00+09:00\" | date_ja }}", "2025年10月15日(水)")]
    [InlineData("{{ \"2025-01-05T09:30:00+09:00\" | date_ja }}", "2025年1月5日(日)")]
    [InlineData("{{ \"2025-10-15T18:00:00+09:00\" | time_ja }}", "18:00")]
    [InlineData("{{ \"2025-10-15T09:05:00+09:00\" | time_ja }}", "9:05")]
    [InlineData("{{ \"2025-10-15T18:00:00+09:00\" | datetime_ja }}", "2025年10月15日(水) 18:00")]
    [InlineData("{{ \"2025-10-15T18:00:00+09:00\" | wareki }}", "令和7年10月15日")]
    [InlineData("{{ \"2019-05-01T00:00:00+09:00\" | wareki }}", "令和元年5月1日")]
    [InlineData("{{ \"2019-04-30T12:00:00+09:00\" | wareki }}", "平成31年4月30日")]
    [InlineData("{{ \"2025-10-15T18:00:00+09:00\" | iso8601 }}", "2025-10-15T18:00:00+09:00")]
    // Times in UTC are shown in JST: 15:30Z on the 14th is 0:30 on the 15th in Japan.
    [InlineData("{{ \"2025-10-14T15:30:00Z\" | datetime_ja }}", "2025年10月15日(水) 0:30")]
    [InlineData("{{ \"2025-10-14T15:30:00Z\" | iso8601 }}", "2025-10-15T00:30:00+09:00")]
    [InlineData("{{ page.start | date_ja }}", "2025年10月15日(水)")]
    [InlineData("{{ page.missing | date_ja }}", "")]
    [InlineData("{{ \"**強調**\" | markdownify }}", "<p><strong>強調</strong></p>")]
    [InlineData("{{ \"<b>x</b>\" | markdownify }}", "<p>&lt;b&gt;x&lt;/b&gt;</p>")]
    [InlineData("{{ assets[\"css/site.css\"] }}", "/assets/css/site.0123abcd.css")]
    [InlineData("{{ page.title | size }}", "4")]
    public void Filters_render_japanese_dates_in_jst(string template, string expected)
    {
        using var harness = new TemplateHarness(template);
        Assert.Equal(expected, harness.RenderOk());
    }

    [Theory]
    [InlineData("https://example.jp/", "{{ \"/events/\" | url }}", "/events/")]
    [InlineData("https://example.jp/hub/", "{{ \"/events/\" | url }}", "/hub/events/")]
    [InlineData("https://example.jp/hub/", "{{ \"events/x/\" | url }}", "/hub/events/x/")]
    [InlineData("https://example.jp/hub/", "{{ \"https://other.example/\" | url }}", "https://other.example/")]
    [InlineData("https://example.jp/hub/", "{{ \"mailto:info@example.jp\" | url }}", "mailto:info@example.jp")]
    [InlineData("https://example.jp/hub/", "{{ \"#main\" | url }}", "#main")]
    [InlineData("https://example.jp/", "{{ \"/events/\" | absolute_url }}", "https://example.jp/events/")]
    [InlineData("https://example.jp:8443/hub/", "{{ \"/feed.xml\" | absolute_url }}", "https://example.jp:8443/hub/feed.xml")]
    public void Url_filters_respect_the_base_path(string baseUrl, string template, string expected)
    {
        using var harness = new TemplateHarness(template);
        Assert.Equal(expected, harness.RenderOk(baseUrl));
    }
}
