using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using StartupHub.Site.Content;
using Diagnostic = StartupHub.Site.Diagnostics.Diagnostic;

namespace StartupHub.Site.Outputs.Search;

/// <summary>
/// Runs the pinned Pagefind (package.json: pagefind 1.6.0, installed by <c>npm ci</c>) over the written
/// output folder, producing <c>/pagefind/</c>. This is a post-write step rather than an
/// <c>IOutputGenerator</c> because Pagefind reads the HTML files from disk. Pagefind's "extended" binary
/// segments Japanese, and it picks the language from <c>&lt;html lang="ja"&gt;</c>; only the
/// <c>data-pagefind-body</c> part of each page is indexed.
/// </summary>
public static partial class PagefindIndexer
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    private const string Code = "pagefind";

    public static PagefindResult Run(string outputDirectory, string repoRoot, TimeSpan? timeout = null)
    {
        var stopwatch = Stopwatch.StartNew();
        var packageJson = new SourceLocation("package.json", 1, 1);
        if (!Directory.Exists(outputDirectory))
        {
            return Failed(stopwatch, Diagnostic.Error(
                new SourceLocation(outputDirectory, 1, 1), Code,
                $"検索インデックスを作る出力フォルダ '{outputDirectory}' がありません。"));
        }

        if (Locate(repoRoot) is not { } command)
        {
            return Failed(stopwatch, Diagnostic.Error(packageJson, Code,
                "検索インデックスを作る Pagefind が node_modules にありません。リポジトリのルートで `npm ci` を実行してから、もう一度ビルドしてください。"));
        }

        var start = new ProcessStartInfo(command.FileName)
        {
            WorkingDirectory = repoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in command.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--site");
        start.ArgumentList.Add(Path.GetFullPath(outputDirectory));

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return Failed(stopwatch, Diagnostic.Error(packageJson, Code,
                $"Pagefind を起動できませんでした（{ex.Message}）。Node.js がインストールされているか確認し、`npm ci` を実行してください。"));
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var limit = timeout ?? DefaultTimeout;
        if (!process.WaitForExit(limit))
        {
            // Only the Pagefind process this method started (and its child binary) is ended.
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return Failed(stopwatch, Diagnostic.Error(packageJson, Code,
                $"Pagefind が {limit.TotalSeconds:0} 秒以内に終わりませんでした。出力フォルダが大きすぎないか確認してください。"), output.ToString());
        }

        process.WaitForExit(); // flushes the asynchronous output readers
        var text = output.ToString();
        if (process.ExitCode != 0)
        {
            return Failed(stopwatch, Diagnostic.Error(packageJson, Code,
                $"Pagefind が終了コード {process.ExitCode} で失敗しました:\n{text.Trim()}"), text);
        }

        var pages = Count(PagesPattern(), text);
        var diagnostics = new List<Diagnostic>();
        if (pages == 0)
        {
            diagnostics.Add(Diagnostic.Warning(new SourceLocation(outputDirectory, 1, 1), Code,
                "検索インデックスに登録されたページがありません。テーマの <main data-pagefind-body> を確認してください。"));
        }

        return new PagefindResult(true, diagnostics, stopwatch.Elapsed, pages, Count(WordsPattern(), text), text);
    }

    /// <summary>
    /// <c>node_modules/.bin/pagefind</c> as npm installs it; else the package's own runner through node
    /// (installs made with <c>--no-bin-links</c> have no .bin folder). Like Node itself, the lookup walks up
    /// from <paramref name="repoRoot"/>, so a site folder inside the repository finds the repository's tools.
    /// </summary>
    internal static (string FileName, IReadOnlyList<string> Arguments)? Locate(string repoRoot)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(repoRoot)); dir is not null; dir = dir.Parent)
        {
            var modules = Path.Combine(dir.FullName, "node_modules");
            var bin = Path.Combine(modules, ".bin", OperatingSystem.IsWindows() ? "pagefind.cmd" : "pagefind");
            if (File.Exists(bin))
            {
                return (bin, []);
            }

            var runner = Path.Combine(modules, "pagefind", "lib", "runner", "bin.cjs");
            if (File.Exists(runner))
            {
                return ("node", [runner]);
            }
        }

        return null;
    }

    private static PagefindResult Failed(Stopwatch stopwatch, Diagnostic diagnostic, string output = "") =>
        new(false, [diagnostic], stopwatch.Elapsed, null, null, output);

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static int? Count(Regex pattern, string text) =>
        pattern.Match(text) is { Success: true } match
            ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : null;

    [GeneratedRegex(@"Indexed (\d+) pages?")]
    private static partial Regex PagesPattern();

    [GeneratedRegex(@"Indexed (\d+) words?")]
    private static partial Regex WordsPattern();
}
