using System.Collections.Concurrent;

namespace StartupHub.Site.Outputs.Links;

/// <summary>
/// The ids and link addresses found by one build's page scans, each kept once. Most of them repeat on every page
/// (the navigation, the footer, the assets, a list's entries on its every page), and every scan is kept to the end of
/// the build for the link check: half a million strings made each collection of the render phase slower.
/// Thread-safe (pages are scanned in parallel); one instance per build, so nothing outlives the build's scans.
/// </summary>
internal sealed class ScannedStrings
{
    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public ScannedStrings() => _bySpan = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _strings.Count;

    /// <summary>The string equal to <paramref name="value"/>, the same instance every time it is asked for.</summary>
    public string Get(ReadOnlySpan<char> value)
    {
        if (_bySpan.TryGetValue(value, out var known))
        {
            return known;
        }

        var text = value.ToString();
        return _strings.GetOrAdd(text, text);
    }
}
