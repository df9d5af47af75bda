using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace StartupHub.Forms.Http;

/// <summary>An uploaded file, read into memory up to the upload cap (never more).</summary>
/// <param name="TooLarge">True when the part was longer than the cap; <paramref name="Content"/> is then empty.</param>
public sealed record PostedFile(string FieldName, string FileName, byte[] Content, bool TooLarge);

/// <summary>The fields of a submission, whatever the body type, with repeated fields kept in order.</summary>
public sealed record PostedForm(IReadOnlyDictionary<string, IReadOnlyList<string>> Fields, PostedFile? File)
{
    /// <summary>The first value of each field (the application forms have no repeated fields).</summary>
    public IReadOnlyDictionary<string, string> FirstValues() =>
        Fields.Where(f => f.Value.Count > 0).ToDictionary(f => f.Key, f => f.Value[0], StringComparer.Ordinal);

    public string? First(string name) => Fields.TryGetValue(name, out IReadOnlyList<string>? values) && values.Count > 0 ? values[0] : null;
}

/// <summary>Either the posted form or the problem that refused it.</summary>
public sealed record PostedFormRead(PostedForm? Form, JsonBodyResult? Rejected);

/// <summary>
/// Reads a form submission from any of the three body types: JSON (an object of scalar values),
/// application/x-www-form-urlencoded, or multipart/form-data. Multipart is read streaming with
/// <see cref="MultipartReader"/> through a counting stream with a hard cap: a declared Content-Length over
/// the cap is refused before reading, and a body without one is cut off at the cap. At most one file
/// part (the one the form expects) is kept, in memory, up to the upload cap.
/// </summary>
public static class FormPostReader
{
    private const int MaxFields = 100;

    public static bool IsFormPost(HttpRequest request) => MediaType(request) is "application/x-www-form-urlencoded" or "multipart/form-data";

    /// <summary>A no-JS post: a form body from a page that did not ask for JSON (the JS pages send Accept: application/json).</summary>
    public static bool IsNoScriptPost(HttpRequest request) =>
        IsFormPost(request) && !request.Headers.Accept.Any(a => a is not null && a.Contains("application/json", StringComparison.OrdinalIgnoreCase));

    public static async Task<PostedFormRead> ReadAsync(
        HttpRequest request, int maxFieldsBytes, int maxUploadBytes, long maxMultipartBytes, string? fileField, CancellationToken cancellationToken)
    {
        try
        {
            switch (MediaType(request))
            {
                case "application/json" when RequestBodyReader.IsJson(request):
                    byte[]? json = await RequestBodyReader.ReadCappedAsync(request, maxFieldsBytes, cancellationToken);
                    return json is null ? Rejected(TooLarge(maxFieldsBytes)) : FromJson(json);
                case "application/x-www-form-urlencoded":
                    byte[]? encoded = await RequestBodyReader.ReadCappedAsync(request, maxFieldsBytes, cancellationToken);
                    return encoded is null ? Rejected(TooLarge(maxFieldsBytes)) : FromUrlEncoded(encoded);
                case "multipart/form-data":
                    return await FromMultipartAsync(request, maxFieldsBytes, maxUploadBytes, maxMultipartBytes, fileField, cancellationToken);
                default:
                    return Rejected(Problems.Create(415, "unsupported-media-type", "この形式の送信には対応していません。",
                        "application/json、application/x-www-form-urlencoded または multipart/form-data（UTF-8）で送信してください。"));
            }
        }
        catch (InvalidDataException)
        {
            // Malformed multipart framing, too many fields, or an over-long part header.
            return Rejected(Malformed());
        }
        catch (BodyCapExceededException)
        {
            return Rejected(TooLarge(maxMultipartBytes));
        }
    }

    /// <summary>The JSON body a form post amounts to, for handlers that take JSON (event registration).</summary>
    public static byte[] ToJson(object value) => JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), FormsJson.Options);

    private static PostedFormRead FromJson(byte[] body)
    {
        Dictionary<string, IReadOnlyList<string>> fields = new(StringComparer.Ordinal);
        try
        {
            using JsonDocument document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 4 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Rejected(Problems.MalformedJson());
            }

            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                string? value = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Number => property.Value.GetRawText(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    JsonValueKind.Null => null,
                    _ => throw new JsonException("nested values are not part of any form"),
                };
                if (value is not null && fields.Count < MaxFields)
                {
                    fields[property.Name] = [value];
                }
            }
        }
        catch (JsonException)
        {
            return Rejected(Problems.MalformedJson());
        }

        return new PostedFormRead(new PostedForm(fields, null), null);
    }

    private static PostedFormRead FromUrlEncoded(byte[] body)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return Rejected(Malformed());
        }

        using FormReader reader = new(text) { ValueCountLimit = MaxFields };
        Dictionary<string, StringValues> parsed = reader.ReadForm();
        return new PostedFormRead(new PostedForm(parsed.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.Select(v => v ?? "").ToList(), StringComparer.Ordinal), null), null);
    }

    private static async Task<PostedFormRead> FromMultipartAsync(
        HttpRequest request, int maxFieldsBytes, int maxUploadBytes, long maxMultipartBytes, string? fileField, CancellationToken cancellationToken)
    {
        if (request.ContentLength is long declared && declared > maxMultipartBytes)
        {
            return Rejected(TooLarge(maxMultipartBytes));
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out MediaTypeHeaderValue? type)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 70 } boundary)
        {
            return Rejected(Malformed());
        }

        await using CappedReadStream body = new(request.Body, maxMultipartBytes);
        MultipartReader reader = new(boundary, body) { HeadersCountLimit = 8, HeadersLengthLimit = 4096 };
        Dictionary<string, List<string>> fields = new(StringComparer.Ordinal);
        PostedFile? file = null;
        int fieldBytes = 0;
        int parts = 0;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (++parts > MaxFields || !ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out ContentDispositionHeaderValue? disposition)
                || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
            {
                return Rejected(Malformed());
            }

            string name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (disposition.IsFileDisposition())
            {
                if (file is null && fileField is not null && string.Equals(name, fileField, StringComparison.Ordinal))
                {
                    string fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
                    (byte[]? content, bool tooLarge) = await ReadPartAsync(section.Body, maxUploadBytes, cancellationToken);
                    file = new PostedFile(name, fileName, content ?? [], tooLarge);
                }
                else
                {
                    // A file nobody asked for: read past it (still counted against the cap), keep nothing.
                    await section.Body.CopyToAsync(Stream.Null, cancellationToken);
                }

                continue;
            }

            (byte[]? value, bool overflow) = await ReadPartAsync(section.Body, maxFieldsBytes - fieldBytes, cancellationToken);
            if (overflow || value is null)
            {
                return Rejected(TooLarge(maxFieldsBytes));
            }

            fieldBytes += value.Length;
            string text;
            try
            {
                text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(value);
            }
            catch (DecoderFallbackException)
            {
                return Rejected(Malformed());
            }

            if (!fields.TryGetValue(name, out List<string>? values))
            {
                fields[name] = values = [];
            }

            values.Add(text);
        }

        return new PostedFormRead(new PostedForm(fields.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value, StringComparer.Ordinal), file), null);
    }

    /// <summary>Reads a part up to <paramref name="max"/> bytes; past that, drains it and reports it as too large.</summary>
    private static async Task<(byte[]? Content, bool TooLarge)> ReadPartAsync(Stream part, int max, CancellationToken cancellationToken)
    {
        using MemoryStream buffer = new();
        byte[] chunk = new byte[64 * 1024];
        int read;
        while ((read = await part.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
            {
                await part.CopyToAsync(Stream.Null, cancellationToken);
                return (null, true);
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.ToArray(), false);
    }

    private static string? MediaType(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out MediaTypeHeaderValue? type) ? type.MediaType.Value?.ToLowerInvariant() : null;

    private static PostedFormRead Rejected(JsonBodyResult problem) => new(null, problem);

    private static JsonBodyResult Malformed() =>
        Problems.Create(400, "malformed-body", "送信内容を読み取れませんでした。", "ページを再読み込みして、もう一度お試しください。");

    private static JsonBodyResult TooLarge(long maxBytes) =>
        Problems.Create(413, "payload-too-large", "送信内容が大きすぎます。",
            maxBytes >= 1024 * 1024
                ? $"送信できる内容は合計{maxBytes / (1024 * 1024)}MB程度までです。添付ファイルを小さくしてください。"
                : $"送信できる内容は{maxBytes / 1024}KBまでです。入力内容を短くしてください。");
}
