using System.Text;

namespace StartupHub.Forms.Staff;

/// <summary>
/// Formula-injection defence for every exported cell (CSV and XLSX). A spreadsheet treats text starting with
/// <c>= + - @</c>, a tab or a carriage return as a formula (OWASP "CSV injection"), so such text gets a single
/// quote in front and is shown as written. Two widenings on purpose:
/// <list type="bullet">
/// <item>full-width and small forms (＝ ＋ － ＠, ﹦ ﹢ ﹣ ﹫), which Japanese IMEs produce and some Excel locales accept
/// as operators: the first character is compared after NFKC normalisation;</item>
/// <item>leading whitespace (including the ideographic space U+3000): " =1+1" is neutralised too, because some
/// spreadsheet programs trim before parsing. A quote costs nothing on such rare text.</item>
/// </list>
/// </summary>
public static class SpreadsheetCells
{
    private const string Triggers = "=+-@\t\r";

    public static string Neutralise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        return StartsLikeFormula(text) ? "'" + text : text;
    }

    public static bool StartsLikeFormula(string text)
    {
        int i = 0;
        // Tab and CR are triggers themselves, so look at them before skipping whitespace.
        while (i < text.Length && char.IsWhiteSpace(text[i]) && text[i] is not ('\t' or '\r'))
        {
            i++;
        }

        if (i == text.Length)
        {
            return false;
        }

        if (Triggers.Contains(text[i], StringComparison.Ordinal))
        {
            return true;
        }

        // One text element (a surrogate pair counts as one) is enough to decide.
        string first = char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? text.Substring(i, 2) : text[i].ToString();
        string folded = first.IsNormalized(NormalizationForm.FormKC) ? first : first.Normalize(NormalizationForm.FormKC);
        return folded.Length > 0 && Triggers.Contains(folded[0], StringComparison.Ordinal);
    }
}
