using System.Security.Cryptography;
using System.Text.Json;
using StartupHub.Forms.Applications;
using StartupHub.Forms.Audit;
using StartupHub.Forms.Registration;
using StartupHub.Forms.Registration.Journal;
using StartupHub.Forms.Security;
using StartupHub.Forms.Storage;

namespace StartupHub.Forms.Retention;

/// <summary>What an export wrote: counts per form and every file with its size and SHA-256.</summary>
public sealed record ExportManifest(
    DateTimeOffset GeneratedAt,
    string Source,
    IReadOnlyDictionary<string, int> Registrations,
    IReadOnlyDictionary<string, int> Applications,
    int Attachments,
    IReadOnlyList<ExportedFile> Files);

public sealed record ExportedFile(string Path, long Bytes, string Sha256);

/// <summary>
/// The hand-over at the end of the contract (spec 4.3): decrypts every personal record into a folder —
/// one JSON file per event (registrations, from the ledgers and their sealed record batches) and per
/// application form (submissions), the attachments as files, and <c>manifest.json</c> with the counts and
/// the SHA-256 of every file, so the recipient can check the copy is complete. The folder holds personal
/// data in plaintext: it is for the hand-over only, and an "export" entry goes to the audit log.
/// </summary>
public sealed class FormsDataExporter(IFormStore store, RecordSealer sealer, SubmissionStore submissions, IAuditLog audit, TimeProvider time)
{
    private static readonly JsonSerializerOptions Indented = new(FormsJson.Options) { WriteIndented = true };

    /// <param name="folder">Must not exist yet or be empty: an export never mixes with older files.</param>
    /// <param name="source">The container or folder the data came from (for the manifest).</param>
    public async Task<ExportManifest> ExportAsync(string folder, string source, CancellationToken cancellationToken)
    {
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new IOException($"the export folder {folder} is not empty");
        }

        Directory.CreateDirectory(folder);
        DateTimeOffset started = time.GetUtcNow();
        List<ExportedFile> files = [];
        Dictionary<string, int> registrations = new(StringComparer.Ordinal);
        Dictionary<string, int> applications = new(StringComparer.Ordinal);
        int attachments = 0;

        LedgerJournal journal = new(store);
        foreach (string eventId in await journal.ListEventIdsAsync(cancellationToken))
        {
            if (await journal.LoadAsync(eventId, cancellationToken) is not { } ledger)
            {
                continue;
            }

            Dictionary<string, EventRegistrationRecord> records = await RegistrationRecords.ReadAllAsync(store, sealer, ledger, cancellationToken);
            List<ExportedRegistration> rows = ledger.Registrations.Keys.Order(StringComparer.Ordinal).Select(id =>
            {
                RegistrationView view = LedgerRules.ViewOf(ledger, id);
                return new ExportedRegistration(id, view.Number, view.OverallStatus, view, records.GetValueOrDefault(id));
            }).ToList();
            files.Add(await WriteJsonAsync(folder, $"registrations/{ledger.EventId}.json", new { event_id = ledger.EventId, registrations = rows }, cancellationToken));
            registrations[ledger.EventId] = rows.Count;
        }

        foreach (string formId in await ApplicationFormIdsAsync(cancellationToken))
        {
            List<SubmissionRecord> list = [];
            await foreach (SubmissionRecord record in submissions.ListAsync(formId, cancellationToken))
            {
                list.Add(record);
                foreach (SubmissionAttachment attachment in record.Attachments)
                {
                    if (await submissions.OpenAttachmentAsync(formId, record.Id, attachment.Id, cancellationToken) is { } content)
                    {
                        string path = $"attachments/{formId}/{record.Id}/{attachment.Id}-{SafeFileName(content.FileName)}";
                        files.Add(await WriteBytesAsync(folder, path, content.Content, cancellationToken));
                        attachments++;
                    }
                }
            }

            files.Add(await WriteJsonAsync(folder, $"applications/{formId}.json", new { form_id = formId, submissions = list }, cancellationToken));
            applications[formId] = list.Count;
        }

        ExportManifest manifest = new(started, source, registrations, applications, attachments, files);
        await File.WriteAllBytesAsync(Path.Combine(folder, "manifest.json"), JsonSerializer.SerializeToUtf8Bytes(manifest, Indented), cancellationToken);
        await audit.AppendAsync(new AuditEvent("export", "system", "hand-over", "system", new Dictionary<string, string>
        {
            ["registrations"] = registrations.Values.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["applications"] = applications.Values.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["attachments"] = attachments.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["files"] = files.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["tool"] = "cli",
        }), cancellationToken);
        return manifest;
    }

    /// <summary>The application forms that have submissions (every folder under submissions/ but event registration's).</summary>
    private async Task<List<string>> ApplicationFormIdsAsync(CancellationToken cancellationToken)
    {
        SortedSet<string> ids = new(StringComparer.Ordinal);
        await foreach (string key in store.ListAsync("submissions/", cancellationToken))
        {
            string[] parts = key.Split('/');
            if (parts.Length >= 3 && parts[1] != StorageKeys.EventRegistrationForm)
            {
                ids.Add(parts[1]);
            }
        }

        return [.. ids];
    }

    private static Task<ExportedFile> WriteJsonAsync(string folder, string path, object value, CancellationToken cancellationToken) =>
        WriteBytesAsync(folder, path, JsonSerializer.SerializeToUtf8Bytes(value, Indented), cancellationToken);

    private static async Task<ExportedFile> WriteBytesAsync(string folder, string path, byte[] content, CancellationToken cancellationToken)
    {
        string full = Path.Combine(folder, path.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllBytesAsync(full, content, cancellationToken);
        return new ExportedFile(path, content.Length, Convert.ToHexStringLower(SHA256.HashData(content)));
    }

    private static string SafeFileName(string name)
    {
        string cleaned = new(Path.GetFileName(name).Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '/' or '\\' ? '_' : c).ToArray());
        return cleaned.Length is 0 or > 120 ? "attachment.pdf" : cleaned;
    }

    private sealed record ExportedRegistration(string RegistrationId, string Number, string Status, RegistrationView Ledger, EventRegistrationRecord? Record);
}
