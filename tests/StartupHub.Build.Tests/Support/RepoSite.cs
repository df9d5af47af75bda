using System.Runtime.CompilerServices;
using StartupHub.Site.Build;

namespace StartupHub.Build.Tests.Support;

/// <summary>
/// The repository's own content/ and themes/default copied into a temp folder (plus any generated files), so the
/// incremental-rebuild tests run against the real theme: home, lists, cross-linked people, companies and videos.
/// </summary>
internal sealed class RepoSite : IDisposable
{
    /// <summary>Inside the sample program's year (令和7年度), so events have every state.</summary>
    public static readonly DateTimeOffset Now = new(2025, 10, 1, 10, 0, 0, TimeSpan.FromHours(9));

    private RepoSite(string root) => Root = root;

    public string Root { get; }

    public string Output => Path.Combine(Root, "_site");

    public static RepoSite Create()
    {
        var repo = FindRepoRoot();
        var site = new RepoSite(Path.Combine(Path.GetTempPath(), "startuphub-build-tests", "repo-" + Guid.NewGuid().ToString("N")));
        Copy(Path.Combine(repo, "content"), Path.Combine(site.Root, "content"));
        Copy(Path.Combine(repo, "themes", "default"), Path.Combine(site.Root, "themes", "default"));
        return site;
    }

    public BuildOptions Options(string? output = null) => new()
    {
        RootDirectory = Root,
        OutputDirectory = output ?? Output,
        SearchIndex = false,
        Clock = new FixedClock(Now),
    };

    public string FullPath(string relativePath) => Path.Combine(Root, relativePath);

    public string Read(string relativePath) => File.ReadAllText(FullPath(relativePath));

    /// <summary>Writes with a later modification time than any earlier write, so a stamp comparison always sees the change.</summary>
    public void Write(string relativePath, string text)
    {
        var path = FullPath(relativePath);
        var before = File.Exists(path) ? File.GetLastWriteTimeUtc(path) : DateTime.MinValue;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        if (File.GetLastWriteTimeUtc(path) <= before)
        {
            File.SetLastWriteTimeUtc(path, before.AddMilliseconds(10));
        }
    }

    /// <summary>Content files (relative paths) under <c>content/{folder}</c>, in name order.</summary>
    public IReadOnlyList<string> Files(string folder) =>
        [.. Directory.EnumerateFiles(FullPath(Path.Combine("content", folder)), "*.md").Order(StringComparer.Ordinal).Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))];

    /// <summary>Every output file's text by relative path.</summary>
    public static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);

    /// <summary>From this source file's compile-time path: test binaries may live outside the repository (--artifacts-path).</summary>
    public static string FindRepoRoot([CallerFilePath] string source = "")
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(source)!); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StartupHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("StartupHub.sln が見つかりません。");
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // the OS cleans the temp folder
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
