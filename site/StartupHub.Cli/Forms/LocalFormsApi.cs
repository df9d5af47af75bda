using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using StartupHub.Forms;
using StartupHub.Forms.Notifications;
using StartupHub.Site.Build;

namespace StartupHub.Cli.Forms;

/// <summary>
/// Hosts the same forms API as the Azure Functions app inside <c>serve</c>, so the site's forms work locally
/// with one command. Defaults: the manifest of the build being served and a local folder store under
/// <c>.data/forms</c>; environment variables (<c>Forms__Storage__ConnectionString</c>, ...) still override them,
/// e.g. to run against Azurite.
/// </summary>
internal static class LocalFormsApi
{
    public static void AddServices(WebApplicationBuilder builder, BuildOptions build)
    {
        // Inserted first so every other configuration source (environment variables, appsettings) wins.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Forms:ManifestPath"] = Path.Combine(build.OutputDirectory, "forms-manifest.json"),
                ["Forms:Storage:LocalPath"] = Path.Combine(build.RootDirectory, ".data", "forms"),
                // Without Forms:Mail:Smtp:Host, confirmation mails are written here as .eml files (docs/notifications.md).
                ["Forms:Mail:PickupPath"] = Path.Combine(build.RootDirectory, ".data", "mail"),
            },
        });
        // The API decides registration windows with the same clock the pages were built with (serve --now).
        builder.Services.AddSingleton(build.Clock);
        builder.Services.AddStartupHubForms(builder.Configuration);
        // No timer trigger here: a background service sends due mails (retries, mails queued while stopped).
        builder.Services.AddStartupHubOutboxDrain();
    }

    public static void Map(WebApplication app) => app.MapStartupHubForms();
}
