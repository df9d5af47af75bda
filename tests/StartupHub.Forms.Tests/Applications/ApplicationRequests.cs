using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace StartupHub.Forms.Tests.Applications;

/// <summary>Bodies for the submissions endpoint in the three encodings browsers and scripts use.</summary>
public static class ApplicationRequests
{
    public const string OipEmail = "oip-contact@example.jp";
    public const string OipPhone = "043-555-0101";
    public const string OipCompany = "株式会社ユニークテスト工業";

    public static Dictionary<string, string> Oip(string? token, string headOffice = "千葉県千葉市中央区中央1-1-1") => new()
    {
        ["company_name"] = OipCompany,
        ["representative_name"] = "房総 太郎",
        ["head_office_address"] = headOffice,
        ["company_url"] = "https://example.jp/",
        ["founded_year"] = "2019",
        ["employees"] = "12",
        ["industry"] = "ソフトウェア",
        ["seeds"] = "画像解析の技術",
        ["collaboration_sought"] = "実証フィールドの提供",
        ["goals"] = "PoCの完了",
        ["contact_name"] = "房総 花子",
        ["contact_kana"] = "ぼうそう はなこ",
        ["contact_title"] = "事業開発部長",
        ["contact_email"] = OipEmail,
        ["contact_phone"] = OipPhone,
        ["consent"] = "on",
        ["purpose_version"] = "2025-08-01",
        ["form_token"] = token ?? "",
        ["website"] = "",
    };

    public static Dictionary<string, string> Mentee(string? token) => new()
    {
        ["company_name"] = "屋号テスト",
        ["contact_name"] = "印旛 次郎",
        ["contact_kana"] = "いんば じろう",
        ["email"] = "mentee-person@example.jp",
        ["phone"] = "090-1234-5678",
        ["stage"] = "seed",
        ["growth_intent"] = "ipo",
        ["business_summary"] = "農業向けのSaaS",
        ["advice_wanted"] = "資金調達",
        ["preferred_venue"] = "kisarazu",
        ["consent"] = "true",
        ["purpose_version"] = "2025-10-01",
        ["form_token"] = token ?? "",
    };

    public static Dictionary<string, string> Inquiry(string? token, string companyId = "kazusa-aqua") => new()
    {
        ["company_id"] = companyId,
        ["name"] = "香取 三郎",
        ["kana"] = "かとり さぶろう",
        ["email"] = "inquiry-person@example.jp",
        ["phone"] = "0478-55-0000",
        ["organization"] = "香取ファンド株式会社",
        ["organization_type"] = "vc",
        ["proposal"] = "出資の相談",
        ["consent"] = "on",
        ["purpose_version"] = "2025-08-01",
        ["form_token"] = token ?? "",
    };

    public static MultipartFormDataContent Multipart(Dictionary<string, string> fields, byte[]? pdf, string fileName = "deck.pdf")
    {
        MultipartFormDataContent content = [];
        foreach ((string name, string value) in fields)
        {
            content.Add(new StringContent(value, Encoding.UTF8), name);
        }

        if (pdf is not null)
        {
            ByteArrayContent file = new(pdf);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(file, "pitch_deck", fileName);
        }

        return content;
    }

    public static FormUrlEncodedContent UrlEncoded(IEnumerable<KeyValuePair<string, string>> fields) => new(fields);

    public static StringContent Json(Dictionary<string, string> fields) =>
        new(JsonSerializer.Serialize(fields), Encoding.UTF8, "application/json");

    /// <summary>A POST as the JS-enhanced page sends it (Accept: application/json) or as a plain HTML form does.</summary>
    public static HttpRequestMessage Post(string path, HttpContent content, bool acceptJson)
    {
        HttpRequestMessage request = new(HttpMethod.Post, path) { Content = content };
        if (acceptJson)
        {
            request.Headers.Accept.ParseAdd("application/json");
        }
        else
        {
            request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");
        }

        return request;
    }
}
