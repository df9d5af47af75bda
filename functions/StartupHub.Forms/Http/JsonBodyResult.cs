using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace StartupHub.Forms.Http;

/// <summary>
/// Writes a JSON body with the forms' own serializer settings. Used instead of Results.Json so the answer
/// is byte-for-byte the same whether the host is the Functions worker or the local server, whatever JSON
/// options those hosts configure for themselves.
/// </summary>
public sealed class JsonBodyResult(object value, int statusCode, string contentType = "application/json; charset=utf-8") : IResult, IStatusCodeHttpResult
{
    private readonly List<KeyValuePair<string, string>> _headers = [];

    public int? StatusCode => statusCode;

    public object Value => value;

    public JsonBodyResult WithHeader(string name, string headerValue)
    {
        _headers.Add(new(name, headerValue));
        return this;
    }

    public IReadOnlyList<KeyValuePair<string, string>> Headers => _headers;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        HttpResponse response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = contentType;
        response.Headers.XContentTypeOptions = "nosniff";
        if (!_headers.Any(h => string.Equals(h.Key, "Cache-Control", StringComparison.OrdinalIgnoreCase)))
        {
            response.Headers.CacheControl = "no-store";
        }

        foreach ((string name, string headerValue) in _headers)
        {
            response.Headers[name] = headerValue;
        }

        // Answers are small: serialised in one piece with a Content-Length, so neither side deals with
        // chunked framing (measured: chunked writes were a visible share of a registration's CPU).
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), FormsJson.Options);
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }
}
