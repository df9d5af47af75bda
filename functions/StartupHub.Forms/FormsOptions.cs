namespace StartupHub.Forms;

/// <summary>
/// Configuration section "Forms" (environment variables: Forms__ManifestPath, Forms__Storage__ConnectionString, ...).
/// </summary>
public sealed class FormsOptions
{
    public const string SectionName = "Forms";

    /// <summary>Forms:ManifestPath — the forms-manifest.json the site build emits.</summary>
    public string ManifestPath { get; set; } = "_site/forms-manifest.json";

    /// <summary>Forms:HmacSecret — signs form-issue times, cancellation tokens and email fingerprints.
    /// At least 32 characters. Required with Azure storage; the local store generates and keeps one.</summary>
    public string? HmacSecret { get; set; }

    /// <summary>Forms:MaxBodyBytes — larger request bodies answer 413.</summary>
    public int MaxBodyBytes { get; set; } = 16 * 1024;

    /// <summary>Forms:MinimumFillSeconds — submissions faster than this after the form was issued are refused.</summary>
    public double MinimumFillSeconds { get; set; } = 3;

    /// <summary>Forms:MaximumFormAgeHours — form-issue tokens older than this are refused.</summary>
    public double MaximumFormAgeHours { get; set; } = 24;

    /// <summary>Forms:AvailabilityMaxAgeSeconds — how long browsers and CDNs may cache availability.</summary>
    public int AvailabilityMaxAgeSeconds { get; set; } = 5;

    public FormsStorageOptions Storage { get; set; } = new();

    public FormsRateLimitOptions RateLimit { get; set; } = new();

    public ClientAddressOptions ClientAddress { get; set; } = new();

    public LedgerOptions Ledger { get; set; } = new();

    public FormsEncryptionOptions Encryption { get; set; } = new();

    /// <summary>Forms:Mail — confirmation e-mails (docs/notifications.md).</summary>
    public Notifications.FormsMailOptions Mail { get; set; } = new();

    public FormPostOptions FormPosts { get; set; } = new();

    public ApplicationFormOptions Applications { get; set; } = new();

    public Audit.AuditOptions Audit { get; set; } = new();

    public Security.SheddingOptions Shedding { get; set; } = new();
}

public sealed class FormsEncryptionOptions
{
    /// <summary>Forms:Encryption:Keys:{id} — key-encryption keys, base64 of 32 random bytes each (from Key Vault
    /// references in production). Keep retired ids until every record sealed under them is deleted.</summary>
    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Forms:Encryption:ActiveKeyId — the key new records are sealed under.</summary>
    public string? ActiveKeyId { get; set; }
}

public sealed class FormsStorageOptions
{
    /// <summary>Forms:Storage:ConnectionString — Azure Storage connection string; empty means the local folder store.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Forms:Storage:Container — blob container name.</summary>
    public string Container { get; set; } = "forms";

    /// <summary>Forms:Storage:LocalPath — folder for the local store, relative to the working directory.</summary>
    public string LocalPath { get; set; } = ".data/forms";
}

public sealed class FormsRateLimitOptions
{
    /// <summary>Forms:RateLimit:PermitsPerMinute — sustained requests per client per minute.</summary>
    public int PermitsPerMinute { get; set; } = 30;

    /// <summary>Forms:RateLimit:Burst — requests a client may make at once before the per-minute rate applies.</summary>
    public int Burst { get; set; } = 10;
}

public sealed class ClientAddressOptions
{
    /// <summary>Forms:ClientAddress:ForwardedHeader — the header the platform's front end appends the client
    /// address to (X-Forwarded-For on Azure Functions). Empty means use the TCP peer (local host).</summary>
    public string? ForwardedHeader { get; set; }

    /// <summary>Forms:ClientAddress:TrustedProxies — how many entries at the right of the header were added by
    /// proxies we control. Only those are trusted; anything to their left was written by the client.</summary>
    public int TrustedProxies { get; set; } = 1;
}

public sealed class LedgerOptions
{
    /// <summary>Forms:Ledger:MaxAttempts — optimistic-concurrency attempts before answering 503.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Forms:Ledger:MaxBatch — registrations committed together in one ledger write.</summary>
    public int MaxBatch { get; set; } = 256;

    /// <summary>Forms:Ledger:SnapshotEvery — a full ledger snapshot is written (in the background) every this
    /// many journal versions, so loading an event reads one snapshot plus at most this many entries.</summary>
    public int SnapshotEvery { get; set; } = 64;

    /// <summary>Forms:Ledger:SnapshotQuietMilliseconds — a due snapshot waits until the event's writes pause this
    /// long (a 2 MB snapshot written during a rush competed with the registrations: about 25 ms of the load test's
    /// p99), but never beyond 8 × <see cref="SnapshotEvery"/> versions. 0 writes it as soon as it is due.</summary>
    public int SnapshotQuietMilliseconds { get; set; } = 1000;

    /// <summary>Forms:Ledger:CommitPacingMilliseconds — while batches hold more than one change, an event's
    /// ledger writes start at most this often, so a busy event makes fewer, larger writes. 0 turns it off.
    /// 10 since session 10: at 1,200 registrations/s it shortened the wait for the next write (p50 12-13 against
    /// 18 ms in alternating pairs) and, with one core taken by another process, kept p99 under 50 ms in all 6
    /// alternating runs, where 20 missed in two of four and 5 (more writes) in one of two (docs/forms-api.md,
    /// "Measured, session 10").</summary>
    public int CommitPacingMilliseconds { get; set; } = 10;
}

public sealed class FormPostOptions
{
    /// <summary>Forms:FormPosts:TokenlessPermitsPerMinute — no-JS form posts without a form_token (a page without
    /// JavaScript cannot fetch one) are accepted only with an empty honeypot and under this much stricter
    /// per-client limit, shared by all forms.</summary>
    public int TokenlessPermitsPerMinute { get; set; } = 2;

    /// <summary>Forms:FormPosts:TokenlessBurst — tokenless form posts a client may make at once.</summary>
    public int TokenlessBurst { get; set; } = 3;
}

public sealed class ApplicationFormOptions
{
    /// <summary>Forms:Applications:MaxFieldsBytes — the text fields of one application (JSON, form-encoded or
    /// the non-file parts of multipart) may not exceed this; larger answers 413.</summary>
    public int MaxFieldsBytes { get; set; } = 64 * 1024;

    /// <summary>Forms:Applications:MaxUploadBytes — the largest PDF accepted (10 MB).</summary>
    public int MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The hard cap of a multipart request: one file, the fields and room for part headers.</summary>
    public long MaxMultipartBytes => (long)MaxUploadBytes + MaxFieldsBytes + (32 * 1024);
}
