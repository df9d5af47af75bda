using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using StartupHub.Forms.Applications;
using StartupHub.Forms.Security;
using StartupHub.Forms.Storage;
using StartupHub.Forms.Tests.Infrastructure;
using StartupHub.Forms.Tests.Uploads;

namespace StartupHub.Forms.Tests.Applications;

/// <summary>The submission store's behaviour, run against the local folder store and Azurite.</summary>
public abstract class SubmissionStoreContract
{
    private static readonly RecordSealer Sealer = new(new Dictionary<string, byte[]> { ["t1"] = RandomNumberGenerator.GetBytes(32) }, "t1");

    protected abstract IFormStore CreateStore();

    private static SubmissionStore Create(IFormStore store) =>
        new(store, Sealer, Options.Create(new FormsOptions()), TimeProvider.System);

    private static readonly ApplicationForm Oip = ApplicationForms.Find(ApplicationForms.OipApplication)!;

    /// <summary>Each test uses its own form id so numbering is independent of other tests sharing the store.</summary>
    private static ApplicationForm UniqueForm() => Oip with { Id = "oip-" + Guid.NewGuid().ToString("N")[..10] };

    private static ValidSubmission Submission(string email) =>
        new([new SubmissionField("company_name", "企業名", "株式会社テスト"), new SubmissionField("contact_email", "メール", email)],
            "千葉 花子", email, null, "2025-08-01");

    [Fact]
    public async Task Created_submissions_are_numbered_per_form_and_read_back_with_their_attachment()
    {
        SubmissionStore store = Create(CreateStore());
        ApplicationForm form = UniqueForm();
        byte[] pdf = PdfCorpus.Minimal();
        SubmissionRecord first = await store.CreateAsync(form, Submission("a@example.jp"), [new NewAttachment("../../etc/passwd.pdf", "application/pdf", pdf)], CancellationToken.None);
        SubmissionRecord second = await store.CreateAsync(form, Submission("b@example.jp"), [], CancellationToken.None);

        Assert.Equal("OIP-0001", first.Number);
        Assert.Equal("OIP-0002", second.Number);
        Assert.Equal(SubmissionStatuses.Received, first.Status);
        Assert.True(StorageKeys.IsSafeSegment(first.Id));
        Assert.Equal("passwd.pdf", first.Attachments[0].FileName);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), first.Attachments[0].Sha256);

        SubmissionRecord? read = await store.GetAsync(form.Id, first.Id, CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal("a@example.jp", read.ContactEmail);
        Assert.Equal(first.Fields, read.Fields);

        AttachmentContent? attachment = await store.OpenAttachmentAsync(form.Id, first.Id, first.Attachments[0].Id, CancellationToken.None);
        Assert.Equal(pdf, attachment!.Content);
        Assert.Null(await store.OpenAttachmentAsync(form.Id, first.Id, "nope", CancellationToken.None));

        List<SubmissionRecord> listed = [];
        await foreach (SubmissionRecord record in store.ListAsync(form.Id, CancellationToken.None))
        {
            listed.Add(record);
        }

        Assert.Equal(["OIP-0001", "OIP-0002"], listed.Select(r => r.Number).Order());
    }

    [Fact]
    public async Task Every_stored_object_with_personal_data_is_sealed()
    {
        IFormStore raw = CreateStore();
        SubmissionStore store = Create(raw);
        ApplicationForm form = UniqueForm();
        SubmissionRecord record = await store.CreateAsync(form, Submission("sealed@example.jp"), [new NewAttachment("deck.pdf", "application/pdf", PdfCorpus.Minimal())], CancellationToken.None);
        foreach (string key in new[] { SubmissionStore.RecordKey(form.Id, record.Id), SubmissionStore.AttachmentKey(form.Id, record.Id, record.Attachments[0].Id) })
        {
            StoredObject stored = (await raw.ReadAsync(key, CancellationToken.None))!;
            Assert.True(RecordSealer.IsSealed(stored.Content.Span), key);
        }
    }

    [Fact]
    public async Task Concurrent_submissions_on_several_instances_get_distinct_consecutive_numbers()
    {
        // Three store instances over one storage account stand for three Functions instances.
        IFormStore raw = CreateStore();
        SubmissionStore[] instances = [Create(raw), Create(raw), Create(raw)];
        ApplicationForm form = UniqueForm();
        SubmissionRecord[] records = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            instances[i % instances.Length].CreateAsync(form, Submission($"c{i}@example.jp"), [], CancellationToken.None)));
        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"OIP-{i:D4}"), records.Select(r => r.Number).Order());
    }

    [Fact]
    public async Task A_failed_counter_write_stores_nothing_and_leaves_no_attachment()
    {
        IFormStore raw = CreateStore();
        ApplicationForm form = UniqueForm();
        SubmissionStore store = Create(new CounterWritesFailStore(raw));
        await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            store.CreateAsync(form, Submission("x@example.jp"), [new NewAttachment("deck.pdf", "application/pdf", PdfCorpus.Minimal())], CancellationToken.None));
        Assert.Empty(await Keys(raw, $"submissions/{form.Id}/"));
        Assert.Empty(await Keys(raw, $"attachments/{form.Id}/"));
    }

    [Fact]
    public async Task A_failed_record_write_loses_only_a_number_never_an_acknowledged_submission()
    {
        IFormStore raw = CreateStore();
        ApplicationForm form = UniqueForm();
        await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            Create(new RecordWritesFailStore(raw)).CreateAsync(form, Submission("y@example.jp"), [new NewAttachment("deck.pdf", "application/pdf", PdfCorpus.Minimal())], CancellationToken.None));
        Assert.Empty(await Keys(raw, $"attachments/{form.Id}/"));
        SubmissionRecord next = await Create(raw).CreateAsync(form, Submission("z@example.jp"), [], CancellationToken.None);
        Assert.Equal("OIP-0002", next.Number);
        Assert.Equal([next.Id + ".json"], (await Keys(raw, $"submissions/{form.Id}/")).Select(k => k.Split('/')[^1]));
    }

    [Fact]
    public async Task Status_changes_are_stored_and_unknown_records_answer_null()
    {
        SubmissionStore store = Create(CreateStore());
        ApplicationForm form = UniqueForm();
        SubmissionRecord record = await store.CreateAsync(form, Submission("s@example.jp"), [], CancellationToken.None);
        Assert.Equal("reviewing", (await store.SetStatusAsync(form.Id, record.Id, "reviewing", CancellationToken.None))!.Status);
        Assert.Equal("reviewing", (await store.GetAsync(form.Id, record.Id, CancellationToken.None))!.Status);
        Assert.Null(await store.SetStatusAsync(form.Id, "missing", "accepted", CancellationToken.None));
        Assert.Null(await store.GetAsync(form.Id, "../x", CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => store.SetStatusAsync(form.Id, record.Id, "bogus", CancellationToken.None));
    }

    private static async Task<List<string>> Keys(IFormStore store, string prefix)
    {
        List<string> keys = [];
        await foreach (string key in store.ListAsync(prefix, CancellationToken.None))
        {
            keys.Add(key);
        }

        return keys;
    }

    private sealed class CounterWritesFailStore(IFormStore inner) : IFormStore
    {
        public Task<StoredObject?> ReadAsync(string key, CancellationToken cancellationToken) => inner.ReadAsync(key, cancellationToken);

        public Task<string?> TryCreateAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
            key.StartsWith("counters/", StringComparison.Ordinal) ? throw new StorageUnavailableException("counter down") : inner.TryCreateAsync(key, content, cancellationToken);

        public Task<string?> TryReplaceAsync(string key, ReadOnlyMemory<byte> content, string ifMatch, CancellationToken cancellationToken) =>
            key.StartsWith("counters/", StringComparison.Ordinal) ? throw new StorageUnavailableException("counter down") : inner.TryReplaceAsync(key, content, ifMatch, cancellationToken);

        public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

        public IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);
    }

    private sealed class RecordWritesFailStore(IFormStore inner) : IFormStore
    {
        public Task<StoredObject?> ReadAsync(string key, CancellationToken cancellationToken) => inner.ReadAsync(key, cancellationToken);

        public Task<string?> TryCreateAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
            key.StartsWith("submissions/", StringComparison.Ordinal) ? throw new StorageUnavailableException("records down") : inner.TryCreateAsync(key, content, cancellationToken);

        public Task<string?> TryReplaceAsync(string key, ReadOnlyMemory<byte> content, string ifMatch, CancellationToken cancellationToken) =>
            inner.TryReplaceAsync(key, content, ifMatch, cancellationToken);

        public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

        public IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);
    }
}

public sealed class LocalFolderSubmissionStoreTests : SubmissionStoreContract, IDisposable
{
    private readonly TempFolder _folder = new();

    protected override IFormStore CreateStore() => new LocalFolderFormStore(_folder.Path);

    public void Dispose() => _folder.Dispose();
}

[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobSubmissionStoreTests(AzuriteFixture azurite) : SubmissionStoreContract
{
    private readonly string _container = "apps-" + Guid.NewGuid().ToString("N")[..12];

    protected override IFormStore CreateStore() => new AzureBlobFormStore(azurite.ConnectionString, _container);
}
