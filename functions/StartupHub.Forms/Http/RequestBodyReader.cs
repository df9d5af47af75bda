using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace StartupHub.Forms.Http;

/// <summary>Reads a JSON body with a hard size cap, before anything is parsed.</summary>
internal static class RequestBodyReader
{
    public static bool IsJson(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out MediaTypeHeaderValue? mediaType))
        {
            return false;
        }

        bool json = mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);
        bool utf8 = !mediaType.Charset.HasValue || mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase);
        return json && utf8;
    }

    /// <summary>Returns the body, or null when it is larger than <paramref name="maxBytes"/> (declared or actual).</summary>
    public static async Task<byte[]?> ReadCappedAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength is long declared && declared > maxBytes)
        {
            return null;
        }

        // Chunked bodies have no declared length, so count while reading and stop one byte past the cap. The buffer is
        // pooled: a fresh cap-sized array per request was the largest allocation of the load test (143 MB in a run).
        byte[] buffer = ArrayPool<byte>.Shared.Rent(maxBytes + 1);
        int total = 0;
        try
        {
            while (total <= maxBytes)
            {
                int read = await request.Body.ReadAsync(buffer.AsMemory(total, maxBytes + 1 - total), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            return total > maxBytes ? null : buffer.AsSpan(0, total).ToArray();
        }
        finally
        {
            // Bodies hold personal data: nothing of one is left in the shared pool for whoever rents the array next.
            buffer.AsSpan(0, Math.Min(total, buffer.Length)).Clear();
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
