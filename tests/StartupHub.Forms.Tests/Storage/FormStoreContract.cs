using System.Text;
using StartupHub.Forms.Storage;
using StartupHub.Forms.Tests.Infrastructure;

namespace StartupHub.Forms.Tests.Storage;

/// <summary>The behaviour every <see cref="IFormStore"/> must have. Run against both implementations.</summary>
public abstract class FormStoreContract
{
    protected abstract IFormStore CreateStore();

    private static ReadOnlyMemory<byte> Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string Unique(string name) => $"contract/{Guid.NewGuid():N}/{name}";

    [Fact]
    public async Task Reading_a_missing_object_returns_null()
    {
        Assert.Null(await CreateStore().ReadAsync(Unique("missing.json"), CancellationToken.None));
    }

    [Fact]
    public async Task Create_then_read_returns_content_and_the_same_etag()
    {
        IFormStore store = CreateStore();
        string key = Unique("a.json");
        string? etag = await store.TryCreateAsync(key, Bytes("{\"v\":1}"), CancellationToken.None);
        StoredObject? read = await store.ReadAsync(key, CancellationToken.None);
        Assert.NotNull(etag);
        Assert.NotNull(read);
        Assert.Equal("{\"v\":1}", Encoding.UTF8.GetString(read.Content.Span));
        Assert.Equal(etag, read.ETag);
    }

    [Fact]
    public async Task Create_refuses_when_the_object_exists_and_keeps_the_original()
    {
        IFormStore store = CreateStore();
        string key = Unique("b.json");
        await store.TryCreateAsync(key, Bytes("first"), CancellationToken.None);
        Assert.Null(await store.TryCreateAsync(key, Bytes("second"), CancellationToken.None));
        Assert.Equal("first", Encoding.UTF8.GetString((await store.ReadAsync(key, CancellationToken.None))!.Content.Span));
    }

    [Fact]
    public async Task Replace_with_current_etag_succeeds_and_changes_the_etag()
    {
        IFormStore store = CreateStore();
        string key = Unique("c.json");
        string etag1 = (await store.TryCreateAsync(key, Bytes("v1"), CancellationToken.None))!;
        string? etag2 = await store.TryReplaceAsync(key, Bytes("v2"), etag1, CancellationToken.None);
        Assert.NotNull(etag2);
        Assert.NotEqual(etag1, etag2);
        StoredObject read = (await store.ReadAsync(key, CancellationToken.None))!;
        Assert.Equal("v2", Encoding.UTF8.GetString(read.Content.Span));
        Assert.Equal(etag2, read.ETag);
    }

    [Fact]
    public async Task Replace_with_stale_etag_fails_and_leaves_the_newer_content()
    {
        IFormStore store = CreateStore();
        string key = Unique("d.json");
        string etag1 = (await store.TryCreateAsync(key, Bytes("v1"), CancellationToken.None))!;
        await store.TryReplaceAsync(key, Bytes("v2"), etag1, CancellationToken.None);
        Assert.Null(await store.TryReplaceAsync(key, Bytes("v3"), etag1, CancellationToken.None));
        Assert.Equal("v2", Encoding.UTF8.GetString((await store.ReadAsync(key, CancellationToken.None))!.Content.Span));
    }

    [Fact]
    public async Task Replace_of_a_missing_object_fails()
    {
        IFormStore store = CreateStore();
        string key = Unique("e.json");
        string etag = (await store.TryCreateAsync(Unique("other.json"), Bytes("x"), CancellationToken.None))!;
        Assert.Null(await store.TryReplaceAsync(key, Bytes("v"), etag, CancellationToken.None));
        Assert.Null(await store.ReadAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task Exactly_one_of_many_concurrent_creates_wins()
    {
        IFormStore store = CreateStore();
        string key = Unique("race-create.json");
        string?[] results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => store.TryCreateAsync(key, Bytes($"writer {i}"), CancellationToken.None))));
        Assert.Single(results, r => r is not null);
    }

    [Fact]
    public async Task Exactly_one_of_many_concurrent_replaces_with_the_same_etag_wins()
    {
        IFormStore store = CreateStore();
        string key = Unique("race-replace.json");
        string etag = (await store.TryCreateAsync(key, Bytes("v0"), CancellationToken.None))!;
        string?[] results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => store.TryReplaceAsync(key, Bytes($"writer {i}"), etag, CancellationToken.None))));
        Assert.Single(results, r => r is not null);
    }

    [Fact]
    public async Task List_returns_only_keys_under_the_prefix_in_ordinal_order()
    {
        IFormStore store = CreateStore();
        string root = Unique("");
        foreach (string name in new[] { "b/2.json", "a/1.json", "b/1.json", "bb/1.json" })
        {
            await store.TryCreateAsync(root + name, Bytes("x"), CancellationToken.None);
        }

        List<string> keys = [];
        await foreach (string key in store.ListAsync(root + "b/", CancellationToken.None))
        {
            keys.Add(key);
        }

        Assert.Equal([root + "b/1.json", root + "b/2.json"], keys);
    }

    [Fact]
    public async Task Delete_removes_the_object_and_ignores_missing_ones()
    {
        IFormStore store = CreateStore();
        string key = Unique("f.json");
        await store.TryCreateAsync(key, Bytes("x"), CancellationToken.None);
        await store.DeleteAsync(key, CancellationToken.None);
        await store.DeleteAsync(key, CancellationToken.None);
        Assert.Null(await store.ReadAsync(key, CancellationToken.None));
        Assert.NotNull(await store.TryCreateAsync(key, Bytes("again"), CancellationToken.None));
    }

    [Fact]
    public async Task Unsafe_keys_are_refused()
    {
        IFormStore store = CreateStore();
        await Assert.ThrowsAsync<ArgumentException>(() => store.ReadAsync("../escape.json", CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => store.TryCreateAsync("a/../../b.json", Bytes("x"), CancellationToken.None));
    }
}

public sealed class LocalFolderFormStoreContractTests : FormStoreContract, IDisposable
{
    private readonly TempFolder _folder = new();

    protected override IFormStore CreateStore() => new LocalFolderFormStore(_folder.Path);

    public void Dispose() => _folder.Dispose();
}

[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobFormStoreContractTests(AzuriteFixture azurite) : FormStoreContract
{
    private readonly string _container = "contract-" + Guid.NewGuid().ToString("N")[..12];

    protected override IFormStore CreateStore() => new AzureBlobFormStore(azurite.ConnectionString, _container);
}
