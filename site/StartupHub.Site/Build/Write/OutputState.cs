namespace StartupHub.Site.Build.Write;

/// <summary>
/// What one builder last wrote into its output folder — each path's content, held by reference (a page's HTML
/// string is the one the last result already holds, so this costs no copy) — so the next write can skip the
/// files that did not change. Only this process's own writes are known: hand edits to the output folder are
/// undone by the next full build, not by an update.
/// </summary>
public sealed class OutputState
{
    private readonly Lock _gate = new();
    private string? _output;
    private Dictionary<string, object> _contents = new(StringComparer.Ordinal);

    internal bool Matches(string output)
    {
        lock (_gate)
        {
            return string.Equals(_output, output, StringComparison.Ordinal);
        }
    }

    internal IEnumerable<string> Paths => _contents.Keys;

    internal bool IsUnchanged(string path, object content) =>
        _contents.TryGetValue(path, out var previous) && (ReferenceEquals(previous, content) || (previous, content) switch
        {
            (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
            (byte[] a, byte[] b) => a.AsSpan().SequenceEqual(b),
            _ => false,
        });

    internal void Remember(string output, Dictionary<string, object> contents)
    {
        lock (_gate)
        {
            _output = output;
            _contents = contents;
        }
    }

    internal void Forget()
    {
        lock (_gate)
        {
            _output = null;
            _contents = new(StringComparer.Ordinal);
        }
    }
}
