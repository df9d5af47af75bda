namespace StartupHub.Site.Build.Incremental;

/// <summary>
/// What the page being rendered read, recorded as keys so that a later edit can tell which pages it reaches:
/// a body by its source path (<see cref="TrackedHtml"/>), an item's front matter as <see cref="Item"/>, a
/// collection's membership and order as <see cref="List"/>. Templates reach items only through the view
/// objects, whose members Fluid reads through accessors that record here (Templates/TrackingAccessor.cs);
/// outside a page render (planning, outputs) nothing is recorded.
/// </summary>
internal static class PageReads
{
    private static readonly AsyncLocal<HashSet<string>?> Current = new();

    /// <summary>The key for "some field of this item's front matter": <c>item:content/events/x.md</c>.</summary>
    public static string Item(string sourcePath) => "item:" + sourcePath;

    /// <summary>The key for "which items a collection holds and in which order" (e.g. <c>list:events</c>).</summary>
    public static string List(string collection) => "list:" + collection;

    /// <summary>
    /// The set to render with when nobody will ask what the page read (a builder that builds once, as
    /// `startuphub build`): reads count as recorded, and are kept nowhere. Ten thousand pages' sets lived to the end
    /// of such a build, about a tenth of its live heap, for nothing.
    /// </summary>
    public static readonly HashSet<string> Discarded = new(StringComparer.Ordinal);

    /// <summary>True while a page render records (reads outside one are the planner's or an output's).</summary>
    public static bool Recording => Current.Value is not null;

    /// <summary>Runs one page's render, recording into <paramref name="reads"/> (Fluid may continue on another thread: AsyncLocal follows it).</summary>
    public static T Track<T>(HashSet<string> reads, Func<T> render)
    {
        var previous = Current.Value;
        Current.Value = reads;
        try
        {
            return render();
        }
        finally
        {
            Current.Value = previous;
        }
    }

    /// <summary>Records <paramref name="key"/> for the page being rendered; false when no page is.</summary>
    public static bool Record(string key)
    {
        if (Current.Value is not { } reads)
        {
            return false;
        }

        // No lock: one page's render is one logical flow (Fluid's continuations run one after another, never
        // side by side), so its set is never written from two threads at once. The lock this replaced was taken
        // for every member a template read and showed as seconds of contention in a profile of 10,000 pages.
        if (!ReferenceEquals(reads, Discarded))
        {
            reads.Add(key);
        }

        return true;
    }
}
