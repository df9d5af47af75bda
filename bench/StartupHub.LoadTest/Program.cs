// Load test for the forms API: real HTTP on loopback → local host → Azure Blob Storage (Azurite).
// Usage: dotnet run -c Release --project bench/StartupHub.LoadTest -- [--registrations 1000] [--capacity 100]
//        [--cancellations 200] [--rate 1200] [--seconds 5] [--azurite-in-memory true] [--connection "<azure storage connection string>"]
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StartupHub.Forms;
using StartupHub.Forms.Manifest;
using StartupHub.Forms.Registration;
using StartupHub.Forms.Storage;
using StartupHub.LoadTest;
using StartupHub.Measuring;

Dictionary<string, string> options = ParseArgs(args);
int registrations = Int("registrations", 1000);
int capacity = Int("capacity", 100);
int cancellations = Int("cancellations", 200);
int rate = Int("rate", 1200);
int seconds = Int("seconds", 5);
string? connection = options.GetValueOrDefault("connection");
bool inMemory = options.GetValueOrDefault("azurite-in-memory") == "true";

// Bounded in time whatever happens: the whole run is cancelled after 5 minutes.
using CancellationTokenSource overall = new(TimeSpan.FromMinutes(5));
using Azurite? azurite = connection is null ? await Azurite.StartAsync(inMemory) : null;
string connectionString = connection ?? azurite!.ConnectionString;
string work = Path.Combine(Path.GetTempPath(), "startuphub-loadtest-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(work);
string manifestPath = Path.Combine(work, "forms-manifest.json");
File.WriteAllText(manifestPath, ManifestJson(capacity));
string container = "load-" + Guid.NewGuid().ToString("N")[..12];
if (options.GetValueOrDefault("probe") == "true")
{
    // Azurite alone, no forms logic: how many blob writes per second can it take on this machine?
    await AzuriteProbe.RunAsync(new AzureBlobFormStore(connectionString, container + "probe"), Int("probe-writes", 2000), Int("probe-concurrency", 64));
}

TimedFormStore timedStore = new(new AzureBlobFormStore(connectionString, container));
(Microsoft.AspNetCore.Builder.WebApplication app, Uri address) = await LoadHost.StartAsync(manifestPath, connectionString, container, timedStore);
int connectionsOpened = 0;
using HttpClient http = new(new SocketsHttpHandler
{
    MaxConnectionsPerServer = 256,
    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    ConnectCallback = async (context, cancellationToken) =>
    {
        Interlocked.Increment(ref connectionsOpened);
        System.Net.Sockets.Socket socket = new(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
        return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
    },
})
{
    BaseAddress = address,
    Timeout = TimeSpan.FromSeconds(60),
};
bool correct = true;
try
{
    Console.WriteLine($"forms load test — host {address} on Azurite ({(connection is null ? (inMemory ? "started here, in-memory" : "started here, on disk") : "given")}), {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}Z");
    string token = (await http.GetFromJsonAsync<JsonElement>("/api/forms/event-registration/token", overall.Token)).GetProperty("token").GetString()!;
    await WarmUpAsync(http, token);
    timedStore.Reset();

    // Phase 1: N registrations all in flight at once for C seats, plus retries of 5% with the same Idempotency-Key.
    Console.WriteLine();
    Console.WriteLine($"[burst] {registrations} concurrent registrations for {capacity} seats (+{registrations / 20} idempotent retries)");
    Request[] burst = Enumerable.Range(0, registrations).Select(i => new Request($"burst{i}@example.jp", $"burst-{i}")).ToArray();
    CpuMeter cpu = new(azurite);
    Stopwatch clock = Stopwatch.StartNew();
    Result[] burstResults = await Task.WhenAll(burst.Select(r => RegisterAsync(http, "load-burst", r, token, overall.Token)));
    double burstSeconds = clock.Elapsed.TotalSeconds;
    Result[] retries = await Task.WhenAll(burst.Take(registrations / 20).Select(r => RegisterAsync(http, "load-burst", r, token, overall.Token)));
    Report("burst", burstResults, burstSeconds, offered: null);
    StorageReport(timedStore, registrations + registrations / 20);
    cpu.Report();
    int retryMismatches = retries.Zip(burstResults).Count(p => p.First.RegistrationId != p.Second.RegistrationId);
    Console.WriteLine($"  idempotent retries answering a different registration: {retryMismatches}");

    // Phase 2: cancellations interleaved with each other and with availability reads.
    Result[] acked = burstResults.Where(r => r.Status is 200 or 201).ToArray();
    Random random = new(42);
    Result[] toCancel = [.. acked.Where(r => r.Outcome == "confirmed").Take(cancellations / 2),
        .. acked.Where(r => r.Outcome == "waitlisted").OrderBy(_ => random.Next()).Take(cancellations - Math.Min(cancellations / 2, capacity))];
    toCancel = [.. toCancel.OrderBy(_ => random.Next())];
    Console.WriteLine();
    Console.WriteLine($"[cancel] {toCancel.Length} interleaved cancellations ({toCancel.Count(r => r.Outcome == "confirmed")} seats, {toCancel.Count(r => r.Outcome == "waitlisted")} waiting) + {toCancel.Length} availability reads");
    cpu = new(azurite);
    clock.Restart();
    Task<Result>[] cancelTasks = toCancel.Select(r => CancelAsync(http, "load-burst", r, overall.Token)).ToArray();
    Task[] reads = Enumerable.Range(0, toCancel.Length).Select(_ => http.GetAsync("/api/events/load-burst/availability", overall.Token)).ToArray();
    Result[] cancelResults = await Task.WhenAll(cancelTasks);
    await Task.WhenAll(reads);
    Report("cancel", cancelResults, clock.Elapsed.TotalSeconds, offered: null);
    StorageReport(timedStore, toCancel.Length);
    cpu.Report();

    // Verify against the stored ledger and records.
    IFormStore store = app.Services.GetRequiredService<IFormStore>();
    EventLedger ledger = await ReadLedgerAsync(store, "load-burst");
    IReadOnlyList<string> violations = LedgerAudit.Verify(ledger);
    // Each acknowledged registration must be in the ledger and its personal record readable by id
    // (through the ledger entry's records batch), with the same email that was sent.
    Dictionary<string, EventRegistrationRecord> records = await RegistrationRecords.ReadAllAsync(store, app.Services.GetRequiredService<StartupHub.Forms.Security.RecordSealer>(), ledger, overall.Token);
    Dictionary<string, string> sentEmail = burst.Zip(burstResults).Where(p => p.Second.RegistrationId is not null)
        .ToDictionary(p => p.Second.RegistrationId!, p => p.First.Email);
    int lost = acked.Count(r => !ledger.Registrations.ContainsKey(r.RegistrationId!)
        || !records.TryGetValue(r.RegistrationId!, out EventRegistrationRecord? record) || record.Personal.Email != sentEmail[r.RegistrationId!]);
    int duplicates = (acked.Length - acked.Select(r => r.RegistrationId).Distinct().Count())
        + (ledger.Registrations.Count - ledger.Registrations.Values.Select(r => r.Number).Distinct().Count())
        + (ledger.Registrations.Count - ledger.Registrations.Values.Select(r => r.EmailFingerprint).Distinct().Count())
        + retryMismatches;
    int promotions = ledger.Changes.Count(c => c.Op == "promote");
    SessionLedger seats = ledger.Sessions["main"];
    int expectedWaiting = registrations - capacity - toCancel.Length;
    Console.WriteLine();
    Console.WriteLine("[verify] against the stored ledger (Azurite) after both phases");
    Console.WriteLine($"  confirmed now {seats.Confirmed.Count}/{capacity}, waiting {seats.Waitlist.Count} (expected {expectedWaiting}), promotions {promotions}");
    Console.WriteLine($"  peak confirmed over all {ledger.Version} ledger versions: {LedgerAudit.PeakConfirmed(ledger, "main")} (capacity {capacity})");
    Console.WriteLine($"  FIFO / capacity audit violations: {violations.Count}{(violations.Count > 0 ? " — " + string.Join("; ", violations.Take(3)) : "")}");
    Console.WriteLine($"  lost (acknowledged but missing from ledger or records): {lost}; records readable by id: {records.Count}");
    Console.WriteLine($"  duplicates: {duplicates}");
    int burstConfirmed = burstResults.Count(r => r.Outcome == "confirmed");
    int burstWaitlisted = burstResults.Count(r => r.Outcome == "waitlisted");
    int fivexx = burstResults.Concat(cancelResults).Concat(retries).Count(r => r.Status >= 500 || r.Status == 0);
    correct &= burstConfirmed == capacity && burstWaitlisted == registrations - capacity && lost == 0 && duplicates == 0 && fivexx == 0
        && violations.Count == 0 && seats.Confirmed.Count == capacity && seats.Waitlist.Count == expectedWaiting;

    // Phase 3: open-loop sustained rate: requests are started on a fixed schedule whether or not earlier ones finished.
    Console.WriteLine();
    Console.WriteLine($"[sustained] offering {rate} registrations/s for {seconds} s to one event ({capacity} seats)");
    int total = rate * seconds;
    double senderLateMs = 0;
    int connectionsBefore = Volatile.Read(ref connectionsOpened);
    int sentLate = 0;
    List<Task<Result>> inFlight = new(total);
    // The machine's speed just before and just after the phase (the same fixed work on every core; see MachineSpeed).
    MachineSpeed.Reading speedBefore = MachineSpeed.Measure();
    timedStore.Reset();
    cpu = new(azurite);
    clock.Restart();
    for (int i = 0; i < total; i++)
    {
        TimeSpan due = TimeSpan.FromSeconds((double)i / rate);
        TimeSpan wait = due - clock.Elapsed;
        if (wait > TimeSpan.FromMilliseconds(1))
        {
            await Task.Delay(wait, overall.Token);
        }

        TimeSpan late = clock.Elapsed - due;
        senderLateMs = Math.Max(senderLateMs, late.TotalMilliseconds);
        sentLate += late > TimeSpan.FromMilliseconds(5) ? 1 : 0;
        inFlight.Add(RegisterAsync(http, "load-sustained", new Request($"sustained{i}@example.jp", $"sustained-{i}"), token, overall.Token));
    }

    double offeredSeconds = clock.Elapsed.TotalSeconds;
    Result[] sustained = await Task.WhenAll(inFlight);
    double sustainedSeconds = clock.Elapsed.TotalSeconds;
    Report("sustained", sustained, sustainedSeconds, offered: total / offeredSeconds);
    SlowByTime(sustained, 50);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  sender behind its schedule: at most {senderLateMs:F1} ms; {sentLate} requests sent more than 5 ms late; connections opened {connectionsOpened - connectionsBefore}"));
    AppTimes(sustained, 50);
    StorageReport(timedStore, total);
    cpu.Report();
    MachineSpeed.Reading speedAfter = MachineSpeed.Measure();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  machine speed (fixed work per core, lower is faster): before {speedBefore}; after {speedAfter}"));
    EventLedger sustainedLedger = await ReadLedgerAsync(store, "load-sustained");
    int sustainedErrors = sustained.Count(r => r.Status >= 500 || r.Status == 0);
    Dictionary<string, EventRegistrationRecord> sustainedRecords = await RegistrationRecords.ReadAllAsync(store, app.Services.GetRequiredService<StartupHub.Forms.Security.RecordSealer>(), sustainedLedger, overall.Token);
    int sustainedLost = sustained.Count(r => r.Status is 200 or 201 && (!sustainedLedger.Registrations.ContainsKey(r.RegistrationId!) || !sustainedRecords.ContainsKey(r.RegistrationId!)));
    Console.WriteLine($"  ledger: {sustainedLedger.Registrations.Count} registrations, {sustainedLedger.Sessions["main"].Confirmed.Count} confirmed, lost {sustainedLost}, audit violations {LedgerAudit.Verify(sustainedLedger).Count}");
    // Overload shedding (Forms:Shedding): requests refused with 503 "overloaded" over the whole run; the
    // defaults admit this test's 256 connections, so anything above 0 here means the limits are too tight.
    Console.WriteLine($"  shed (503 overloaded, whole run): {app.Services.GetRequiredService<StartupHub.Forms.Security.LoadShedder>().ShedCount}");
    correct &= sustainedErrors == 0 && sustainedLost == 0 && sustainedLedger.Sessions["main"].Confirmed.Count == capacity;

    // The audit log: registrants were answered before their "create" entries reached the hash chain (the
    // pump appends them from the journal afterwards). After catching up, every acknowledged registration
    // and cancellation must be in the chain exactly once, and the chain must verify.
    Console.WriteLine();
    clock.Restart();
    await app.Services.GetRequiredService<StartupHub.Forms.Registration.Journal.LedgerAuditPump>().CatchUpAllAsync(overall.Token);
    double catchUpMs = clock.Elapsed.TotalMilliseconds;
    Dictionary<string, int> audited = [];
    int auditedCancels = 0;
    await foreach (string key in store.ListAsync(StartupHub.Forms.Audit.AuditKeys.SegmentPrefix, overall.Token))
    {
        foreach (StartupHub.Forms.Audit.AuditEntry entry in StartupHub.Forms.Audit.AuditEncoding.ReadSegment((await store.ReadAsync(key, overall.Token))!.Content).Entries)
        {
            if (entry.Action == "create" && entry.Subject is { } subject)
            {
                audited[subject] = audited.GetValueOrDefault(subject) + 1;
            }

            auditedCancels += entry.Action == "cancel" ? 1 : 0;
        }
    }

    string[] acknowledged = [.. burstResults.Where(r => r.Status == 201).Select(r => $"load-burst/{r.RegistrationId}"),
        .. sustained.Where(r => r.Status == 201).Select(r => $"load-sustained/{r.RegistrationId}")];
    int missingAudit = acknowledged.Count(id => !audited.ContainsKey(id));
    int duplicateAudit = audited.Values.Count(n => n > 1);
    StartupHub.Forms.Audit.AuditVerification chain = await new StartupHub.Forms.Audit.AuditLogVerifier(store, app.Services.GetRequiredService<StartupHub.Forms.Audit.AuditSigner>()).VerifyAsync(overall.Token);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"[audit] pump caught up {catchUpMs:F0} ms after the last answer; creates for acknowledged registrations missing {missingAudit} of {acknowledged.Length}, appended twice {duplicateAudit}; cancels {auditedCancels}/{cancelResults.Count(r => r.Status == 200)}; chain {(chain.Valid ? "verifies" : "BROKEN")} ({chain.Entries} entries)"));
    correct &= missingAudit == 0 && duplicateAudit == 0 && chain.Valid && auditedCancels == cancelResults.Count(r => r.Status == 200);

    double achieved = sustained.Length / sustainedSeconds;
    double p99 = Percentile(sustained.Select(r => r.Milliseconds).ToArray(), 0.99);
    Console.WriteLine();
    Console.WriteLine("[targets]");
    Console.WriteLine($"  exact counts, 0 lost, 0 duplicates, 0 5xx, FIFO, never overbooked: {(correct ? "met" : "NOT MET")}");
    Console.WriteLine($"  >= 1000 registrations/s sustained: {(achieved >= 1000 ? "met" : "not met")} ({achieved:F0}/s)");
    Console.WriteLine($"  p99 < 50 ms at that rate: {(p99 < 50 ? "met" : "not met")} ({p99:F1} ms)");
}
finally
{
    await app.StopAsync();
    await app.DisposeAsync();
    Directory.Delete(work, recursive: true);
}

return correct ? 0 : 1;

static async Task WarmUpAsync(HttpClient http, string token)
{
    // JIT, connection pool and container creation, outside the measured phases.
    await Task.WhenAll(Enumerable.Range(0, 64).Select(i => RegisterAsync(http, "load-warmup", new Request($"warm{i}@example.jp", $"warm-{i}"), token, CancellationToken.None)));
}

static async Task<Result> RegisterAsync(HttpClient http, string eventId, Request request, string token, CancellationToken cancellationToken)
{
    string body = JsonSerializer.Serialize(new
    {
        sessions = new[] { "main" },
        name = "負荷 試験",
        furigana = "ふか しけん",
        email = request.Email,
        organization = "株式会社ロードテスト",
        organization_type = "startup",
        consent = new { agreed = true, purpose_version = "2025-08-01" },
        form_token = token,
    });
    using HttpRequestMessage message = new(HttpMethod.Post, $"/api/events/{eventId}/registrations")
    {
        Content = new StringContent(body, Encoding.UTF8, "application/json"),
    };
    message.Headers.Add("Idempotency-Key", request.IdempotencyKey);
    return await SendAsync(http, message, cancellationToken);
}

static async Task<Result> CancelAsync(HttpClient http, string eventId, Result registration, CancellationToken cancellationToken)
{
    using HttpRequestMessage message = new(HttpMethod.Post, $"/api/events/{eventId}/registrations/{registration.RegistrationId}/cancel")
    {
        Content = new StringContent(JsonSerializer.Serialize(new { token = registration.CancelToken }), Encoding.UTF8, "application/json"),
    };
    return await SendAsync(http, message, cancellationToken);
}

static async Task<Result> SendAsync(HttpClient http, HttpRequestMessage message, CancellationToken cancellationToken)
{
    long started = Stopwatch.GetTimestamp();
    try
    {
        using HttpResponseMessage response = await http.SendAsync(message, cancellationToken);
        JsonElement json = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        double ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created
            ? new Result((int)response.StatusCode, ms, json.GetProperty("status").GetString(), json.GetProperty("registration_id").GetString(),
                json.TryGetProperty("cancel_token", out JsonElement t) ? t.GetString() : null)
            : new Result((int)response.StatusCode, ms, json.TryGetProperty("code", out JsonElement c) ? c.GetString() : null, null, null)) with
        { Started = started };
    }
    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
    {
        return new Result(0, Stopwatch.GetElapsedTime(started).TotalMilliseconds, "transport-error", null, null) { Started = started };
    }
}

static void Report(string phase, Result[] results, double seconds, double? offered)
{
    double[] latencies = results.Select(r => r.Milliseconds).ToArray();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  requests {results.Length} in {seconds:F2} s; offered {(offered is { } o ? $"{o:F0}/s" : "all at once")}, achieved {results.Length / seconds:F0}/s"));
    Console.WriteLine($"  confirmed {results.Count(r => r.Outcome == "confirmed")}, waitlisted {results.Count(r => r.Outcome == "waitlisted")}, cancelled {results.Count(r => r.Outcome == "cancelled")}, 4xx {results.Count(r => r.Status is >= 400 and < 500)}, 5xx/transport {results.Count(r => r.Status >= 500 || r.Status == 0)}");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  latency p50 {Percentile(latencies, 0.50):F1} ms, p95 {Percentile(latencies, 0.95):F1} ms, p99 {Percentile(latencies, 0.99):F1} ms, max {latencies.DefaultIfEmpty().Max():F1} ms"));
}

// The slow answers of a phase by the half-second they were sent in: a tail spread evenly is queueing; one
// clustered in a few windows is a pause (GC, a snapshot, a slow storage write) that those requests all waited through.
static void SlowByTime(Result[] results, double thresholdMs)
{
    if (results.Length > 0)
    {
        long first = results.Min(r => r.Started);
        Console.WriteLine($"  answers slower than {thresholdMs} ms by half-second sent: {SlowWindows(results.Select(r => (r.Started, r.Milliseconds)), first, thresholdMs)}");
    }
}

// The same figures measured inside the host (from the app's first middleware to its answer): the difference to
// the client's figures is Kestrel, the loopback and HttpClient, all on the same 2 cores.
static void AppTimes(Result[] results, double thresholdMs)
{
    long firstSent = results.Min(r => r.Started);
    (long Started, double Milliseconds)[] app = [.. LoadHost.ServerTimes.Where(t => t.Started >= firstSent)];
    double[] latencies = [.. app.Select(t => t.Milliseconds)];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  inside the host: p50 {Percentile(latencies, 0.50):F1} ms, p95 {Percentile(latencies, 0.95):F1} ms, p99 {Percentile(latencies, 0.99):F1} ms; slower than {thresholdMs} ms by half-second: {SlowWindows(app, firstSent, thresholdMs)}"));
}

// "0.0s:3 0.5s:0 ...": per half-second after `first` (by when each was started), how many took longer than the threshold.
static string SlowWindows(IEnumerable<(long Started, double Milliseconds)> timings, long first, double thresholdMs) =>
    string.Join(' ', timings
        .GroupBy(t => (int)(Stopwatch.GetElapsedTime(first, t.Started).TotalSeconds * 2))
        .OrderBy(g => g.Key)
        .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key / 2.0:F1}s:{g.Count(t => t.Milliseconds > thresholdMs)}")));

static void StorageReport(TimedFormStore store, int requests)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  storage calls {store.TotalCalls} ({(double)store.TotalCalls / Math.Max(1, requests):F2} per request):"));
    foreach (string line in store.Lines())
    {
        Console.WriteLine("    " + line);
    }

    store.Reset();
}

static double Percentile(double[] values, double p)
{
    if (values.Length == 0)
    {
        return 0;
    }

    double[] sorted = [.. values.Order()];
    return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

static async Task<EventLedger> ReadLedgerAsync(IFormStore store, string eventId) =>
    (await new StartupHub.Forms.Registration.Journal.LedgerJournal(store).LoadAsync(eventId, CancellationToken.None))!;

static string ManifestJson(int capacity)
{
    DateTimeOffset now = DateTimeOffset.UtcNow;
    ManifestEvent Event(string id) => new(id, "負荷試験イベント", "chiba", "notable", $"/events/{id}/", now.AddDays(30), now.AddDays(30).AddHours(3), "scheduled",
        new ManifestWindow(now.AddDays(-1), now.AddDays(29)), [new ManifestSession("main", "seminar", "講演", null, null, capacity, true)]);
    FormsManifest manifest = new(1, now, true, [Event("load-burst"), Event("load-sustained"), Event("load-warmup")],
        [new ManifestForm("event-registration", "event-registration", "イベント参加申込", null, null, "2025-08-01")], []);
    return JsonSerializer.Serialize(manifest, FormsJson.Options);
}

static Dictionary<string, string> ParseArgs(string[] args)
{
    Dictionary<string, string> parsed = [];
    for (int i = 0; i + 1 < args.Length; i += 2)
    {
        parsed[args[i].TrimStart('-')] = args[i + 1];
    }

    return parsed;
}

int Int(string name, int fallback) =>
    options.TryGetValue(name, out string? value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

internal sealed record Request(string Email, string IdempotencyKey);

internal sealed record Result(int Status, double Milliseconds, string? Outcome, string? RegistrationId, string? CancelToken)
{
    /// <summary>When the request was sent (Stopwatch timestamp): places slow answers in time.</summary>
    public long Started { get; init; }
}
