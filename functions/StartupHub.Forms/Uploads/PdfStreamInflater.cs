using System.IO.Compression;

namespace StartupHub.Forms.Uploads;

/// <summary>
/// Inflates FlateDecode stream data with a hard output cap, so a few kilobytes that expand to gigabytes
/// (a zip bomb) cost at most the cap in memory and time. Returns null when the data is not valid zlib or
/// would exceed the cap.
/// </summary>
internal static class PdfStreamInflater
{
    public static byte[]? Inflate(ReadOnlySpan<byte> compressed, int maxOutputBytes)
    {
        try
        {
            using MemoryStream input = new(compressed.ToArray(), writable: false);
            using ZLibStream zlib = new(input, CompressionMode.Decompress);
            using MemoryStream output = new();
            byte[] buffer = new byte[16 * 1024];
            int read;
            while ((read = zlib.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + read > maxOutputBytes)
                {
                    return null;
                }

                output.Write(buffer, 0, read);
            }

            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
