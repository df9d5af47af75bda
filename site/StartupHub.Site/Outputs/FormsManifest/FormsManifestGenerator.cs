using System.Text.Encodings.Web;
using System.Text.Json;
using StartupHub.Site.Build;
using StartupHub.Site.Content;
using StartupHub.Site.Outputs.Common;

namespace StartupHub.Site.Outputs.FormsManifest;

/// <summary>
/// /forms-manifest.json: the only contract between the site and the forms API (docs/forms-manifest.md,
/// schema in docs/forms-manifest.schema.json). Capacities, sessions and registration windows are written
/// once, in each event's YAML, and reach the API only through this file. Written by hand with
/// <see cref="Utf8JsonWriter"/> so every property name and time format is exactly the documented one.
/// </summary>
public sealed class FormsManifestGenerator : IOutputGenerator
{
    public const string OutputPath = "forms-manifest.json";

    /// <summary>Bump when the shape changes incompatibly; the API refuses a schema it does not know.</summary>
    public const int SchemaVersion = 1;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        // A standalone .json file, not embedded in HTML: keep Japanese and "+09:00" readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Name => "forms-manifest";

    private readonly LastOutput _last = new();

    public IEnumerable<OutputFile> Generate(OutputContext context)
    {
        // Everything the file is made of: a rebuild for a news edit hands back the same bytes.
        var content = context.Content;
        object?[] key = [context.Now, context.BaseUrl.AbsoluteUri, content.Settings, .. content.Venues, .. content.Events, .. content.Forms, .. content.Companies];
        yield return new OutputFile(OutputPath, _last.Reuse(key, () => Write(context)));
    }

    private static byte[] Write(OutputContext context)
    {
        var content = context.Content;
        // Written straight into pooled chunks: the writer's own buffer and a MemoryStream both grow by doubling.
        using var stream = new ChunkedBuffer();
        using (var json = new Utf8JsonWriter((System.Buffers.IBufferWriter<byte>)stream, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteNumber("schema", SchemaVersion);
            json.WriteString("generated_at", Jst.IsoUtc(context.Now));
            json.WriteBoolean("forms_open", content.Settings.Forms == FormsMode.Open);
            WriteSite(json, content.Settings, context.BaseUrl);

            var venues = content.Venues.ToDictionary(v => v.Id, StringComparer.Ordinal);
            json.WriteStartArray("events");
            foreach (var e in content.Events.OrderBy(e => e.Start).ThenBy(e => e.Slug, StringComparer.Ordinal))
            {
                WriteEvent(json, e, venues.GetValueOrDefault(e.Venue));
            }

            json.WriteEndArray();

            json.WriteStartArray("forms");
            foreach (var form in content.Forms.OrderBy(f => f.Slug, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("id", form.Slug);
                json.WriteString("kind", OutputLabels.Kebab(form.Kind));
                json.WriteString("title", form.Title);
                WriteTimeOrNull(json, "opens", form.Opens);
                WriteTimeOrNull(json, "closes", form.Closes);
                json.WriteString("purpose_version", form.PurposeVersion);
                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartArray("companies");
            foreach (var company in content.Companies.OrderBy(c => c.Slug, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("id", company.Slug);
                json.WriteString("name", company.Name);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    /// <summary>What the API's confirmation e-mails need: the site's name and absolute address (cancellation
    /// links in mails must be absolute), whom to contact, and the staff mailbox for notices. The base URL is
    /// the build's (serve uses its own address), so links in locally sent mails lead to the local server.</summary>
    private static void WriteSite(Utf8JsonWriter json, SiteSettings settings, Uri baseUrl)
    {
        json.WriteStartObject("site");
        json.WriteString("title", settings.Title);
        json.WriteString("base_url", baseUrl.IsAbsoluteUri ? baseUrl.AbsoluteUri : baseUrl.OriginalString);
        json.WriteStartObject("contact");
        json.WriteString("name", (settings.Operator ?? settings.Organiser).Name);
        WriteStringOrNull(json, "email", settings.Contact?.Email);
        WriteStringOrNull(json, "phone", settings.Contact?.Phone);
        WriteStringOrNull(json, "hours", settings.Contact?.Hours);
        json.WriteEndObject();
        WriteStringOrNull(json, "notify_email", settings.NotifyEmail);
        json.WriteEndObject();
    }

    private static void WriteEvent(Utf8JsonWriter json, Event e, Venue? venue)
    {
        json.WriteStartObject();
        json.WriteString("id", e.Slug);
        json.WriteString("title", e.Title);
        json.WriteString("city", OutputLabels.Kebab(e.City));
        json.WriteString("series", OutputLabels.Kebab(e.Series));
        json.WriteString("url", SiteUrls.EventPath(e));
        json.WriteString("start", Jst.Iso(e.Start));
        json.WriteString("end", Jst.Iso(e.End));
        json.WriteString("status", OutputLabels.Kebab(e.Status));
        if (venue is not null)
        {
            json.WriteStartObject("venue");
            json.WriteString("name", venue.Name);
            json.WriteString("address", venue.Address);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("venue");
        }

        if (e.Registration is { } window)
        {
            json.WriteStartObject("registration");
            json.WriteString("opens", Jst.Iso(window.Opens));
            json.WriteString("closes", Jst.Iso(window.Closes));
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("registration");
        }

        json.WriteStartArray("sessions");
        foreach (var session in e.Sessions)
        {
            json.WriteStartObject();
            json.WriteString("id", session.Id);
            json.WriteString("kind", OutputLabels.Kebab(session.Kind));
            json.WriteString("title", session.Title);
            json.WriteString("start", Jst.Iso(session.Start));
            json.WriteString("end", Jst.Iso(session.End));
            json.WriteNumber("capacity", session.Capacity);
            json.WriteBoolean("registration", session.Registration);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteStringOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteTimeOrNull(Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            json.WriteString(name, Jst.Iso(time));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
