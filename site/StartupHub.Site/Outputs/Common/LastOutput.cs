namespace StartupHub.Site.Outputs.Common;

/// <summary>
/// A generator's last result with the inputs it was made from, so that a dev-server rebuild whose edit did not
/// touch them hands back the same bytes instead of writing ten thousand sitemap entries again. The key lists every
/// value the output reads: content records by reference (they are immutable, and a rebuild keeps the records of
/// unchanged files), everything else by value. Generators are shared by every builder in the process, so the
/// slot may hold another site's result; the key comparison is what makes reuse safe, never the slot.
/// </summary>
internal sealed class LastOutput
{
    private Entry? _last;

    public byte[] Reuse(object?[] key, Func<byte[]> create)
    {
        if (_last is { } last && Same(last.Key, key))
        {
            return last.Bytes;
        }

        var bytes = create();
        _last = new Entry(key, bytes);
        return bytes;
    }

    private static bool Same(object?[] a, object?[] b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (!ReferenceEquals(a[i], b[i]) && (a[i] is Content.ContentItem || !Equals(a[i], b[i])))
            {
                return false;
            }
        }

        return true;
    }

    private sealed record Entry(object?[] Key, byte[] Bytes);
}
