using System.Text;

namespace StartupHub.Forms.Applications;

/// <summary>
/// Decides whether an address (as people type it in a Japanese form) is in 千葉県. Accepted: an address
/// that starts with 千葉県; one that leaves the prefecture out and starts with one of Chiba's 54
/// municipalities (37 市, 16 町, 1 村 — optionally preceded by its 郡); or one that starts with a postal code
/// 260-0000 to 299-9999 (Chiba's range). An address that names another prefecture is never in Chiba,
/// whatever its postal code says.
/// </summary>
public static class ChibaAddress
{
    public const string Prefecture = "千葉県";

    /// <summary>Chiba's 37 cities.</summary>
    public static readonly IReadOnlyList<string> Cities =
    [
        "千葉市", "銚子市", "市川市", "船橋市", "館山市", "木更津市", "松戸市", "野田市", "茂原市", "成田市",
        "佐倉市", "東金市", "旭市", "習志野市", "柏市", "勝浦市", "市原市", "流山市", "八千代市", "我孫子市",
        "鴨川市", "鎌ケ谷市", "君津市", "富津市", "浦安市", "四街道市", "袖ケ浦市", "八街市", "印西市", "白井市",
        "富里市", "南房総市", "匝瑳市", "香取市", "山武市", "いすみ市", "大網白里市",
    ];

    /// <summary>Chiba's 16 towns and 1 village, with the 郡 each belongs to.</summary>
    public static readonly IReadOnlyList<(string District, string Name)> TownsAndVillages =
    [
        ("印旛郡", "酒々井町"), ("印旛郡", "栄町"),
        ("香取郡", "神崎町"), ("香取郡", "多古町"), ("香取郡", "東庄町"),
        ("山武郡", "九十九里町"), ("山武郡", "芝山町"), ("山武郡", "横芝光町"),
        ("長生郡", "一宮町"), ("長生郡", "睦沢町"), ("長生郡", "長生村"), ("長生郡", "白子町"), ("長生郡", "長柄町"), ("長生郡", "長南町"),
        ("夷隅郡", "大多喜町"), ("夷隅郡", "御宿町"),
        ("安房郡", "鋸南町"),
    ];

    private static readonly string[] OtherPrefectures =
    [
        "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県", "埼玉県",
        "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県", "愛知県",
        "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県",
        "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県",
        "鹿児島県", "沖縄県",
    ];

    public static bool IsInChiba(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return false;
        }

        string text = Canonical(address);
        int? postal = LeadingPostalPrefix(ref text);
        if (text.StartsWith(Prefecture, StringComparison.Ordinal))
        {
            return true;
        }

        if (OtherPrefectures.Any(p => text.StartsWith(p, StringComparison.Ordinal)))
        {
            return false;
        }

        if (StartsWithMunicipality(text))
        {
            return true;
        }

        return postal is >= 260 and <= 299;
    }

    private static bool StartsWithMunicipality(string text)
    {
        if (Cities.Any(c => text.StartsWith(c, StringComparison.Ordinal)))
        {
            return true;
        }

        foreach ((string district, string name) in TownsAndVillages)
        {
            if (text.StartsWith(name, StringComparison.Ordinal) || text.StartsWith(district + name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>NFKC (full-width digits and hyphens become ASCII), no spaces, and ヶ written as ケ (鎌ヶ谷市 = 鎌ケ谷市).</summary>
    private static string Canonical(string address)
    {
        string normalized;
        try
        {
            normalized = address.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            normalized = address;
        }

        StringBuilder builder = new(normalized.Length);
        foreach (char c in normalized)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            builder.Append(c switch
            {
                'ヶ' or 'ヵ' or 'ｹ' => 'ケ',
                '−' or '‐' or '－' or 'ー' or '―' => '-',
                _ => c,
            });
        }

        return builder.ToString();
    }

    /// <summary>Strips a leading "〒123-4567" / "123-4567" / "1234567" and returns its first three digits.</summary>
    private static int? LeadingPostalPrefix(ref string text)
    {
        int at = 0;
        if (text.StartsWith('〒'))
        {
            at = 1;
        }

        ReadOnlySpan<char> rest = text.AsSpan(at);
        int length;
        if (rest.Length >= 8 && IsDigits(rest[..3]) && rest[3] == '-' && IsDigits(rest.Slice(4, 4)) && (rest.Length == 8 || !char.IsAsciiDigit(rest[8])))
        {
            length = 8;
        }
        else if (rest.Length >= 7 && IsDigits(rest[..7]) && (rest.Length == 7 || !char.IsAsciiDigit(rest[7])))
        {
            length = 7;
        }
        else
        {
            return null;
        }

        int prefix = (rest[0] - '0') * 100 + (rest[1] - '0') * 10 + (rest[2] - '0');
        text = text[(at + length)..];
        return prefix;
    }

    private static bool IsDigits(ReadOnlySpan<char> span)
    {
        foreach (char c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
