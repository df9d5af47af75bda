using StartupHub.Site.Build.Write;
using StartupHub.Site.Content;
using StartupHub.Site.Loading;

namespace StartupHub.Site.Build;

/// <summary>
/// The dev server's fast rebuilds. A rebuild by the same builder first finds which input files changed since its
/// last successful written build (a scan of every file's stamp, or the paths the file watcher saw). When only
/// Markdown bodies changed, <see cref="BodyEdits"/> updates the pages showing them; when front matter changed too,
/// <see cref="ItemEdits"/> re-reads those items and updates the pages that read them. Anything else — site.yml,
/// venues, a video, a template or asset, an added, removed or unreadable file, any diagnostic, a clock that
/// moved on more than <see cref="ClockTolerance"/>, the search index — takes the full build, which is always correct.
/// </summary>
public sealed partial class SiteBuilder
{
    /// <summary>A fast rebuild keeps the last full build's clock (event states, scheduled items) at most this long.</summary>
    public static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(5);

    /// <param name="Path">Relative to the root, as <see cref="ContentItem.SourcePath"/>.</param>
    /// <param name="BodyOnly">The front matter is byte-for-byte the one the last build read.</param>
    private sealed record ChangedFile(string Path, FrontMatter Text, bool BodyOnly);

    private sealed record Changes(Incremental.FileStamps Stamps, List<ChangedFile> Files);

    private BuildResult? TryIncremental(BuildOptions options, IProgress<PhaseTiming>? progress, IReadOnlyCollection<string>? changedFiles)
    {
        // A rebuild updates the last output in place, reading only the pages it renders again; the others' bytes are
        // on disk only (PageHtml). Where that output cannot be updated in place, the full build writes a new one.
        if (_last is not { } last || options.SearchIndex || options with { Clock = last.Options.Clock } != last.Options
            || !OutputWriter.CanUpdateInPlace(options.OutputDirectory, _written))
        {
            return null;
        }

        var now = options.Clock.GetUtcNow();
        if (now < last.Now || now - last.Now > ClockTolerance)
        {
            return null;
        }

        var clock = new PhaseClock(progress);
        if (clock.Time("変更の確認", () => FindChanges(options, last, changedFiles)) is not { } changes)
        {
            return null;
        }

        return changes.Files.TrueForAll(f => f.BodyOnly)
            ? BodyEdits(options, last, changes, clock)
            : ItemEdits(options, last, changes, clock);
    }

    /// <summary>The changed content files with their new text, or null when a change is not one a fast rebuild handles.</summary>
    private static Changes? FindChanges(BuildOptions options, Incremental.LastBuild last, IReadOnlyCollection<string>? changedFiles)
    {
        var inputs = Incremental.LastBuild.Inputs(options).ToList();
        // The watcher's list spares the scan; when it names something odd (a folder, a new file) the scan decides.
        var stamps = (changedFiles is null ? null : last.Stamps.Restamp(changedFiles, inputs)) ?? Incremental.FileStamps.Take(inputs);
        if (stamps.ChangedSince(last.Stamps) is not { } changed)
        {
            return null;
        }

        var files = new List<ChangedFile>();
        foreach (var full in changed)
        {
            var path = Relative(options, full);
            if (!path.EndsWith(".md", StringComparison.Ordinal)
                || !last.Items.ContainsKey(path)
                || !last.FrontMatters.TryGetValue(path, out var frontMatter)
                || last.Html.ReadOutsidePages(path)
                || last.Diagnostics.Any(d => d.Location.Path == path))
            {
                return null;
            }

            string text;
            try
            {
                text = Loading.ContentText.Read(full);
            }
            catch (IOException)
            {
                return null;
            }

            if (FrontMatter.Split(text, out _) is not { } split)
            {
                return null;
            }

            files.Add(new ChangedFile(path, split, split.Yaml == frontMatter && split.BodyFirstLine == last.Content.SourceMap.BodyFirstLine(path)));
        }

        return new Changes(stamps, files);
    }

    /// <summary>The content with <paramref name="items"/> in place of the records of the same files (order kept).</summary>
    private static SiteContent Replace(SiteContent content, IReadOnlyCollection<ContentItem> items)
    {
        var byPath = items.ToDictionary(i => i.SourcePath, StringComparer.Ordinal);
        return content with
        {
            Events = Swap(content.Events),
            People = Swap(content.People),
            Companies = Swap(content.Companies),
            Videos = Swap(content.Videos),
            News = Swap(content.News),
            Pages = Swap(content.Pages),
            Supporters = Swap(content.Supporters),
            Forms = Swap(content.Forms),
        };

        // Only the collections of the edited items' types are copied, and their records are found by comparing paths
        // (a save edits one or a few files): hashing every path of ten thousand items was 6 ms of each rebuild. The
        // scan stops when every edited record has its place (paths are unique).
        IReadOnlyList<T> Swap<T>(IReadOnlyList<T> list)
            where T : ContentItem
        {
            var edited = byPath.Values.OfType<T>().ToList();
            T[]? copy = null;
            for (var i = 0; i < list.Count && edited.Count > 0; i++)
            {
                var path = list[i].SourcePath;
                for (var k = 0; k < edited.Count; k++)
                {
                    if (string.Equals(edited[k].SourcePath, path, StringComparison.Ordinal))
                    {
                        copy ??= [.. list];
                        copy[i] = edited[k];
                        edited.RemoveAt(k);
                        break;
                    }
                }
            }

            return copy ?? list;
        }
    }
}
