using System.Text;

namespace StartupHub.Forms.Tests.Encryption;

/// <summary>
/// Looks for known personal values in every byte of every file under a folder, in the encodings a leak
/// could take: UTF-8, UTF-16 (both byte orders) and JSON's \uXXXX escapes (either hex case) of the
/// non-ASCII characters.
/// </summary>
public static class PlaintextScanner
{
    public static IReadOnlyList<string> Find(string folder, IEnumerable<string> values)
    {
        List<(string Value, string Form, byte[] Bytes)> needles = [];
        foreach (string value in values)
        {
            needles.Add((value, "utf-8", Encoding.UTF8.GetBytes(value)));
            needles.Add((value, "utf-16le", Encoding.Unicode.GetBytes(value)));
            needles.Add((value, "utf-16be", Encoding.BigEndianUnicode.GetBytes(value)));
            if (value.Any(c => c > 127))
            {
                needles.Add((value, "json \\u (lower)", Encoding.ASCII.GetBytes(Escape(value, "x4"))));
                needles.Add((value, "json \\u (upper)", Encoding.ASCII.GetBytes(Escape(value, "X4"))));
            }
        }

        List<string> hits = [];
        foreach (string file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            byte[] content;
            try
            {
                content = File.ReadAllBytes(file);
            }
            catch (IOException)
            {
                continue; // vanished while scanning (a temp file being renamed)
            }

            foreach ((string value, string form, byte[] bytes) in needles)
            {
                if (content.AsSpan().IndexOf(bytes) >= 0)
                {
                    hits.Add($"{Path.GetRelativePath(folder, file)}: {form} of \"{value}\"");
                }
            }
        }

        return hits;
    }

    /// <summary>True when some file under the folder holds exactly these bytes (proves a scan looks where the data is).</summary>
    public static bool ContainsBytes(string folder, ReadOnlySpan<byte> bytes)
    {
        foreach (string file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            try
            {
                if (File.ReadAllBytes(file).AsSpan().IndexOf(bytes) >= 0)
                {
                    return true;
                }
            }
            catch (IOException)
            {
            }
        }

        return false;
    }

    private static string Escape(string value, string format) =>
        string.Concat(value.Select(c => c > 127 ? "\\u" + ((int)c).ToString(format, System.Globalization.CultureInfo.InvariantCulture) : c.ToString()));
}
