using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StartupHub.Forms;

namespace StartupHub.LoadTest;

/// <summary>The same hosting the local `serve` command uses (AddStartupHubForms + MapStartupHubForms), on loopback.</summary>
internal static class LoadHost
{
    /// <summary>When each request reached the app and how long the app took (Kestrel and the client excluded).</summary>
    public static readonly System.Collections.Concurrent.ConcurrentBag<(long Started, double Milliseconds)> ServerTimes = [];

    public static async Task<(WebApplication App, Uri Address)> StartAsync(string manifestPath, string connectionString, string container, TimedFormStore store)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Forms:ManifestPath"] = manifestPath,
            ["Forms:Storage:ConnectionString"] = connectionString,
            ["Forms:Storage:Container"] = container,
            ["Forms:HmacSecret"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
            ["Forms:Encryption:Keys:load-1"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            // All load comes from one loopback address (127.0.0.1), so the per-client token bucket would
            // throttle the whole test as one visitor: the load test raises it far out of the way. Production
            // keeps the defaults (30/min, burst 10) per real client. The generator also waits no fill time.
            ["Forms:MinimumFillSeconds"] = "0",
            ["Forms:RateLimit:PermitsPerMinute"] = "10000000",
            ["Forms:RateLimit:Burst"] = "10000000",
        });
        // Registered before AddStartupHubForms (which uses TryAdd): the real Azure store, timed and counted.
        builder.Services.AddSingleton<StartupHub.Forms.Storage.IFormStore>(store);
        builder.Services.AddStartupHubForms(builder.Configuration);
        WebApplication app = builder.Build();
        // Times each request inside the host, so the report can tell the app's latency from the HTTP stack's.
        app.Use(async (context, next) =>
        {
            long started = System.Diagnostics.Stopwatch.GetTimestamp();
            await next(context);
            ServerTimes.Add((started, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        });
        app.MapStartupHubForms();
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address));
    }
}
