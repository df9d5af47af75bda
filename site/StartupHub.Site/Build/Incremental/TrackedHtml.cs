using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace StartupHub.Site.Build.Incremental;

/// <summary>
/// The rendered Markdown bodies handed to the views, recording which page read which body. Every view reaches
/// a body through this dictionary (<see cref="Views.ViewIndex.Html"/>), so after a build we know exactly which
/// pages show an item's body — its own page, and any list or home page whose template prints it — and a
/// body-only edit re-renders just those. Reads outside a page (while planning) are kept apart: such a body
/// may shape any page, so editing it needs a full build.
/// </summary>
internal sealed class TrackedHtml(Dictionary<string, string> html) : IReadOnlyDictionary<string, string>
{
    /// <summary>Stands for "every body": the page enumerated the dictionary.</summary>
    public const string All = "*";

    private readonly ConcurrentDictionary<string, byte> _outsidePages = new(StringComparer.Ordinal);

    /// <summary>Runs one page's render, recording the bodies (and items, lists) it reads into <paramref name="reads"/>.</summary>
    public static T Track<T>(HashSet<string> reads, Func<T> render) => PageReads.Track(reads, render);

    public bool ReadOutsidePages(string path) => _outsidePages.ContainsKey(path) || _outsidePages.ContainsKey(All);

    public void MarkReadOutsidePages(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            _outsidePages.TryAdd(path, 0);
        }
    }

    /// <summary>Replaces one body; only between builds, never while pages render.</summary>
    public void Set(string path, string value) => html[path] = value;

    public bool Remove(string path) => html.Remove(path);

    private void Read(string path)
    {
        if (!PageReads.Record(path))
        {
            _outsidePages.TryAdd(path, 0);
        }
    }

    public string this[string key]
    {
        get
        {
            Read(key);
            return html[key];
        }
    }

    public IEnumerable<string> Keys
    {
        get
        {
            Read(All);
            return html.Keys;
        }
    }

    public IEnumerable<string> Values
    {
        get
        {
            Read(All);
            return html.Values;
        }
    }

    public int Count => html.Count;

    public bool ContainsKey(string key)
    {
        Read(key);
        return html.ContainsKey(key);
    }

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        Read(key);
        return html.TryGetValue(key, out value);
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        Read(All);
        return html.GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
