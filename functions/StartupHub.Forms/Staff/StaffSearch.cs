using System.Text;

namespace StartupHub.Forms.Staff;

/// <summary>
/// The list's free-text filter: matches the receipt number, name, kana, organisation and e-mail address,
/// ignoring letter case and character width (NFKC: "ＡＢＣ" = "abc", half-width "ﾁﾊﾞ" = "チバ", "①" = "1").
/// Every whitespace-separated word of the query must occur in one of those fields.
/// </summary>
public static class StaffSearch
{
    public const int MaxQueryLength = 200;

    public static bool Matches(StaffRecord record, string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return true;
        }

        string[] haystacks = [Fold(record.Number), Fold(record.Name), Fold(record.Kana), Fold(record.Organization), Fold(record.Email)];
        return Fold(query).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .All(word => haystacks.Any(h => h.Contains(word, StringComparison.Ordinal)));
    }

    /// <summary>NFKC, then upper-invariant; full-width spaces become plain spaces on the way.</summary>
    public static string Fold(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text.Normalize(NormalizationForm.FormKC).ToUpperInvariant();
}
