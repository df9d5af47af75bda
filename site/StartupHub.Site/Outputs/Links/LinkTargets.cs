namespace StartupHub.Site.Outputs.Links;

/// <summary>
/// What a link can point at: every output file, and the scan (element ids) of each page by its output path. A
/// builder keeps one between its builds: a rebuild in `serve` renders a few pages again and keeps every path, and
/// building the set and the map afresh for eleven thousand pages was 8–13 ms of each rebuild. <see cref="Update"/>
/// swaps in the new scans of the same paths, and starts over whenever a path differs.
/// </summary>
internal sealed class LinkTargets
{
    private string[] _otherFiles = [];
    private PageScan[] _scans = [];
    private bool _pathsRepeat;

    public HashSet<string> Files { get; private set; } = new(StringComparer.Ordinal);

    public Dictionary<string, PageScan> ByFile { get; private set; } = new(StringComparer.Ordinal);

    /// <param name="otherFiles">The output files that are not pages, relative to the output folder.</param>
    public LinkTargets Update(PageScan[] scans, IReadOnlyList<string> otherFiles)
    {
        if (_pathsRepeat || scans.Length != _scans.Length || !otherFiles.SequenceEqual(_otherFiles, StringComparer.Ordinal))
        {
            return Rebuild(scans, otherFiles);
        }

        for (var i = 0; i < scans.Length; i++)
        {
            if (ReferenceEquals(scans[i], _scans[i]))
            {
                continue;
            }

            if (!string.Equals(scans[i].Page.OutputPath, _scans[i].Page.OutputPath, StringComparison.Ordinal))
            {
                return Rebuild(scans, otherFiles);
            }

            ByFile[LinkChecker.Normalize(scans[i].Page.OutputPath)] = scans[i];
            _scans[i] = scans[i];
        }

        return this;
    }

    private LinkTargets Rebuild(PageScan[] scans, IReadOnlyList<string> otherFiles)
    {
        Files = new HashSet<string>(otherFiles.Select(LinkChecker.Normalize), StringComparer.Ordinal);
        ByFile = new Dictionary<string, PageScan>(scans.Length, StringComparer.Ordinal);
        _pathsRepeat = false;
        foreach (var scan in scans)
        {
            var path = LinkChecker.Normalize(scan.Page.OutputPath);
            Files.Add(path);
            // Two pages for one path: the last one wins, as when writing. Rare, so such builds are not updated in place.
            _pathsRepeat |= !ByFile.TryAdd(path, scan);
            ByFile[path] = scan;
        }

        _otherFiles = [.. otherFiles];
        _scans = [.. scans];
        return this;
    }
}
