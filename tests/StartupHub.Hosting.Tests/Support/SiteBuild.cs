using StartupHub.Site.Admin;
using StartupHub.Site.Build;
using StartupHub.Site.Hosting;
using StartupHub.Site.Outputs;

namespace StartupHub.Hosting.Tests.Support;

/// <summary>Builds a site with the engine's outputs plus this (admin, hosting config), failing loudly on any error.</summary>
public static class SiteBuild
{
    public static readonly AdminSettings Admin = new()
    {
        Repository = "chiba-pref/startuphub",
        DecapDistDirectory = RepositoryRoot.Combine("node_modules", "decap-cms", "dist"),
    };

    public static IReadOnlyList<IOutputGenerator> Generators(AdminSettings? admin = null) =>
        [.. OutputGenerators.Create(), new AdminOutput(admin ?? Admin), new HostingConfigOutput()];

    public static BuildResult Run(string root, string output, bool preview = false)
    {
        var options = new BuildOptions
        {
            RootDirectory = root,
            OutputDirectory = output,
            SearchIndex = false,
            Preview = preview,
            Clock = new FixedClock(FixedClock.ProgramYear),
        };
        var result = new SiteBuilder(Generators()).Build(options);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The site did not build:\n" + string.Join("\n", result.Diagnostics));
        }

        return result;
    }
}
