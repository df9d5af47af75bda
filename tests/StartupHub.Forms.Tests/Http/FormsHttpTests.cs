using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StartupHub.Forms.Storage;
using StartupHub.Forms.Tests.Infrastructure;

namespace StartupHub.Forms.Tests.Http;

/// <summary>Through real HTTP against a Kestrel host mapped with MapStartupHubForms, on the local folder store.</summary>
public sealed class FormsHttpTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private FormsTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await FormsTestHost.StartAsync(TestEvents.WriteManifest(_folder.Path, true, TestEvents.Open("tiny", capacity: 1)), Path.Combine(_folder.Path, "data"));

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        JsonElement body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        return body;
    }

    [Fact]
    public async Task Registration_is_confirmed_then_waitlisted_and_cancellation_promotes()
    {
        JsonElement first = await _host.RegisterAsync("tiny", "first@example.jp", ["main"]);
        JsonElement second = await _host.RegisterAsync("tiny", "second@example.jp", ["main"]);
        Assert.Equal("confirmed", first.GetProperty("status").GetString());
        Assert.Equal("waitlisted", second.GetProperty("status").GetString());
        Assert.Equal(1, second.GetProperty("sessions")[0].GetProperty("waitlist_position").GetInt32());
        Assert.Equal("tiny-0001", first.GetProperty("registration_number").GetString());
        Assert.StartsWith("/forms/cancel/#event=tiny&registration=", first.GetProperty("cancel_url").GetString(), StringComparison.Ordinal);

        string id = first.GetProperty("registration_id").GetString()!;
        using HttpResponseMessage wrong = await _host.PostJsonAsync($"/api/events/tiny/registrations/{id}/cancel", new { token = "guess" });
        await ProblemAsync(wrong, HttpStatusCode.Forbidden, "invalid-cancel-token");

        using HttpResponseMessage cancel = await _host.PostJsonAsync($"/api/events/tiny/registrations/{id}/cancel", new { token = first.GetProperty("cancel_token").GetString() });
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("cancelled", (await cancel.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        using HttpResponseMessage availability = await _host.Client.GetAsync("/api/events/tiny/availability");
        JsonElement seats = (await availability.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sessions")[0];
        Assert.Equal(1, seats.GetProperty("confirmed").GetInt32());
        Assert.Equal(0, seats.GetProperty("waitlist").GetInt32());
        Assert.Equal(0, seats.GetProperty("remaining").GetInt32());
        Assert.Contains("max-age=5", availability.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Same_email_returns_the_existing_registration_without_its_cancel_link()
    {
        JsonElement first = await _host.RegisterAsync("open-event", "dup@example.jp");
        using HttpResponseMessage again = await _host.PostJsonAsync("/api/events/open-event/registrations", FormsTestHost.Body("DUP@example.jp", await _host.FormTokenAsync()));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        JsonElement body = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("duplicate").GetBoolean());
        Assert.Equal(first.GetProperty("registration_number").GetString(), body.GetProperty("registration_number").GetString());
        Assert.False(body.TryGetProperty("cancel_token", out _));
    }

    [Fact]
    public async Task Idempotency_key_replays_the_same_answer_and_refuses_a_different_body()
    {
        string token = await _host.FormTokenAsync();
        object body = FormsTestHost.Body("idem@example.jp", token);
        using HttpResponseMessage first = await _host.PostJsonAsync("/api/events/open-event/registrations", body, "key-123");
        using HttpResponseMessage retry = await _host.PostJsonAsync("/api/events/open-event/registrations", body, "key-123");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        JsonElement a = await first.Content.ReadFromJsonAsync<JsonElement>();
        JsonElement b = await retry.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(a.GetProperty("registration_id").GetString(), b.GetProperty("registration_id").GetString());
        Assert.Equal(a.GetProperty("cancel_token").GetString(), b.GetProperty("cancel_token").GetString());

        using HttpResponseMessage different = await _host.PostJsonAsync("/api/events/open-event/registrations", FormsTestHost.Body("other@example.jp", token), "key-123");
        await ProblemAsync(different, HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
    }

    [Fact]
    public async Task Validation_errors_are_per_field_in_japanese()
    {
        object bad = new { sessions = new[] { "talk" }, name = "", furigana = "Hanako", email = "not-an-email", organization_type = "startup", organization = "x", consent = new { agreed = false }, form_token = await _host.FormTokenAsync() };
        using HttpResponseMessage response = await _host.PostJsonAsync("/api/events/open-event/registrations", bad);
        JsonElement problem = await ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "validation");
        JsonElement errors = problem.GetProperty("errors");
        Assert.Equal("氏名を入力してください。", errors.GetProperty("name")[0].GetString());
        Assert.Contains("ひらがな", errors.GetProperty("furigana")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("メールアドレス", errors.GetProperty("email")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("consent.agreed", out _));
    }

    [Theory]
    [InlineData("cancelled-event", HttpStatusCode.Conflict, "event-cancelled")]
    [InlineData("past-event", HttpStatusCode.Conflict, "event-ended")]
    [InlineData("future-window", HttpStatusCode.Conflict, "registration-not-open")]
    [InlineData("closed-window", HttpStatusCode.Conflict, "registration-closed")]
    [InlineData("no-registration", HttpStatusCode.Conflict, "registration-not-offered")]
    [InlineData("unknown-event", HttpStatusCode.NotFound, "event-not-found")]
    [InlineData("..%2F..%2Fetc", HttpStatusCode.NotFound, "event-not-found")]
    public async Task Registrations_outside_their_window_or_for_unavailable_events_are_refused_with_a_reason(string eventId, HttpStatusCode status, string code)
    {
        using HttpResponseMessage response = await _host.PostJsonAsync($"/api/events/{eventId}/registrations", FormsTestHost.Body("x@example.jp", await _host.FormTokenAsync()));
        JsonElement problem = await ProblemAsync(response, status, code);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Wrong_content_type_is_415_and_oversize_body_is_413_and_bad_json_is_400()
    {
        // Form posts are accepted (no-JS pages, see Applications/ApplicationHttpTests); other types are not.
        using HttpResponseMessage form = await _host.Client.PostAsync("/api/events/open-event/registrations", new StringContent("name=x", Encoding.UTF8, "text/plain"));
        await ProblemAsync(form, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");

        using HttpResponseMessage big = await _host.Client.PostAsync("/api/events/open-event/registrations",
            new StringContent("{\"comment\":\"" + new string('a', 20_000) + "\"}", Encoding.UTF8, "application/json"));
        await ProblemAsync(big, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");

        using HttpResponseMessage broken = await _host.Client.PostAsync("/api/events/open-event/registrations", new StringContent("{\"name\": [", Encoding.UTF8, "application/json"));
        await ProblemAsync(broken, HttpStatusCode.BadRequest, "malformed-json");

        using HttpResponseMessage wrongType = await _host.Client.PostAsync("/api/events/open-event/registrations", new StringContent("{\"name\": 5, \"sessions\": \"talk\"}", Encoding.UTF8, "application/json"));
        await ProblemAsync(wrongType, HttpStatusCode.BadRequest, "malformed-json");
    }

    [Fact]
    public async Task Chunked_oversize_body_without_content_length_is_413()
    {
        HttpRequestMessage request = new(HttpMethod.Post, "/api/events/open-event/registrations")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(new string(' ', 40_000) + "{}"))),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = true;
        using HttpResponseMessage response = await _host.Client.SendAsync(request);
        await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
    }

    [Fact]
    public async Task Honeypot_and_missing_or_forged_form_tokens_are_refused()
    {
        using HttpResponseMessage honeypot = await _host.PostJsonAsync("/api/events/open-event/registrations", FormsTestHost.Body("bot@example.jp", await _host.FormTokenAsync(), honeypot: "http://spam"));
        await ProblemAsync(honeypot, HttpStatusCode.BadRequest, "submission-rejected");

        using HttpResponseMessage forged = await _host.PostJsonAsync("/api/events/open-event/registrations", FormsTestHost.Body("bot@example.jp", "1700000000000.event-registration.AAAA"));
        await ProblemAsync(forged, HttpStatusCode.BadRequest, "invalid-form-token");

        using HttpResponseMessage availability = await _host.Client.GetAsync("/api/events/open-event/availability");
        Assert.Equal(0, (await availability.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sessions")[0].GetProperty("confirmed").GetInt32());
    }

    [Fact]
    public async Task Unknown_form_token_request_is_404()
    {
        using HttpResponseMessage response = await _host.Client.GetAsync("/api/forms/nope/token");
        await ProblemAsync(response, HttpStatusCode.NotFound, "form-not-found");
    }
}

public sealed class FormsHttpGuardTests
{
    [Fact]
    public async Task Submissions_faster_than_a_person_are_refused()
    {
        using TempFolder folder = new();
        await using FormsTestHost host = await FormsTestHost.StartAsync(TestEvents.WriteManifest(folder.Path), Path.Combine(folder.Path, "data"),
            new() { ["Forms:MinimumFillSeconds"] = "30" });
        using HttpResponseMessage response = await host.PostJsonAsync("/api/events/open-event/registrations", FormsTestHost.Body("fast@example.jp", await host.FormTokenAsync()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("submitted-too-fast", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Rate_limited_clients_get_429_with_retry_after()
    {
        using TempFolder folder = new();
        await using FormsTestHost host = await FormsTestHost.StartAsync(TestEvents.WriteManifest(folder.Path), Path.Combine(folder.Path, "data"),
            new() { ["Forms:RateLimit:Burst"] = "2", ["Forms:RateLimit:PermitsPerMinute"] = "2" });
        HttpStatusCode[] statuses = new HttpStatusCode[4];
        HttpResponseMessage? limited = null;
        for (int i = 0; i < statuses.Length; i++)
        {
            HttpResponseMessage response = await host.Client.GetAsync("/api/forms/event-registration/token");
            statuses[i] = response.StatusCode;
            limited ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(limited!.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task Closed_forms_answer_403()
    {
        using TempFolder folder = new();
        await using FormsTestHost host = await FormsTestHost.StartAsync(TestEvents.WriteManifest(folder.Path, formsOpen: false), Path.Combine(folder.Path, "data"));
        using HttpResponseMessage response = await host.Client.GetAsync("/api/forms/event-registration/token");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("forms-closed", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Storage_outage_answers_503_with_retry_after_and_acknowledges_nothing()
    {
        using TempFolder folder = new();
        string data = Path.Combine(folder.Path, "data");
        LocalFolderFormStore healthy = new(data);
        await using FormsTestHost host = await FormsTestHost.StartAsync(TestEvents.WriteManifest(folder.Path), data,
            services: s => s.AddSingleton<IFormStore>(new LedgerWriteFailsStore(healthy)));
        using HttpResponseMessage response = await host.PostJsonAsync("/api/events/open-event/registrations", FormsTestHost.Body("down@example.jp", await host.FormTokenAsync()));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("storage-unavailable", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        // The personal record written before the failed ledger write was removed again.
        Assert.Empty(await ToListAsync(healthy.ListAsync("submissions/", CancellationToken.None)));
    }

    [Fact]
    public async Task A_store_that_is_completely_down_answers_503_on_every_endpoint()
    {
        using TempFolder folder = new();
        await using FormsTestHost host = await FormsTestHost.StartAsync(TestEvents.WriteManifest(folder.Path), Path.Combine(folder.Path, "data"),
            services: s => s.AddSingleton<IFormStore>(new UnavailableStore()));
        using HttpResponseMessage availability = await host.Client.GetAsync("/api/events/open-event/availability");
        using HttpResponseMessage register = await host.PostJsonAsync("/api/events/open-event/registrations", FormsTestHost.Body("down@example.jp", await host.FormTokenAsync()));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, availability.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, register.StatusCode);
    }

    [Fact]
    public async Task Missing_manifest_answers_503_not_500()
    {
        using TempFolder folder = new();
        await using FormsTestHost host = await FormsTestHost.StartAsync(Path.Combine(folder.Path, "absent.json"), Path.Combine(folder.Path, "data"));
        using HttpResponseMessage response = await host.Client.GetAsync("/api/events/open-event/availability");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    private static async Task<List<string>> ToListAsync(IAsyncEnumerable<string> items)
    {
        List<string> list = [];
        await foreach (string item in items)
        {
            list.Add(item);
        }

        return list;
    }
}

[Collection(AzuriteCollection.Name)]
public sealed class FormsHttpAzuriteTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Parallel_http_registrations_on_azurite_fill_exactly_the_capacity()
    {
        using TempFolder folder = new();
        await using FormsTestHost host = await FormsTestHost.StartAsync(TestEvents.WriteManifest(folder.Path, true, TestEvents.Open("http-race", capacity: 30)),
            Path.Combine(folder.Path, "data"),
            new() { ["Forms:Storage:ConnectionString"] = azurite.ConnectionString, ["Forms:Storage:Container"] = "http-" + Guid.NewGuid().ToString("N")[..12] });
        string token = await host.FormTokenAsync();
        HttpResponseMessage[] responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            host.PostJsonAsync("/api/events/http-race/registrations", FormsTestHost.Body($"h{i}@example.jp", token, ["main"]))));
        JsonElement[] bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(30, bodies.Count(b => b.GetProperty("status").GetString() == "confirmed"));
        Assert.Equal(170, bodies.Count(b => b.GetProperty("status").GetString() == "waitlisted"));
        Assert.Equal(200, bodies.Select(b => b.GetProperty("registration_number").GetString()).Distinct().Count());
        foreach (HttpResponseMessage response in responses)
        {
            response.Dispose();
        }
    }
}
