namespace StartupHub.Forms.Storage;

/// <summary>
/// The only storage primitives the form logic needs. Both implementations (Azure Blob Storage and the
/// local folder) pass the same contract tests, so everything above this line is storage-agnostic.
/// Keys are '/'-separated paths such as <c>ledgers/event-registration/2025-10-chiba.json</c>.
/// </summary>
public interface IFormStore
{
    /// <summary>Reads an object and its ETag, or null when it does not exist.</summary>
    Task<StoredObject?> ReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Creates the object only if it does not exist yet. Returns the new ETag, or null if it already existed.</summary>
    Task<string?> TryCreateAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>Replaces the object only if its current ETag still equals <paramref name="ifMatch"/>.
    /// Returns the new ETag, or null if the object changed (or vanished) since it was read.</summary>
    Task<string?> TryReplaceAsync(string key, ReadOnlyMemory<byte> content, string ifMatch, CancellationToken cancellationToken);

    /// <summary>Deletes the object if it exists (orphan clean-up now, retention deletes later).</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Lists keys starting with <paramref name="prefix"/>, in ordinal order.</summary>
    IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken);
}

public sealed record StoredObject(ReadOnlyMemory<byte> Content, string ETag);

/// <summary>The store could not be reached or answered with a server error; callers answer 503 and retry later.</summary>
public sealed class StorageUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
