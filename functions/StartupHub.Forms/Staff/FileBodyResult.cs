using System.Text;
using Microsoft.AspNetCore.Http;

namespace StartupHub.Forms.Staff;

/// <summary>
/// A download: the bytes with <c>Content-Disposition: attachment</c> (an ASCII fallback name plus the real name
/// as RFC 5987 <c>filename*=UTF-8''…</c>, so Japanese names survive), <c>X-Content-Type-Options: nosniff</c>
/// (a browser must never render a download as HTML) and <c>Cache-Control: no-store</c> (personal data).
/// </summary>
public sealed class FileBodyResult(byte[] content, string contentType, string fileName) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => 200;

    public string ContentType => contentType;

    public string FileName => fileName;

    public ReadOnlyMemory<byte> Content => content;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        HttpResponse response = httpContext.Response;
        response.StatusCode = 200;
        response.ContentType = contentType;
        response.ContentLength = content.Length;
        response.Headers.ContentDisposition = ContentDisposition(fileName);
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-store";
        return response.Body.WriteAsync(content, httpContext.RequestAborted).AsTask();
    }

    public static string ContentDisposition(string fileName) =>
        $"attachment; filename=\"{AsciiFallback(fileName)}\"; filename*=UTF-8''{Rfc5987(fileName)}";

    /// <summary>RFC 5987 ext-value: attr-chars as they are, every other UTF-8 byte as %XX.</summary>
    public static string Rfc5987(string value)
    {
        StringBuilder encoded = new();
        foreach (byte b in Encoding.UTF8.GetBytes(value))
        {
            char c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || "!#$&+-.^_`|~".Contains(c, StringComparison.Ordinal))
            {
                encoded.Append(c);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }

    /// <summary>For old clients: printable ASCII without quote or backslash; anything else becomes "_".</summary>
    public static string AsciiFallback(string value)
    {
        string ascii = new([.. value.Select(c => c is >= ' ' and <= '~' and not ('"' or '\\' or '%' or ';') ? c : '_')]);
        return ascii.Trim().Length == 0 ? "download" : ascii;
    }
}
