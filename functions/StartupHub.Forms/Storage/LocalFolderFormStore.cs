using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace StartupHub.Forms.Storage;

/// <summary>
/// A folder on disk that behaves like the blob store, so `serve` works with nothing installed. Conditional
/// writes are made atomic by one lock per store (in process) plus an exclusive lock file (across processes,
/// e.g. `serve` and a test run sharing a folder); writes go to a temp file and are renamed into place so a
/// crash never leaves a half-written object. The ETag is a hash of the content: every object this library
/// replaces (ledgers) carries a version number, so content never repeats and compare-by-content equals
/// compare-by-write.
/// </summary>
public sealed class LocalFolderFormStore : IFormStore
{
    private readonly string _root;
    private readonly string _lockPath;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public LocalFolderFormStore(string rootPath)
    {
        _root = Path.GetFullPath(rootPath);
        Directory.CreateDirectory(_root);
        _lockPath = Path.Combine(_root, ".lock");
    }

    public string RootPath => _root;

    public async Task<StoredObject?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        string path = PathOf(key);
        try
        {
            byte[] content = await File.ReadAllBytesAsync(path, cancellationToken);
            return new StoredObject(content, ETagOf(content));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
        catch (IOException ex)
        {
            throw new StorageUnavailableException($"local store read failed for {key}", ex);
        }
    }

    public Task<string?> TryCreateAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        WriteLockedAsync(key, content, ifMatch: null, cancellationToken);

    public Task<string?> TryReplaceAsync(string key, ReadOnlyMemory<byte> content, string ifMatch, CancellationToken cancellationToken) =>
        WriteLockedAsync(key, content, ifMatch, cancellationToken);

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        string path = PathOf(key);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using FileStream crossProcessLock = await AcquireFileLockAsync(cancellationToken);
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException ex)
        {
            throw new StorageUnavailableException($"local store delete failed for {key}", ex);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        if (!Directory.Exists(_root))
        {
            yield break;
        }

        // Walk only the deepest folder the prefix names, then filter by the remaining characters.
        int slash = prefix.LastIndexOf('/');
        string folder = slash < 0 ? _root : Path.Combine(_root, prefix[..slash].Replace('/', Path.DirectorySeparatorChar));
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        List<string> keys = [];
        foreach (string file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            string key = Path.GetRelativePath(_root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (key.StartsWith(prefix, StringComparison.Ordinal) && StorageKeys.IsSafeKey(key))
            {
                keys.Add(key);
            }
        }

        keys.Sort(StringComparer.Ordinal);
        foreach (string key in keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return key;
        }
    }

    private async Task<string?> WriteLockedAsync(string key, ReadOnlyMemory<byte> content, string? ifMatch, CancellationToken cancellationToken)
    {
        string path = PathOf(key);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using FileStream crossProcessLock = await AcquireFileLockAsync(cancellationToken);
            byte[]? current = File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
            if (ifMatch is null ? current is not null : current is null || ETagOf(current) != ifMatch)
            {
                return null;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            string temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await using (FileStream stream = new(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
            {
                await stream.WriteAsync(content, cancellationToken);
            }

            File.Move(temp, path, overwrite: true);
            return ETagOf(content.Span);
        }
        catch (IOException ex)
        {
            throw new StorageUnavailableException($"local store write failed for {key}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new StorageUnavailableException($"local store write failed for {key}", ex);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<FileStream> AcquireFileLockAsync(CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(_lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 200)
            {
                // Another process holds the lock for the few milliseconds of its write.
                await Task.Delay(5, cancellationToken);
            }
        }
    }

    private string PathOf(string key)
    {
        if (!StorageKeys.IsSafeKey(key))
        {
            throw new ArgumentException($"unsafe storage key '{key}'", nameof(key));
        }

        return Path.Combine(_root, key.Replace('/', Path.DirectorySeparatorChar));
    }

    private static string ETagOf(ReadOnlySpan<byte> content) =>
        "\"" + Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 16)) + "\"";
}
