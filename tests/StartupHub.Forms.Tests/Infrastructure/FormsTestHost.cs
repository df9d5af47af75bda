using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StartupHub.Forms.Storage;

namespace StartupHub.Forms.Tests.Infrastructure;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with a random port, hosting the forms API exactly the way the local
/// `serve` command does: AddStartupHubForms + MapStartupHubForms.
/// </summary>
public sealed class FormsTestHost : IAsyncDisposable
{
    public const string Secret = "test-secret-test-secret-test-secret-0123456789";

    public const string TestEncryptionKey = "dGVzdC1rZXktdGVzdC1rZXktdGVzdC1rZXktMDEyMzQ=";

    private readonly WebApplication _app;

    private FormsTestHost(WebApplication app, Uri address)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = address };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<FormsTestHost> StartAsync(
        string manifestPath,
        string dataFolder,
        Dictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        Dictionary<string, string?> config = new()
        {
            ["Forms:ManifestPath"] = manifestPath,
            ["Forms:Storage:LocalPath"] = dataFolder,
            ["Forms:HmacSecret"] = Secret,
            // A fixed key-encryption key, so hosts on Azurite (which require configured keys) start like production.
            ["Forms:Encryption:Keys:test-1"] = TestEncryptionKey,
            ["Forms:MinimumFillSeconds"] = "0",
            ["Forms:RateLimit:PermitsPerMinute"] = "100000",
            ["Forms:RateLimit:Burst"] = "100000",
        };
        foreach ((string key, string? value) in settings ?? [])
        {
            config[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        services?.Invoke(builder.Services);
        builder.Services.AddStartupHubForms(builder.Configuration);
        WebApplication app = builder.Build();
        app.MapStartupHubForms();
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new FormsTestHost(app, new Uri(address));
    }

    public async Task<string> FormTokenAsync(string formId = "event-registration")
    {
        using HttpResponseMessage response = await Client.GetAsync($"/api/forms/{formId}/token");
        response.EnsureSuccessStatusCode();
        using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("token").GetString()!;
    }

    public static object Body(string email, string token, string[]? sessions = null, string? honeypot = null) => new
    {
        sessions = sessions ?? ["talk"],
        name = "千葉 花子",
        furigana = "ちば はなこ",
        email,
        organization = "株式会社テスト",
        organization_type = "startup",
        job_title = "代表取締役",
        referral = "ウェブサイト",
        comment = "楽しみにしています。",
        consent = new { agreed = true, purpose_version = "2025-08-01" },
        form_token = token,
        website = honeypot,
    };

    public Task<HttpResponseMessage> PostJsonAsync(string path, object body, string? idempotencyKey = null)
    {
        HttpRequestMessage request = new(HttpMethod.Post, path)
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return Client.SendAsync(request);
    }

    public async Task<JsonElement> RegisterAsync(string eventId, string email, string[]? sessions = null)
    {
        using HttpResponseMessage response = await PostJsonAsync($"/api/events/{eventId}/registrations", Body(email, await FormTokenAsync(), sessions));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public IFormStore Store => _app.Services.GetRequiredService<IFormStore>();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
