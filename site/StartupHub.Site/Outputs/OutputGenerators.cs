using StartupHub.Site.Admin;
using StartupHub.Site.Build;
using StartupHub.Site.Hosting;
using StartupHub.Site.Outputs.Calendar;
using StartupHub.Site.Outputs.Feed;
using StartupHub.Site.Outputs.FormsManifest;
using StartupHub.Site.Outputs.Robots;
using StartupHub.Site.Outputs.Sitemap;

namespace StartupHub.Site.Outputs;

/// <summary>
/// The non-page outputs, in the order the build runs them. Each generator is stateless, so one list
/// serves every build (the benchmark's rebuilds included). The Pagefind index is not here: it runs on
/// the written folder, after the write phase (<see cref="Search.PagefindIndexer"/>).
/// </summary>
public static class OutputGenerators
{
    public static IReadOnlyList<IOutputGenerator> All { get; } = Create();

    public static IReadOnlyList<IOutputGenerator> Create() =>
    [
        new SitemapGenerator(),
        new AtomFeedGenerator(),
        new EventCalendarGenerator(),
        new RobotsGenerator(),
        new FormsManifestGenerator(),
        new AdminOutput(),
        new HostingConfigOutput(),
    ];
}
