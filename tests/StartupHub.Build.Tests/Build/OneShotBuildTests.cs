using System.Security.Cryptography;
using StartupHub.Build.Tests.Support;
using StartupHub.Site.Build;

namespace StartupHub.Build.Tests.Build;

/// <summary>`startuphub build`'s builder keeps nothing for a rebuild: it must write exactly what the dev server's builder writes.</summary>
public sealed class OneShotBuildTests
{
    [Fact]
    public void A_builder_that_keeps_no_state_writes_the_same_site_and_builds_again_in_full()
    {
        using var site = TempSite.Create();
        site.BuildOk(new SiteBuilder());
        var expected = Files(site.Output);

        var oneShot = new SiteBuilder { KeepsStateForRebuilds = false };
        var other = site.Options() with { OutputDirectory = Path.Combine(site.Root, "one-shot") };
        var first = oneShot.Build(other);
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        Assert.Equal(expected, Files(other.OutputDirectory));

        // With nothing kept, an edit is picked up by a full build (a builder keeping state would rebuild in place).
        site.Write("content/events/2025-10-chiba.md", site.Read("content/events/2025-10-chiba.md").Replace("title: ", "title: 改題 ", StringComparison.Ordinal));
        var second = oneShot.Build(other);
        Assert.True(second.Succeeded, string.Join("\n", second.Diagnostics));
        Assert.Contains(second.Timings, t => t.Phase == "読み込み・検証");
        site.BuildOk(new SiteBuilder());
        Assert.Equal(Files(site.Output), Files(other.OutputDirectory));
        Assert.NotEqual(expected, Files(other.OutputDirectory));
    }

    private static Dictionary<string, string> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
}
