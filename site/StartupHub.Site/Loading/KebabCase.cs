using System.Text;

namespace StartupHub.Site.Loading;

/// <summary>Enum values as YAML writes them: <c>SupportOrg</c> ⇄ <c>support-org</c>.</summary>
public static class KebabCase
{
    public static string Of<T>(T value)
        where T : struct, Enum => Of(value.ToString());

    public static string Of(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
                text.Append('-');
            text.Append(char.ToLowerInvariant(pascal[i]));
        }

        return text.ToString();
    }

    public static IReadOnlyList<string> Names<T>()
        where T : struct, Enum => [.. Enum.GetValues<T>().Select(v => Of(v))];

    public static bool TryParse<T>(string text, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Of(candidate), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
