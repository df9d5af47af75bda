using System.IO.Compression;
using System.Text;

namespace StartupHub.Forms.Tests.Uploads;

/// <summary>
/// Builds PDFs in memory with a correct cross-reference table: a benign one-page document, and variants
/// carrying each kind of active content, plainly, with #xx-escaped names, or hidden in a compressed
/// object stream.
/// </summary>
public static class PdfCorpus
{
    public static readonly string[] ActiveNames = ["JavaScript", "JS", "OpenAction", "AA", "Launch", "EmbeddedFile", "RichMedia", "XFA"];

    private static readonly byte[] Latin1Header = [.. "%PDF-1.7\n%"u8, 0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n'];

    public static byte[] Minimal() => Build(CatalogExtra: "");

    /// <summary>The name as a key in the catalog: /{name} 4 0 R.</summary>
    public static byte[] WithName(string name, bool hexEscaped) =>
        Build(CatalogExtra: $"/{(hexEscaped ? Escape(name) : name)} 4 0 R", extraObjects: ["<< /Type /Action /S /GoTo /D [3 0 R /Fit] >>"]);

    /// <summary>The name only inside a FlateDecode object stream (object 5 lives in stream object 4).</summary>
    public static byte[] WithNameInObjectStream(string name, bool hexEscaped)
    {
        string inner = $"<< /{(hexEscaped ? Escape(name) : name)} (x) /S /Named >>";
        string header = "5 0 ";
        byte[] compressed = Deflate(Encoding.ASCII.GetBytes(header + inner));
        byte[] stream = Concat(
            Encoding.ASCII.GetBytes($"<< /Type /ObjStm /N 1 /First {header.Length} /Filter /FlateDecode /Length {compressed.Length} >>\nstream\n"),
            compressed,
            "\nendstream"u8.ToArray());
        return BuildRaw("", [stream], "");
    }

    /// <summary>An object stream that inflates to far more than the inspector's cap.</summary>
    public static byte[] ZipBomb(int inflatedBytes)
    {
        byte[] compressed = Deflate(new byte[inflatedBytes]);
        byte[] stream = Concat(
            Encoding.ASCII.GetBytes($"<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length {compressed.Length} >>\nstream\n"),
            compressed,
            "\nendstream"u8.ToArray());
        return BuildRaw("", [stream], "");
    }

    /// <summary>A benign compressed content stream (not an object stream): accepted without being searched.</summary>
    public static byte[] WithCompressedContent()
    {
        byte[] compressed = Deflate("BT /F1 12 Tf 72 712 Td (Hello) Tj ET"u8.ToArray());
        byte[] stream = Concat(
            Encoding.ASCII.GetBytes($"<< /Filter /FlateDecode /Length {compressed.Length} >>\nstream\n"),
            compressed,
            "\nendstream"u8.ToArray());
        return BuildRaw("", [stream], "");
    }

    public static byte[] Encrypted() =>
        Build(CatalogExtra: "", extraObjects: ["<< /Filter /Standard /V 1 /R 2 /O (x) /U (y) /P -4 >>"], trailerExtra: "/Encrypt 4 0 R");

    public static byte[] EncryptedHexEscaped() =>
        Build(CatalogExtra: "", extraObjects: ["<< /Filter /Standard /V 1 /R 2 /O (x) /U (y) /P -4 >>"], trailerExtra: "/Encr#79pt 4 0 R");

    public static byte[] WithoutEof()
    {
        byte[] pdf = Minimal();
        string text = Encoding.Latin1.GetString(pdf);
        return Encoding.Latin1.GetBytes(text.Replace("%%EOF", "", StringComparison.Ordinal));
    }

    /// <summary>The first half of a valid file, with %%EOF appended so only the structure check can catch it.</summary>
    public static byte[] TruncatedWithEof()
    {
        byte[] pdf = Minimal();
        return Concat(pdf[..(pdf.Length / 2)], "\n%%EOF\n"u8.ToArray());
    }

    public static byte[] TruncatedPlain()
    {
        byte[] pdf = Minimal();
        return pdf[..(pdf.Length / 2)];
    }

    public static byte[] NotAPdf() => "PK\u0003\u0004 this is a zip archive named .pdf\n%%EOF"u8.ToArray();

    /// <summary>A valid PDF padded (inside a stream) to exactly <paramref name="totalBytes"/>.</summary>
    public static byte[] OfSize(int totalBytes)
    {
        int overhead = BuildRaw("", [StreamObject(0)], "").Length;
        int padding = totalBytes - overhead;
        // The /Length digits change the size; adjust until exact.
        for (int attempt = 0; attempt < 5; attempt++)
        {
            byte[] candidate = BuildRaw("", [StreamObject(padding)], "");
            if (candidate.Length == totalBytes)
            {
                return candidate;
            }

            padding += totalBytes - candidate.Length;
        }

        throw new InvalidOperationException("could not size the PDF");
    }

    private static byte[] StreamObject(int length) => Concat(
        Encoding.ASCII.GetBytes($"<< /Length {length} >>\nstream\n"), Enumerable.Repeat((byte)'0', Math.Max(0, length)).ToArray(), "\nendstream"u8.ToArray());

    /// <summary>#xx-escapes the second character (J#61vaScript), or the first of a one-letter name.</summary>
    public static string Escape(string name) =>
        name.Length > 1 ? $"{name[0]}#{(int)name[1]:x2}{name[2..]}" : $"#{(int)name[0]:x2}";

    private static byte[] Build(string CatalogExtra, string[]? extraObjects = null, string trailerExtra = "") =>
        BuildRaw(CatalogExtra, (extraObjects ?? []).Select(Encoding.ASCII.GetBytes).ToList(), trailerExtra);

    /// <summary>Objects 1–3 are catalog, pages and page; <paramref name="extra"/> are objects 4, 5, ...</summary>
    private static byte[] BuildRaw(string catalogExtra, IReadOnlyList<byte[]> extra, string trailerExtra)
    {
        List<byte[]> bodies =
        [
            Encoding.ASCII.GetBytes($"<< /Type /Catalog /Pages 2 0 R {catalogExtra} >>"),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"u8.ToArray(),
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << >> >>"u8.ToArray(),
            .. extra,
        ];
        using MemoryStream output = new();
        output.Write(Latin1Header);
        List<long> offsets = [];
        for (int i = 0; i < bodies.Count; i++)
        {
            offsets.Add(output.Position);
            output.Write(Encoding.ASCII.GetBytes($"{i + 1} 0 obj\n"));
            output.Write(bodies[i]);
            output.Write("\nendobj\n"u8);
        }

        long xref = output.Position;
        StringBuilder table = new();
        table.Append($"xref\n0 {bodies.Count + 1}\n0000000000 65535 f \n");
        foreach (long offset in offsets)
        {
            table.Append($"{offset:D10} 00000 n \n");
        }

        table.Append($"trailer\n<< /Size {bodies.Count + 1} /Root 1 0 R {trailerExtra} >>\nstartxref\n{xref}\n%%EOF\n");
        output.Write(Encoding.ASCII.GetBytes(table.ToString()));
        return output.ToArray();
    }

    private static byte[] Deflate(byte[] data)
    {
        using MemoryStream output = new();
        using (ZLibStream zlib = new(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
