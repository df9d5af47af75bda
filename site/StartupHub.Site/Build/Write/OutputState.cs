using System.IO.Hashing;

namespace StartupHub.Site.Build.Write;

/// <summary>
/// What one builder last wrote into its output folder — a 128-bit hash of each file's content, not the content
/// (holding ten thousand pages' HTML between builds would double the dev server's memory during a rebuild) — so
/// the next write can skip the files that did not change. Only this process's own writes are known: hand edits
/// to the output folder are undone by the next full build, not by an update.
/// </summary>
public sealed class OutputState
{
    private readonly Lock _gate = new();
    private string? _output;
    private Dictionary<string, UInt128> _hashes = new(StringComparer.Ordinal);

    internal bool Matches(string output)
    {
        lock (_gate)
        {
            return string.Equals(_output, output, StringComparison.Ordinal);
        }
    }

    internal IEnumerable<string> Paths => _hashes.Keys;

    internal int Count => _hashes.Count;

    /// <summary>The known hashes with <paramref name="updates"/> applied, changing the dictionary in place (it is only
    /// ever handed back to <see cref="Remember"/> by the same write).</summary>
    internal Dictionary<string, UInt128> With(IEnumerable<(string Path, UInt128 Hash)> updates)
    {
        lock (_gate)
        {
            foreach (var (path, hash) in updates)
            {
                _hashes[path] = hash;
            }

            return _hashes;
        }
    }

    internal bool TryGetHash(string path, out UInt128 hash) => _hashes.TryGetValue(path, out hash);

    internal static UInt128 Hash(byte[] content) => XxHash128.HashToUInt128(content);

    internal void Remember(string output, Dictionary<string, UInt128> hashes)
    {
        lock (_gate)
        {
            _output = output;
            _hashes = hashes;
        }
    }

    internal void Forget()
    {
        lock (_gate)
        {
            _output = null;
            _hashes = new(StringComparer.Ordinal);
        }
    }
}
