using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using StartupHub.Forms.Applications;
using StartupHub.Forms.Audit;
using StartupHub.Forms.Tests.Infrastructure;

namespace StartupHub.Forms.Tests.Staff;

/// <summary>
/// A host with an event of one seat ("tiny"), three people registered through the public endpoint (one
/// confirmed, two waitlisted, with text that must be neutralised in exports) and one OIP application with a
/// PDF stored through the submission store. Shared by the local-store and Azurite test classes.
/// </summary>
public sealed class StaffApiScenario : IAsyncDisposable
{
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    private readonly TempFolder _folder;

    private StaffApiScenario(TempFolder folder, FormsTestHost host, RecordingAuditLog audit)
    {
        _folder = folder;
        Host = host;
        Audit = audit;
    }

    public FormsTestHost Host { get; }

    public RecordingAuditLog Audit { get; }

    public List<JsonElement> Registrations { get; } = [];

    public SubmissionRecord Application { get; private set; } = null!;

    public static async Task<StaffApiScenario> StartAsync(Dictionary<string, string?>? settings = null)
    {
        RecordingAuditLog audit = new();
        TempFolder folder = new();
        FormsTestHost host = await FormsTestHost.StartAsync(
            TestEvents.WriteManifest(folder.Path, true, TestEvents.Open("tiny", capacity: 1)),
            Path.Combine(folder.Path, "data"), settings, services => services.AddSingleton<IAuditLog>(audit));
        StaffApiScenario scenario = new(folder, host, audit);
        await scenario.SeedAsync();
        return scenario;
    }

    private async Task SeedAsync()
    {
        Registrations.Add(await RegisterAsync("髙橋 﨑子", "たかはし さきこ", "Takahashi@Example.jp", "千葉県・髙橋商店", "=1+1", "＋81", "@here"));
        Registrations.Add(await RegisterAsync("山田 太郎", "やまだ たろう", "yamada@example.jp", "ﾁﾊﾞ商事", "普通の質問です。", "部長", "友人"));
        Registrations.Add(await RegisterAsync("-鈴木 一郎", "すずき いちろう", "suzuki@example.jp", "株式会社\"引用\",カンマ", " =SUM(A1)", "課長", "ウェブ"));

        SubmissionStore store = Host.Services.GetRequiredService<SubmissionStore>();
        ApplicationForm oip = ApplicationForms.Find(ApplicationForms.OipApplication)!;
        ValidSubmission submission = new(
            [
                new SubmissionField("company_name", "企業名", "株式会社千葉テック"),
                new SubmissionField("contact_name", "担当者名", "佐藤 花子"),
                new SubmissionField("contact_kana", "担当者名（ふりがな）", "さとう はなこ"),
                new SubmissionField("seeds", "技術シーズ・サービス", "@AI 画像解析"),
            ],
            "佐藤 花子", "sato@example.jp", null, "2025-08-01");
        Application = await store.CreateAsync(oip, submission, [new NewAttachment("事業計画書 2025.pdf", "application/pdf", Pdf)], CancellationToken.None);
    }

    private async Task<JsonElement> RegisterAsync(string name, string kana, string email, string organization, string comment, string jobTitle, string referral)
    {
        JsonObject body = new()
        {
            ["sessions"] = new JsonArray("main"),
            ["name"] = name,
            ["furigana"] = kana,
            ["email"] = email,
            ["organization"] = organization,
            ["organization_type"] = "startup",
            ["job_title"] = jobTitle,
            ["referral"] = referral,
            ["comment"] = comment,
            ["consent"] = new JsonObject { ["agreed"] = true, ["purpose_version"] = "2025-08-01" },
            ["form_token"] = await Host.FormTokenAsync(),
        };
        using HttpResponseMessage response = await Host.PostJsonAsync("/api/events/tiny/registrations", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? principal = null) => SendAsync(HttpMethod.Get, path, principal ?? StaffTestSupport.StaffPrincipalHeader);

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? principal, HttpContent? content = null)
    {
        HttpRequestMessage request = new(method, path) { Content = content };
        if (principal is not null)
        {
            request.Headers.Add("x-ms-client-principal", principal);
        }

        return Host.Client.SendAsync(request);
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using HttpResponseMessage response = await GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<(byte[] Body, HttpResponseMessage Response)> DownloadAsync(string path)
    {
        HttpResponseMessage response = await GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.StartsWith("attachment;", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        return (await response.Content.ReadAsByteArrayAsync(), response);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        _folder.Dispose();
    }
}
