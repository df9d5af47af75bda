using System.Text;

namespace StartupHub.Site.Build.Write;

/// <summary>
/// Writes a whole build into a fresh folder next to the output, then swaps it in with two renames, so a
/// reader (or the dev server) sees either the previous site or the new one, never half of each, and a
/// failure before the swap leaves the previous output untouched.
/// </summary>
public static class OutputWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <param name="beforeSwap">Runs on the complete staging folder (e.g. the search indexer); returning false cancels the swap.</param>
    /// <returns>The written paths relative to the output folder, or null when <paramref name="beforeSwap"/> cancelled.</returns>
    public static IReadOnlyList<string>? Write(string outputDirectory, IReadOnlyList<RenderedPage> pages, IReadOnlyList<OutputFile> files, Func<string, bool>? beforeSwap = null)
    {
        var output = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(output) ?? throw new ArgumentException($"出力先 '{outputDirectory}' にはフォルダを指定してください。", nameof(outputDirectory));
        Directory.CreateDirectory(parent);
        var name = Path.GetFileName(output);
        var staging = Path.Combine(parent, $".site-tmp-{name}-staging-{Guid.NewGuid():N}");
        try
        {
            var written = new List<string>(pages.Count + files.Count);
            written.AddRange(pages.Select(p => p.OutputPath));
            written.AddRange(files.Select(f => f.Path));
            // Folders first, once each: with ten thousand pages, a CreateDirectory per file is thousands of needless calls.
            Directory.CreateDirectory(staging);
            foreach (var folder in written.Select(path => Path.GetDirectoryName(Target(staging, path))!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                Directory.CreateDirectory(folder);
            }

            Parallel.ForEach(pages, page => File.WriteAllBytes(Target(staging, page.OutputPath), Utf8.GetBytes(page.Html)));
            Parallel.ForEach(files, file => File.WriteAllBytes(Target(staging, file.Path), file.Content));

            if (beforeSwap is not null && !beforeSwap(staging))
            {
                Directory.Delete(staging, recursive: true);
                return null;
            }

            Swap(staging, output, parent, name);
            return written;
        }
        catch
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            throw;
        }
    }

    private static void Swap(string staging, string output, string parent, string name)
    {
        if (!Directory.Exists(output))
        {
            Directory.Move(staging, output);
            return;
        }

        var previous = Path.Combine(parent, $".site-tmp-{name}-previous-{Guid.NewGuid():N}");
        Directory.Move(output, previous);
        try
        {
            Directory.Move(staging, output);
        }
        catch
        {
            Directory.Move(previous, output);
            throw;
        }

        try
        {
            Directory.Delete(previous, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere (a browser download, an editor) only delays clean-up; the new site is in place.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The file's full path in <paramref name="root"/>; a path that would climb out of it is a bug, not content.</summary>
    private static string Target(string root, string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(root, relativePath.TrimStart('/')));
        if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"出力ファイル '{relativePath}' が出力フォルダの外を指しています。");
        }

        return path;
    }
}
