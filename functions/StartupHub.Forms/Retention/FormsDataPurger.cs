using Microsoft.Extensions.Logging.Abstractions;
using StartupHub.Forms.Audit;
using StartupHub.Forms.Registration.Journal;
using StartupHub.Forms.Storage;

namespace StartupHub.Forms.Retention;

/// <summary>What a purge needs to know beyond the store.</summary>
/// <param name="Location">The container (Azure) or folder (local store), for the report.</param>
/// <param name="LocalRoot">The local store's folder, or null for Azure storage: stray files there are removed too.</param>
/// <param name="LocalKeyFiles">Key files kept beside a local store (.kek, .hmac-secret): deleted last.</param>
/// <param name="ConfiguredKeyIds">Key-encryption key ids from configuration: listed for the operator to delete in Key Vault.</param>
/// <param name="HmacSecretConfigured">Whether Forms:HmacSecret came from configuration (it too must be deleted by the operator).</param>
public sealed record PurgeRequest(
    string Location,
    string? LocalRoot,
    IReadOnlyList<string> LocalKeyFiles,
    IReadOnlyList<string> ConfiguredKeyIds,
    bool HmacSecretConfigured);

/// <summary>
/// Deletion at the end of the contract (spec 4.3): removes every object except the audit log — personal
/// records (submissions/, attachments/), the ledgers (which hold record ids and keyed e-mail fingerprints),
/// the notification outbox and everything else the forms wrote — then lists the store again to prove
/// nothing is left, appends a "purge" entry to the audit log (which holds no personal data and is kept),
/// and finally deletes the local key files. Keys held in Key Vault cannot be deleted from here; the report
/// names them for the operator.
/// </summary>
public sealed class FormsDataPurger(IFormStore store, IAuditLog audit, TimeProvider time)
{
    public const string KeptPrefix = "audit/";

    public async Task<DeletionReport> PurgeAsync(PurgeRequest request, CancellationToken cancellationToken)
    {
        DateTimeOffset started = time.GetUtcNow();
        // Registration audit events that are still only in the ledger journals (the pump appends them after the
        // registrant was answered) reach the audit log before the journals are deleted.
        await new LedgerAuditPump(store, audit, time, NullLogger<LedgerAuditPump>.Instance).CatchUpAllAsync(cancellationToken);
        SortedDictionary<string, int> deleted = new(StringComparer.Ordinal);
        List<string> keys = [];
        await foreach (string key in store.ListAsync("", cancellationToken))
        {
            if (!key.StartsWith(KeptPrefix, StringComparison.Ordinal))
            {
                keys.Add(key);
            }
        }

        foreach (string key in keys)
        {
            await store.DeleteAsync(key, cancellationToken);
            string prefix = PrefixOf(key);
            deleted[prefix] = deleted.GetValueOrDefault(prefix) + 1;
        }

        int strayFiles = request.LocalRoot is null ? 0 : RemoveStrayFiles(request.LocalRoot);
        List<string> remaining = [];
        await foreach (string key in store.ListAsync("", cancellationToken))
        {
            if (!key.StartsWith(KeptPrefix, StringComparison.Ordinal))
            {
                remaining.Add(key);
            }
        }

        await audit.AppendAsync(new AuditEvent("purge", "system", "all-forms", "system", new Dictionary<string, string>
        {
            ["objects"] = keys.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["remaining"] = remaining.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["prefixes"] = string.Join(',', deleted.Select(d => $"{d.Key}={d.Value}")),
        }), cancellationToken);
        AuditHead? head = await ReadHeadAsync(cancellationToken);

        // Last: without the key nothing sealed could be read again, even from a backup of the store.
        List<string> deletedKeyFiles = [];
        foreach (string file in request.LocalKeyFiles.Where(File.Exists))
        {
            File.Delete(file);
            deletedKeyFiles.Add(Path.GetFileName(file));
        }

        return new DeletionReport(
            request.Location, started, time.GetUtcNow(), deleted, keys.Count, strayFiles, remaining,
            deletedKeyFiles, request.ConfiguredKeyIds, request.HmacSecretConfigured, head?.Sequence, head?.Hash);
    }

    /// <summary>The first two segments ("submissions/event-registration"), enough to tell the kinds apart.</summary>
    public static string PrefixOf(string key)
    {
        string[] parts = key.Split('/');
        return parts.Length >= 3 ? $"{parts[0]}/{parts[1]}/" : parts.Length == 2 ? $"{parts[0]}/" : "(top level)";
    }

    private async Task<AuditHead?> ReadHeadAsync(CancellationToken cancellationToken)
    {
        StoredObject? stored = await store.ReadAsync(AuditKeys.Head, cancellationToken);
        try
        {
            return stored is null ? null : AuditHead.Parse(stored.Content);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Files the store's listing does not show (temp files of an interrupted write, names that are not
    /// keys) outside audit/ and the key files, and the folders left empty.</summary>
    private static int RemoveStrayFiles(string root)
    {
        if (!Directory.Exists(root))
        {
            return 0;
        }

        int count = 0;
        string audit = Path.Combine(root, "audit") + Path.DirectorySeparatorChar;
        foreach (string file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToList())
        {
            bool topLevelDotFile = Path.GetDirectoryName(file) == Path.TrimEndingDirectorySeparator(root) && Path.GetFileName(file).StartsWith('.');
            if (!file.StartsWith(audit, StringComparison.Ordinal) && !topLevelDotFile)
            {
                File.Delete(file);
                count++;
            }
        }

        foreach (string folder in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories).OrderByDescending(f => f.Length))
        {
            if (!folder.StartsWith(audit, StringComparison.Ordinal) && folder + Path.DirectorySeparatorChar != audit && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }

        return count;
    }
}
