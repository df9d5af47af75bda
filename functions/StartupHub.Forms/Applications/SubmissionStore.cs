using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using StartupHub.Forms.Security;
using StartupHub.Forms.Storage;

namespace StartupHub.Forms.Applications;

/// <summary>A file that passed the upload inspector, ready to be sealed and stored.</summary>
public sealed record NewAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Stores application and inquiry submissions: one sealed JSON object per submission
/// (<c>submissions/{formId}/{id}.json</c>), one sealed object per attachment
/// (<c>attachments/{formId}/{id}/{attachmentId}.pdf</c>) and one small counter object per form
/// (<c>counters/{formId}.json</c>, no personal data) that hands out receipt numbers.
/// </summary>
public sealed class SubmissionStore(IFormStore store, RecordSealer sealer, IOptions<FormsOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _counterGates = new(StringComparer.Ordinal);

    /// <summary>
    /// Stores a submission and returns it once it is durable. The write order is chosen so that whatever
    /// fails, nothing the caller has acknowledged is lost and nothing half-written is ever listed:
    /// <list type="number">
    /// <item>Attachments first, under the new submission's id. Until the record exists nothing refers to them;
    /// if a later step fails they are deleted (best effort — a leftover is invisible, sealed, and keyed by an
    /// id nobody was told).</item>
    /// <item>Then the receipt number is reserved on the counter with optimistic concurrency (read ETag → write
    /// If-Match, bounded retries). A failed or contended counter write throws before any record exists, so the
    /// caller answers 503 and the person resubmits; a write whose response was lost only leaves a gap in
    /// the numbering, never a duplicate number.</item>
    /// <item>Last, the record itself, with create-only semantics. It is the single commit point: once it is
    /// written the submission is durable and listed, and only then does the caller acknowledge it (201).
    /// If this write fails the reserved number stays unused (a gap), and the caller answers 503.</item>
    /// </list>
    /// Writing the record before the counter would need a record without a number, or a second write to
    /// add it, and a counter failure in between would leave a stored-but-unacknowledged submission that the
    /// person's retry would then duplicate.
    /// </summary>
    public async Task<SubmissionRecord> CreateAsync(
        ApplicationForm form, ValidSubmission submission, IReadOnlyList<NewAttachment> attachments, CancellationToken cancellationToken)
    {
        string id = NewId();
        DateTimeOffset now = time.GetUtcNow();
        List<SubmissionAttachment> stored = [];
        List<string> written = [];
        try
        {
            foreach (NewAttachment attachment in attachments)
            {
                string attachmentId = NewId();
                string key = AttachmentKey(form.Id, id, attachmentId);
                if (await store.TryCreateAsync(key, sealer.Seal(key, attachment.Content), cancellationToken) is null)
                {
                    throw new StorageUnavailableException("attachment id collision");
                }

                written.Add(key);
                stored.Add(new SubmissionAttachment(attachmentId, SafeFileName(attachment.FileName), attachment.ContentType,
                    attachment.Content.LongLength, Convert.ToHexStringLower(SHA256.HashData(attachment.Content))));
            }

            long sequence = await ReserveNumberAsync(form.Id, cancellationToken);
            SubmissionRecord record = new(
                id, form.Id, $"{form.NumberPrefix}-{sequence:D4}", now, SubmissionStatuses.Received, submission.CompanyId,
                submission.PurposeVersion, now, submission.Fields, stored, submission.ContactEmail, submission.ContactName);
            string recordKey = RecordKey(form.Id, id);
            if (await store.TryCreateAsync(recordKey, SealRecord(recordKey, record), cancellationToken) is null)
            {
                throw new StorageUnavailableException("submission id collision");
            }

            return record;
        }
        catch
        {
            foreach (string key in written)
            {
                try
                {
                    await store.DeleteAsync(key, CancellationToken.None);
                }
                catch (StorageUnavailableException)
                {
                    // Unreferenced and sealed; the retention purge removes it later.
                }
            }

            throw;
        }
    }

    public async IAsyncEnumerable<SubmissionRecord> ListAsync(string formId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!StorageKeys.IsSafeSegment(formId))
        {
            yield break;
        }

        string prefix = $"submissions/{formId}/";
        await foreach (string key in store.ListAsync(prefix, cancellationToken))
        {
            // Only direct children named {id}.json are submissions.
            string name = key[prefix.Length..];
            if (name.Contains('/', StringComparison.Ordinal) || !name.EndsWith(".json", StringComparison.Ordinal))
            {
                continue;
            }

            if (await store.ReadAsync(key, cancellationToken) is { } stored)
            {
                yield return OpenRecord(key, stored.Content.Span);
            }
        }
    }

    public async Task<SubmissionRecord?> GetAsync(string formId, string id, CancellationToken cancellationToken)
    {
        if (!StorageKeys.IsSafeSegment(formId) || !StorageKeys.IsSafeSegment(id))
        {
            return null;
        }

        string key = RecordKey(formId, id);
        return await store.ReadAsync(key, cancellationToken) is { } stored ? OpenRecord(key, stored.Content.Span) : null;
    }

    public async Task<AttachmentContent?> OpenAttachmentAsync(string formId, string id, string attachmentId, CancellationToken cancellationToken)
    {
        if (await GetAsync(formId, id, cancellationToken) is not { } record
            || record.Attachments.FirstOrDefault(a => string.Equals(a.Id, attachmentId, StringComparison.Ordinal)) is not { } attachment)
        {
            return null;
        }

        string key = AttachmentKey(formId, id, attachmentId);
        return await store.ReadAsync(key, cancellationToken) is { } stored
            ? new AttachmentContent(attachment.FileName, attachment.ContentType, sealer.Open(key, stored.Content.Span))
            : null;
    }

    /// <summary>Changes the review status (optimistic concurrency, bounded retries). Null when the submission does not exist.</summary>
    public async Task<SubmissionRecord?> SetStatusAsync(string formId, string id, string status, CancellationToken cancellationToken)
    {
        if (!SubmissionStatuses.IsKnown(status))
        {
            throw new ArgumentException($"unknown status '{status}'", nameof(status));
        }

        if (!StorageKeys.IsSafeSegment(formId) || !StorageKeys.IsSafeSegment(id))
        {
            return null;
        }

        string key = RecordKey(formId, id);
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (await store.ReadAsync(key, cancellationToken) is not { } stored)
            {
                return null;
            }

            SubmissionRecord updated = OpenRecord(key, stored.Content.Span) with { Status = status };
            if (await store.TryReplaceAsync(key, SealRecord(key, updated), stored.ETag, cancellationToken) is not null)
            {
                return updated;
            }
        }

        throw new StorageUnavailableException($"status of {formId}/{id} kept changing");
    }

    public static string RecordKey(string formId, string id) => $"submissions/{Checked(formId)}/{Checked(id)}.json";

    public static string AttachmentKey(string formId, string id, string attachmentId) =>
        $"attachments/{Checked(formId)}/{Checked(id)}/{Checked(attachmentId)}.pdf";

    public static string CounterKey(string formId) => $"counters/{Checked(formId)}.json";

    private int MaxAttempts => Math.Max(1, options.Value.Ledger.MaxAttempts);

    /// <summary>
    /// Reservations from this instance take turns per form, so the optimistic retries only ever compete with
    /// other instances; between those, a short jittered back-off keeps two instances from colliding in step.
    /// </summary>
    private async Task<long> ReserveNumberAsync(string formId, CancellationToken cancellationToken)
    {
        SemaphoreSlim gate = _counterGates.GetOrAdd(formId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await ReserveNumberOnceAsync(formId, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<long> ReserveNumberOnceAsync(string formId, CancellationToken cancellationToken)
    {
        string key = CounterKey(formId);
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25) * attempt), time, cancellationToken);
            }

            StoredObject? current = await store.ReadAsync(key, cancellationToken);
            if (current is null)
            {
                if (await store.TryCreateAsync(key, JsonSerializer.SerializeToUtf8Bytes(new Counter(1), FormsJson.Options), cancellationToken) is not null)
                {
                    return 1;
                }

                continue;
            }

            Counter counter = JsonSerializer.Deserialize<Counter>(current.Content.Span, FormsJson.Options)
                ?? throw new StorageUnavailableException($"counter {key} is empty");
            Counter next = new(counter.Last + 1);
            if (await store.TryReplaceAsync(key, JsonSerializer.SerializeToUtf8Bytes(next, FormsJson.Options), current.ETag, cancellationToken) is not null)
            {
                return next.Last;
            }
        }

        throw new StorageUnavailableException($"counter {key} stayed contended for {MaxAttempts} attempts");
    }

    private byte[] SealRecord(string key, SubmissionRecord record) =>
        sealer.Seal(key, JsonSerializer.SerializeToUtf8Bytes(record, FormsJson.Options));

    private SubmissionRecord OpenRecord(string key, ReadOnlySpan<byte> content) =>
        JsonSerializer.Deserialize<SubmissionRecord>(sealer.Open(key, content), FormsJson.Options)
            ?? throw new RecordSealException($"record {key} is empty");

    /// <summary>128 random bits, base64url: URL-safe, a safe storage segment, and unguessable.</summary>
    private static string NewId()
    {
        string id = FormSecrets.Base64Url(RandomNumberGenerator.GetBytes(16));
        // A leading '-' or '_' is safe for storage but awkward in shells and URLs people copy; keep ids alphanumeric-first.
        return char.IsAsciiLetterOrDigit(id[0]) ? id : "s" + id[1..];
    }

    /// <summary>The client's name is kept for display only: last path segment, no control characters, bounded.</summary>
    internal static string SafeFileName(string? fileName)
    {
        string name = Path.GetFileName((fileName ?? "").Replace('\\', '/').Split('/')[^1]);
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?')).ToArray()).Trim();
        if (name.Length > 120)
        {
            name = name[^120..];
        }

        return name.Length == 0 || name.StartsWith('.') ? "pitch-deck.pdf" : name;
    }

    private static string Checked(string segment) =>
        StorageKeys.IsSafeSegment(segment) ? segment : throw new ArgumentException($"unsafe storage key segment '{segment}'", nameof(segment));

    private sealed record Counter(long Last);
}
