using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using StartupHub.Forms;
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
            },
        });
        // The API decides registration windows with the same clock the pages were built with (serve --now).
        builder.Services.AddSingleton(build.Clock);
        builder.Services.AddStartupHubForms(builder.Configuration);
    }

    public static void Map(WebApplication app) => app.MapStartupHubForms();
}
