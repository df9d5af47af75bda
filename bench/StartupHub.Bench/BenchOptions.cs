using System.Globalization;

namespace StartupHub.Bench;

/// <summary>Command line: <c>--pages 1000,10000</c> (repeatable), <c>--runs 5</c> (cold builds, and edits unless
/// <c>--edits N</c> says otherwise: many edits and one cold build make a profile of the rebuilds), <c>--search</c>,
/// <c>--keep</c>, <c>--root DIR</c>, <c>--processes N</c> (whole `startuphub build` processes per size, 0 for none),
/// <c>--native FILE</c> (also as many `startuphub-native build` processes, alternating with the .NET ones).</summary>
internal sealed record BenchOptions(IReadOnlyList<int> PageCounts, bool SearchIndex, bool Keep, string RepoRoot, int Runs, int Edits, int Processes, string? Native)
{
    public static BenchOptions Parse(string[] args)
    {
        var counts = new List<int>();
        var search = false;
        var keep = false;
        string? root = null;
        var runs = 5;
        int? edits = null;
        var processes = 3;
        string? native = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--pages" when i + 1 < args.Length:
                    counts.AddRange(args[++i].Split(',').Select(s => Count("--pages", s)));
                    break;
                case "--search":
                    search = true;
                    break;
                case "--keep":
                    keep = true;
                    break;
                case "--runs" when i + 1 < args.Length:
                    runs = Count("--runs", args[++i]);
                    break;
                case "--edits" when i + 1 < args.Length:
                    edits = Count("--edits", args[++i]);
                    break;
                case "--processes" when i + 1 < args.Length:
                    processes = Count("--processes", args[++i], minimum: 0);
                    break;
                case "--native" when i + 1 < args.Length:
                    native = Path.GetFullPath(args[++i]);
                    if (!File.Exists(native))
                    {
                        throw new ArgumentException($"--native の実行ファイル「{native}」がありません（./build-native.sh が artifacts/native/startuphub-native に作ります）。");
                    }

                    break;
                case "--root" when i + 1 < args.Length:
                    root = args[++i];
                    break;
                default:
                    throw new ArgumentException($"不明な引数です: {args[i]}（使い方: --pages 1000,10000 [--runs 5] [--edits N] [--processes 3] [--native FILE] [--search] [--keep] [--root DIR]）");
            }
        }

        return new BenchOptions(counts.Count > 0 ? counts : [1000, 10000], search, keep, root ?? FindRepoRoot(), runs, edits ?? runs, processes, native);
    }

    private static int Count(string option, string text, int minimum = 1) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum
            ? value
            : throw new ArgumentException($"{option} には {minimum} 以上の整数を指定してください（「{text}」）。");

    private static string FindRepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "StartupHub.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("リポジトリのルート（StartupHub.sln のあるフォルダ）が見つかりません。--root で指定してください。");
    }
}
