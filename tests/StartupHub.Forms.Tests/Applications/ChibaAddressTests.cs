using StartupHub.Forms.Applications;

namespace StartupHub.Forms.Tests.Applications;

public sealed class ChibaAddressTests
{
    [Fact]
    public void Chiba_has_54_municipalities_37_cities_16_towns_and_1_village()
    {
        Assert.Equal(37, ChibaAddress.Cities.Distinct().Count());
        Assert.Equal(16, ChibaAddress.TownsAndVillages.Count(t => t.Name.EndsWith('町')));
        Assert.Equal(1, ChibaAddress.TownsAndVillages.Count(t => t.Name.EndsWith('村')));
        Assert.Equal(54, ChibaAddress.Cities.Count + ChibaAddress.TownsAndVillages.Count);
    }

    [Theory]
    [InlineData("千葉県千葉市中央区中央1-1-1")]
    [InlineData("千葉県 木更津市 潮見1-1")]
    [InlineData("千葉市美浜区中瀬2-6-1")]
    [InlineData("柏市柏の葉1-1")]
    [InlineData("鎌ヶ谷市新鎌ケ谷1-1")]
    [InlineData("袖ヶ浦市坂戸市場1-1")]
    [InlineData("いすみ市大原1")]
    [InlineData("印旛郡栄町安食1")]
    [InlineData("長生村本郷1")]
    [InlineData("〒260-0013 中央区中央4-5-1")]
    [InlineData("〒２９２－０８３５ 潮見1-1")]
    [InlineData("2990101 姉崎1")]
    public void Addresses_in_chiba_are_accepted(string address) => Assert.True(ChibaAddress.IsInChiba(address));

    [Theory]
    [InlineData("東京都千代田区丸の内1-1")]
    [InlineData("〒100-0005 千代田区丸の内1-1")]
    [InlineData("〒260-0013 東京都千代田区1-1")]
    [InlineData("旭川市1条通1")]
    [InlineData("市川三郷町1")]
    [InlineData("柏崎市日石町1")]
    [InlineData("大阪府大阪市北区1")]
    [InlineData("茨城県つくば市1")]
    [InlineData("")]
    [InlineData("千葉")]
    public void Addresses_elsewhere_are_not(string address) => Assert.False(ChibaAddress.IsInChiba(address));
}
