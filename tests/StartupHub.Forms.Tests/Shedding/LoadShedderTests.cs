using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StartupHub.Forms.Audit;
using StartupHub.Forms.Security;
using StartupHub.Forms.Storage;
using StartupHub.Forms.Tests.Audit;
using StartupHub.Forms.Tests.Infrastructure;
using Xunit.Abstractions;

namespace StartupHub.Forms.Tests.Shedding;

public sealed class LoadShedderTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Beyond_the_concurrency_limit_requests_get_503_overloaded_at_once_while_the_admitted_ones_complete()
    {
        const int limit = 4;
        const int extra = 6;
        GatedReadStore gated = new(new LocalFolderFormStore(Path.Combine(_folder.Path, "data")));
        await using FormsTestHost host = await FormsTestHost.StartAsync(
            TestEvents.WriteManifest(_folder.Path, true, TestEvents.Open("busy", capacity: 5)), Path.Combine(_folder.Path, "data"),
            new() { ["Forms:Shedding:MaxConcurrent"] = $"{limit}", ["Forms:Shedding:QueueLimit"] = "0", ["Forms:Shedding:RetryAfterSeconds"] = "7" },
            services => services.AddSingleton<IFormStore>(gated));
        LoadShedder shedder = host.Services.GetRequiredService<LoadShedder>();

        // N slow requests: each waits for the (held) ledger read inside the guard.
        Task<HttpResponseMessage>[] admitted = Enumerable.Range(0, limit).Select(_ => host.Client.GetAsync("/api/events/busy/availability")).ToArray();
        for (DateTime deadline = DateTime.UtcNow.AddSeconds(20); shedder.AvailableSlots > 0; await Task.Delay(10))
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {limit - shedder.AvailableSlots} of {limit} requests got in");
        }

        List<double> shedMilliseconds = [];
        for (int i = 0; i < extra; i++)
        {
            Stopwatch watch = Stopwatch.StartNew();
            using HttpResponseMessage refused = await host.Client.GetAsync("/api/events/busy/availability");
            shedMilliseconds.Add(watch.Elapsed.TotalMilliseconds);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal("overloaded", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
            Assert.Equal("7", refused.Headers.GetValues("Retry-After").Single());
        }

        Assert.All(admitted, t => Assert.False(t.IsCompleted, "an admitted request finished before its store read was released"));
        gated.Release();
        HttpResponseMessage[] done = await Task.WhenAll(admitted);
        Assert.All(done, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        output.WriteLine($"shed answers: max {shedMilliseconds.Max():F1} ms, median {shedMilliseconds.Order().ElementAt(extra / 2):F1} ms");
        Assert.True(shedMilliseconds.Max() < 500, $"a shed request took {shedMilliseconds.Max():F0} ms");
        Assert.Equal(extra, shedder.ShedCount);

        // One aggregated audit entry for the window, not one per request.
        await shedder.FlushAsync();
        AuditVerification verification = await new AuditLogVerifier(host.Store, host.Services.GetRequiredService<AuditSigner>()).VerifyAsync(CancellationToken.None);
        Assert.True(verification.Valid, verification.FirstProblem?.ToString());
        List<AuditEntry> entries = await ReadEntriesAsync(host.Store);
        AuditEntry shed = Assert.Single(entries, e => e.Action == "shed");
        Assert.Equal($"{extra}", shed.Details["count"]);
        foreach (HttpResponseMessage response in done)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task With_shedding_off_nothing_is_refused()
    {
        await using FormsTestHost host = await FormsTestHost.StartAsync(
            TestEvents.WriteManifest(_folder.Path, true, TestEvents.Open("calm", capacity: 5)), Path.Combine(_folder.Path, "data"),
            new() { ["Forms:Shedding:MaxConcurrent"] = "0" });
        HttpResponseMessage[] responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => host.Client.GetAsync("/api/events/calm/availability")));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(0, host.Services.GetRequiredService<LoadShedder>().ShedCount);
    }

    internal static async Task<List<AuditEntry>> ReadEntriesAsync(IFormStore store)
    {
        List<AuditEntry> entries = [];
        await foreach (string key in store.ListAsync(AuditKeys.SegmentPrefix, CancellationToken.None))
        {
            entries.AddRange(AuditEncoding.ReadSegment((await store.ReadAsync(key, CancellationToken.None))!.Content).Entries);
        }

        return entries;
    }
}

/// <summary>Holds every ledger read until released: requests that reach the store stay in flight.</summary>
internal sealed class GatedReadStore(IFormStore inner) : IFormStore
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _gate.TrySetResult();

    public async Task<StoredObject?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        if (key.StartsWith("ledgers/", StringComparison.Ordinal))
        {
            await _gate.Task.WaitAsync(cancellationToken);
        }

        return await inner.ReadAsync(key, cancellationToken);
    }

    public Task<string?> TryCreateAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) => inner.TryCreateAsync(key, content, cancellationToken);

    public Task<string?> TryReplaceAsync(string key, ReadOnlyMemory<byte> content, string ifMatch, CancellationToken cancellationToken) =>
        inner.TryReplaceAsync(key, content, ifMatch, cancellationToken);

    public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

    public IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);
}
