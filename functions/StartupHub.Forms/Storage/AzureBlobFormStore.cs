using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace StartupHub.Forms.Storage;

/// <summary>
/// Azure Blob Storage implementation. Conditional create uses If-None-Match: *, conditional replace uses
/// If-Match: etag, both enforced by the service itself, which is what makes the ledger safe across
/// any number of Functions instances.
/// </summary>
public sealed class AzureBlobFormStore : IFormStore
{
    private readonly BlobContainerClient _container;
    private readonly SemaphoreSlim _ensureGate = new(1, 1);
    private volatile bool _containerReady;

    public AzureBlobFormStore(BlobContainerClient container) => _container = container;

    public AzureBlobFormStore(string connectionString, string containerName)
        : this(new BlobContainerClient(connectionString, containerName, new BlobClientOptions
        {
            // Our own ledger retry loop handles conflicts; the SDK retries only transient faults, briefly,
            // so a dead store turns into a quick 503 instead of a hung request.
            Retry = { MaxRetries = 2, Delay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1), NetworkTimeout = TimeSpan.FromSeconds(10) },
        }))
    {
    }

    public async Task<StoredObject?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        try
        {
            Response<BlobDownloadResult> response = await _container.GetBlobClient(Checked(key)).DownloadContentAsync(cancellationToken);
            return new StoredObject(response.Value.Content.ToMemory(), response.Value.Details.ETag.ToString("H"));
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
        catch (RequestFailedException ex)
        {
            throw Unavailable("read", key, ex);
        }
        catch (Exception ex) when (ex is AggregateException or IOException or HttpRequestException)
        {
            throw Unavailable("read", key, ex);
        }
    }

    public Task<string?> TryCreateAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        UploadAsync(key, content, new BlobRequestConditions { IfNoneMatch = ETag.All }, cancellationToken);

    public Task<string?> TryReplaceAsync(string key, ReadOnlyMemory<byte> content, string ifMatch, CancellationToken cancellationToken) =>
        UploadAsync(key, content, new BlobRequestConditions { IfMatch = new ETag(ifMatch) }, cancellationToken);

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        try
        {
            await _container.GetBlobClient(Checked(key)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (ex is RequestFailedException or AggregateException or IOException or HttpRequestException)
        {
            throw Unavailable("delete", key, ex);
        }
    }

    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        IAsyncEnumerator<BlobItem> items = _container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                bool hasNext;
                try
                {
                    hasNext = await items.MoveNextAsync();
                }
                catch (RequestFailedException ex)
                {
                    throw Unavailable("list", prefix, ex);
                }

                if (!hasNext)
                {
                    yield break;
                }

                yield return items.Current.Name;
            }
        }
        finally
        {
            await items.DisposeAsync();
        }
    }

    private async Task<string?> UploadAsync(string key, ReadOnlyMemory<byte> content, BlobRequestConditions conditions, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        try
        {
            Response<BlobContentInfo> response = await _container.GetBlobClient(Checked(key)).UploadAsync(
                BinaryData.FromBytes(content),
                new BlobUploadOptions { Conditions = conditions, HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
                cancellationToken);
            return response.Value.ETag.ToString("H");
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412 || (ex.Status == 404 && conditions.IfMatch is not null))
        {
            // 409 BlobAlreadyExists / 412 ConditionNotMet: someone else won the race. Not an error.
            return null;
        }
        catch (RequestFailedException ex)
        {
            throw Unavailable("write", key, ex);
        }
        catch (Exception ex) when (ex is AggregateException or IOException or HttpRequestException)
        {
            throw Unavailable("write", key, ex);
        }
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (_containerReady)
        {
            return;
        }

        await _ensureGate.WaitAsync(cancellationToken);
        try
        {
            if (!_containerReady)
            {
                await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                _containerReady = true;
            }
        }
        catch (Exception ex) when (ex is RequestFailedException or AggregateException or IOException or HttpRequestException)
        {
            throw Unavailable("create container", _container.Name, ex);
        }
        finally
        {
            _ensureGate.Release();
        }
    }

    private static string Checked(string key) =>
        StorageKeys.IsSafeKey(key) ? key : throw new ArgumentException($"unsafe storage key '{key}'", nameof(key));

    private static StorageUnavailableException Unavailable(string operation, string key, Exception inner) =>
        new($"blob {operation} failed for {key}", inner);
}
