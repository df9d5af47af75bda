using System.Runtime.InteropServices;

namespace StartupHub.Site.Build.Incremental;

/// <summary>
/// Key → the pages that read it, for <see cref="LastBuild.PagesReading"/>. Kept between rebuilds: a page whose reads
/// were replaced (it was rendered again, so its slot holds a new set) moves to its new keys and leaves the keys it no
/// longer reads. A page read again mostly reads the same keys, so an update is a comparison of two sets per page
/// rendered again. (Leaving the old entries in place and building the index afresh once they piled up cost 22 ms
/// every third or fourth rebuild of the benchmark: each event list reads thousands of keys.)
/// </summary>
internal sealed class ReadersIndex(int pages)
{
    private readonly Dictionary<string, List<int>> _readers = new(StringComparer.Ordinal);
    private readonly HashSet<string>?[] _indexed = new HashSet<string>?[pages];

    /// <summary>How many pages the index is for; a build with another number of pages needs a new index.</summary>
    public int Pages => _indexed.Length;

    /// <summary>Brings the index up to <paramref name="reads"/> (one set per page; a set is never changed once indexed, only replaced).</summary>
    public IReadOnlyDictionary<string, List<int>> Update(IReadOnlyList<HashSet<string>> reads)
    {
        if (reads.Count != _indexed.Length)
        {
            throw new ArgumentException($"{_indexed.Length} ページの索引に {reads.Count} ページの読み取りは渡せません。", nameof(reads));
        }

        for (var page = 0; page < reads.Count; page++)
        {
            var indexed = _indexed[page];
            var current = reads[page];
            if (ReferenceEquals(indexed, current))
            {
                continue;
            }

            if (indexed is not null)
            {
                foreach (var key in indexed)
                {
                    if (!current.Contains(key) && _readers.TryGetValue(key, out var readers))
                    {
                        readers.Remove(page);
                    }
                }
            }

            foreach (var key in current)
            {
                if (indexed is null || !indexed.Contains(key))
                {
                    ref var readers = ref CollectionsMarshal.GetValueRefOrAddDefault(_readers, key, out _);
                    (readers ??= []).Add(page);
                }
            }

            _indexed[page] = current;
        }

        return _readers;
    }
}
