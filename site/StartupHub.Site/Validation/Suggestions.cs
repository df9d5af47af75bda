namespace StartupHub.Site.Validation;

/// <summary>Finds the known word a typo most likely meant ("titel" → "title").</summary>
public static class Suggestions
{
    /// <summary>The closest candidate within a small edit distance, or null when nothing is close enough.</summary>
    public static string? Closest(string typo, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(typo.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        // Allow about one edit per three letters, at least two: enough for typos, not for unrelated words.
        var allowed = Math.Max(2, typo.Length / 3);
        return bestDistance <= allowed && bestDistance < typo.Length ? best : null;
    }

    /// <summary>Optimal string alignment distance: Levenshtein plus swaps of neighbours ("titel").</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }

        return d[a.Length, b.Length];
    }
}
