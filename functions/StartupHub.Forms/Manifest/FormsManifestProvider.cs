using System.Text.Json;
using Microsoft.Extensions.Options;

namespace StartupHub.Forms.Manifest;

/// <summary>Supplies the current manifest to the handlers.</summary>
public interface IFormsManifestProvider
{
    /// <exception cref="ManifestUnavailableException">The manifest is missing or unreadable.</exception>
    FormsManifest GetManifest();
}

public sealed class ManifestUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Reads the manifest JSON from disk and re-reads it when the file changes, so `serve` picks up a fresh
/// site build without a restart. The file's timestamp is checked at most once a second, not on every
/// request (measured under load: the stat and its lock were a visible share of a registration's CPU).
/// </summary>
public sealed class FileFormsManifestProvider(IOptions<FormsOptions> options, TimeProvider? time = null) : IFormsManifestProvider
{
    private static readonly TimeSpan RecheckEvery = TimeSpan.FromSeconds(1);
    private readonly string _path = Path.GetFullPath(options.Value.ManifestPath);
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private volatile Cached? _cached;

    public FormsManifest GetManifest()
    {
        if (_cached is { } fresh && _time.GetElapsedTime(fresh.CheckedAt) < RecheckEvery)
        {
            return fresh.Manifest;
        }

        FileInfo file = new(_path);
        if (!file.Exists)
        {
            throw new ManifestUnavailableException($"forms manifest not found at {_path}");
        }

        lock (_gate)
        {
            long now = _time.GetTimestamp();
            if (_cached is { } c && c.WrittenUtc == file.LastWriteTimeUtc && c.Length == file.Length)
            {
                _cached = c with { CheckedAt = now };
                return c.Manifest;
            }

            try
            {
                FormsManifest manifest = FormsManifestReader.Parse(File.ReadAllBytes(_path));
                _cached = new Cached(file.LastWriteTimeUtc, file.Length, manifest, now);
                return manifest;
            }
            catch (Exception ex) when (ex is IOException or JsonException or FormatException)
            {
                // A half-written file during a site rebuild: keep serving the last good manifest.
                if (_cached is { } last)
                {
                    return last.Manifest;
                }

                throw new ManifestUnavailableException($"forms manifest at {_path} is unreadable", ex);
            }
        }
    }

    private sealed record Cached(DateTime WrittenUtc, long Length, FormsManifest Manifest, long CheckedAt);
}

/// <summary>Parses exactly the shape documented in docs/forms-manifest.md.</summary>
public static class FormsManifestReader
{
    public const int SupportedSchema = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = false,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

    public static FormsManifest Parse(ReadOnlySpan<byte> utf8Json)
    {
        FormsManifest manifest = JsonSerializer.Deserialize<FormsManifest>(utf8Json, Json)
            ?? throw new FormatException("forms manifest is empty");
        if (manifest.Schema != SupportedSchema)
        {
            throw new FormatException($"forms manifest schema {manifest.Schema} is not supported (expected {SupportedSchema})");
        }

        // Missing arrays are treated as empty so an event-less site still answers 404s, not 500s.
        manifest = manifest with
        {
            Events = manifest.Events ?? [],
            Forms = manifest.Forms ?? [],
            Companies = manifest.Companies ?? [],
        };
        foreach (ManifestEvent e in manifest.Events)
        {
            if (string.IsNullOrWhiteSpace(e.Id) || !Storage.StorageKeys.IsSafeSegment(e.Id))
            {
                throw new FormatException($"event id '{e.Id}' is not a safe identifier");
            }

            foreach (ManifestSession s in e.Sessions ?? [])
            {
                if (s.AcceptsRegistration && s.Capacity is null or < 0)
                {
                    throw new FormatException($"session {e.Id}/{s.Id} accepts registrations but has no capacity");
                }
            }
        }

        return manifest with
        {
            Events = manifest.Events.Select(e => e with { Sessions = e.Sessions ?? [] }).ToList(),
        };
    }
}
