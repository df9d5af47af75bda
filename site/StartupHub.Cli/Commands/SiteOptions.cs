using StartupHub.Cli.Arguments;
using StartupHub.Site.Build;

namespace StartupHub.Cli.Commands;

/// <summary>The options build, check and serve share, turned into <see cref="BuildOptions"/>.</summary>
internal static class SiteOptions
{
    public static readonly string[] Valued = ["root", "base-url", "now", "theme"];
    public static readonly string[] Flags = ["drafts"];

    public static BuildOptions From(CommandLine line, string defaultOut)
    {
        var root = OptionValues.Directory(line, "root", ".");
        if (!Directory.Exists(Path.Combine(root, "content")))
        {
            throw new UsageException($"--root に指定したフォルダ「{root}」に content/ がありません。リポジトリのルートを指定してください。");
        }

        var now = OptionValues.Time(line, "now");
        return new BuildOptions
        {
            RootDirectory = root,
            OutputDirectory = Path.GetFullPath(line.Value("out") ?? Path.Combine(root, defaultOut)),
            ThemeName = line.Value("theme") ?? "default",
            BaseUrl = OptionValues.AbsoluteUrl(line, "base-url"),
            IncludeDrafts = line.Flag("drafts"),
            Preview = line.Flag("preview"),
            SearchIndex = !line.Flag("no-search"),
            Clock = now is { } fixedNow ? new FixedClock(fixedNow) : TimeProvider.System,
        };
    }

    public static HashSet<string> Set(params IEnumerable<string>[] groups) => [.. groups.SelectMany(g => g)];
}
