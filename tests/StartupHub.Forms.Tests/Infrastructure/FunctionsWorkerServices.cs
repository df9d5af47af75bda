using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StartupHub.Functions;

namespace StartupHub.Forms.Tests.Infrastructure;

/// <summary>
/// The services the Functions worker builds (Program.cs: AddStartupHubForms + FunctionsDefaults) over a local
/// store in a temp folder, for tests that call the triggers the way the worker does.
/// </summary>
public static class FunctionsWorkerServices
{
    /// <param name="before">Registrations that must win over AddStartupHubForms' TryAdd defaults (a clock, an audit log).</param>
    public static ServiceProvider Build(string folder, Action<IServiceCollection>? before = null)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Forms:ManifestPath"] = TestEvents.WriteManifest(folder),
            ["Forms:Storage:LocalPath"] = Path.Combine(folder, "data"),
            ["Forms:HmacSecret"] = FormsTestHost.Secret,
            ["Forms:MinimumFillSeconds"] = "0",
        }).Build();
        ServiceCollection services = new();
        services.AddLogging();
        before?.Invoke(services);
        services.AddStartupHubForms(configuration);
        services.PostConfigure<FormsOptions>(FunctionsDefaults.Apply);
        return services.BuildServiceProvider();
    }

    /// <summary>The JSON a trigger wrote to the request's response (tests give it a MemoryStream body).</summary>
    public static JsonElement ResponseJson(HttpRequest request)
    {
        request.HttpContext.Response.Body.Position = 0;
        return JsonDocument.Parse(request.HttpContext.Response.Body).RootElement.Clone();
    }
}
