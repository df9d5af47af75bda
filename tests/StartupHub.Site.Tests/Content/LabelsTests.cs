using StartupHub.Site.Content;
using StartupHub.Site.Loading;

namespace StartupHub.Site.Tests.Content;

public class LabelsTests
{
    [Fact]
    public void Every_enum_value_the_theme_shows_has_its_japanese_label()
    {
        Assert.Equal(["著名起業家参加会", "通常会", "支援機関向けセミナー", "地域開催"], Enum.GetValues<EventSeries>().Select(Labels.Of));
        Assert.Equal(["千葉市", "柏市", "木更津市"], Enum.GetValues<City>().Select(Labels.Of));
        Assert.Equal(["セミナー・講演会", "メンタリング", "交流会", "ピッチ会", "情報交換会"], Enum.GetValues<SessionKind>().Select(Labels.Of));
        Assert.Equal(["受付前", "受付中", "受付終了", "終了", "中止", "延期"], Enum.GetValues<EventState>().Select(Labels.Of));
        Assert.Equal(["開催予定", "中止", "延期"], Enum.GetValues<EventStatus>().Select(Labels.Of));
        Assert.Equal(["著名起業家", "メンター", "アクセラレーター"], Enum.GetValues<PersonRole>().Select(Labels.Of));
        Assert.Equal(["採択", "連携先募集中", "マッチング成立", "支援完了"], Enum.GetValues<CompanyStatus>().Select(Labels.Of));
        Assert.Equal(["自治体", "産業支援機関", "金融機関", "大学・研究機関", "ベンチャーキャピタル", "その他"], Enum.GetValues<SupporterKind>().Select(Labels.Of));
        Assert.Equal(5, Enum.GetValues<FormKind>().Select(Labels.Of).Distinct().Count());
        Assert.Equal(["メンター", "アクセラレーター"], Labels.Of([PersonRole.Mentor, PersonRole.Accelerator]));
    }

    [Theory]
    [InlineData(EventSeries.SupportOrg, "support-org")]
    [InlineData(EventSeries.Notable, "notable")]
    public void Enum_values_are_kebab_case_in_yaml(EventSeries series, string yaml)
    {
        Assert.Equal(yaml, KebabCase.Of(series));
        Assert.True(KebabCase.TryParse<EventSeries>(yaml, out var parsed));
        Assert.Equal(series, parsed);
        Assert.False(KebabCase.TryParse<EventSeries>(series.ToString(), out _));
    }

    [Fact]
    public void Info_exchange_is_written_with_a_hyphen()
    {
        Assert.True(KebabCase.TryParse<SessionKind>("info-exchange", out var kind));
        Assert.Equal(SessionKind.InfoExchange, kind);
    }
}
