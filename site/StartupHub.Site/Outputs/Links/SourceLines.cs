using System.Collections.Concurrent;
using StartupHub.Site.Content;

namespace StartupHub.Site.Outputs.Links;

/// <summary>
/// Finds where a link was written in an item's source file, so a broken link in Markdown is reported at
/// the line the editor has to change. Files are read lazily, once each.
/// </summary>
internal sealed class SourceLines(string? rootDirectory)
{
    private readonly ConcurrentDictionary<string, string[]?> _files = new(StringComparer.Ordinal);

    /// <summary>The first needle found, in order; the column is the needle's position plus its offset.</summary>
    public SourceLocation? Find(string sourcePath, IEnumerable<(string Needle, int Offset)> needles)
    {
        var lines = _files.GetOrAdd(sourcePath, Read);
        if (lines is null)
        {
            return null;
        }

        foreach (var (needle, offset) in needles.Where(n => n.Needle.Length > 0))
        {
            for (var i = 0; i < lines.Length; i++)
            {
                var column = lines[i].IndexOf(needle, StringComparison.Ordinal);
                if (column >= 0)
                {
                    return new SourceLocation(sourcePath, i + 1, column + offset + 1);
                }
            }
        }

        return null;
    }

    private string[]? Read(string sourcePath)
    {
        if (rootDirectory is null)
        {
            return null;
        }

        var full = Path.Combine(rootDirectory, sourcePath);
        return File.Exists(full) ? File.ReadAllLines(full) : null;
    }
}
