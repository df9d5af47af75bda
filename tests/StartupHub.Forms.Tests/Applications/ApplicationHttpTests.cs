using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StartupHub.Forms.Applications;
using StartupHub.Forms.Audit;
using StartupHub.Forms.Storage;
using StartupHub.Forms.Tests.Infrastructure;
using StartupHub.Forms.Tests.Uploads;

namespace StartupHub.Forms.Tests.Applications;

/// <summary>POST /api/forms/{formId}/submissions end to end over a real Kestrel host and the local folder store.</summary>
public sealed class ApplicationHttpTests : IAsyncLifetime
{
    /// <summary>Inside the OIP period of the test manifest (2025-08-01 10:00 to 2025-08-31 17:00 JST).</summary>
    private static readonly DateTimeOffset DuringOip = new(2025, 8, 15, 12, 0, 0, TimeSpan.FromHours(9));

    private readonly TempFolder _folder = new();
    private readonly ManualTimeProvider _clock = new(DuringOip);
    private readonly RecordingAuditLog _audit = new();
    private FormsTestHost _host = null!;
    private HttpClient _client = null!;

    private string DataFolder => Path.Combine(_folder.Path, "data");

    public async Task InitializeAsync()
    {
        _host = await FormsTestHost.StartAsync(TestEvents.WriteManifest(_folder.Path), DataFolder, services: s =>
        {
            s.AddSingleton<TimeProvider>(_clock);
            s.AddSingleton<IAuditLog>(_audit);
        });
        _client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _host.Client.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    private const string OipPath = "/api/forms/oip-application/submissions";

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpRequestMessage request)
    {
        using HttpResponseMessage response = await _client.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostOipAsync(byte[]? pdf, string fileName = "deck.pdf") =>
        await SendAsync(ApplicationRequests.Post(OipPath,
            ApplicationRequests.Multipart(ApplicationRequests.Oip(await _host.FormTokenAsync("oip-application")), pdf, fileName), acceptJson: true));

    [Fact]
    public async Task An_oip_application_with_a_clean_pdf_is_stored_sealed_numbered_and_audited()
    {
        byte[] pdf = PdfCorpus.Minimal();
        (HttpStatusCode status, JsonElement body) = await PostOipAsync(pdf, "C:\\Users\\me\\..\\pitch deck.pdf");
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("OIP-0001", body.GetProperty("number").GetString());
        Assert.Equal("oip-application", body.GetProperty("form_id").GetString());
        Assert.Equal("received", body.GetProperty("status").GetString());
        Assert.Contains("OIP-0001", body.GetProperty("message").GetString(), StringComparison.Ordinal);

        SubmissionStore store = _host.Services.GetRequiredService<SubmissionStore>();
        string id = body.GetProperty("id").GetString()!;
        SubmissionRecord record = (await store.GetAsync("oip-application", id, CancellationToken.None))!;
        Assert.Equal(ApplicationRequests.OipEmail, record.ContactEmail);
        Assert.Equal("2025-08-01", record.PurposeVersion);
        Assert.Equal(DuringOip, record.ConsentedAt);
        Assert.Equal("pitch deck.pdf", record.Attachments[0].FileName);
        Assert.Equal(pdf, (await store.OpenAttachmentAsync("oip-application", id, record.Attachments[0].Id, CancellationToken.None))!.Content);

        Assert.Contains(_audit.Entries, e => e is { Action: "create", Form: "oip-application" } && e.Subject == id && e.Actor.StartsWith("public:", StringComparison.Ordinal));
    }

    public static TheoryData<string> RejectedPdfs() =>
    [
        .. PdfCorpus.ActiveNames.SelectMany(n => new[] { $"plain:{n}", $"hex:{n}", $"objstm:{n}", $"objstm-hex:{n}" }),
        "encrypted", "truncated", "truncated-eof", "no-eof", "not-pdf", "too-large", "missing",
    ];

    private static byte[]? Corpus(string name) => name.Split(':') switch
    {
        ["plain", var n] => PdfCorpus.WithName(n, hexEscaped: false),
        ["hex", var n] => PdfCorpus.WithName(n, hexEscaped: true),
        ["objstm", var n] => PdfCorpus.WithNameInObjectStream(n, hexEscaped: false),
        ["objstm-hex", var n] => PdfCorpus.WithNameInObjectStream(n, hexEscaped: true),
        ["encrypted"] => PdfCorpus.Encrypted(),
        ["truncated"] => PdfCorpus.TruncatedPlain(),
        ["truncated-eof"] => PdfCorpus.TruncatedWithEof(),
        ["no-eof"] => PdfCorpus.WithoutEof(),
        ["not-pdf"] => PdfCorpus.NotAPdf(),
        ["too-large"] => PdfCorpus.OfSize(10 * 1024 * 1024 + 1),
        _ => null,
    };

    [Theory]
    [MemberData(nameof(RejectedPdfs))]
    public async Task Bad_pdfs_are_refused_on_the_pitch_deck_field_and_nothing_is_stored(string corpus)
    {
        (HttpStatusCode status, JsonElement body) = await PostOipAsync(Corpus(corpus));
        Assert.Equal((HttpStatusCode)422, status);
        Assert.Equal("validation", body.GetProperty("code").GetString());
        Assert.Equal(["pitch_deck"], body.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.False(Directory.Exists(Path.Combine(DataFolder, "submissions", "oip-application")));
        Assert.False(Directory.Exists(Path.Combine(DataFolder, "attachments")));
    }

    [Fact]
    public async Task Exactly_ten_megabytes_is_accepted_over_http()
    {
        (HttpStatusCode status, _) = await PostOipAsync(PdfCorpus.OfSize(10 * 1024 * 1024));
        Assert.Equal(HttpStatusCode.Created, status);
    }

    [Fact]
    public async Task A_head_office_outside_chiba_without_a_chiba_office_is_refused_on_that_field()
    {
        Dictionary<string, string> fields = ApplicationRequests.Oip(await _host.FormTokenAsync("oip-application"), headOffice: "東京都千代田区丸の内1-1");
        (HttpStatusCode status, JsonElement body) = await SendAsync(ApplicationRequests.Post(OipPath, ApplicationRequests.Multipart(fields, PdfCorpus.Minimal()), acceptJson: true));
        Assert.Equal((HttpStatusCode)422, status);
        Assert.Contains("千葉県内の事業所", body.GetProperty("errors").GetProperty("chiba_office_address")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mentee_json_and_inquiry_form_encoded_with_accept_json_get_json_answers()
    {
        (HttpStatusCode menteeStatus, JsonElement mentee) = await SendAsync(ApplicationRequests.Post("/api/forms/mentee-application/submissions",
            ApplicationRequests.Json(ApplicationRequests.Mentee(await _host.FormTokenAsync("mentee-application"))), acceptJson: true));
        Assert.Equal(HttpStatusCode.Created, menteeStatus);
        Assert.Equal("MEN-0001", mentee.GetProperty("number").GetString());

        (HttpStatusCode inquiryStatus, JsonElement inquiry) = await SendAsync(ApplicationRequests.Post("/api/forms/partnership-inquiry/submissions",
            ApplicationRequests.UrlEncoded(ApplicationRequests.Inquiry(await _host.FormTokenAsync("partnership-inquiry"))), acceptJson: true));
        Assert.Equal(HttpStatusCode.Created, inquiryStatus);
        Assert.Equal("INQ-0001", inquiry.GetProperty("number").GetString());
        SubmissionRecord record = (await _host.Services.GetRequiredService<SubmissionStore>()
            .GetAsync("partnership-inquiry", inquiry.GetProperty("id").GetString()!, CancellationToken.None))!;
        Assert.Equal("kazusa-aqua", record.CompanyId);
    }

    [Fact]
    public async Task An_inquiry_about_an_unknown_company_is_refused_on_company_id()
    {
        (HttpStatusCode status, JsonElement body) = await SendAsync(ApplicationRequests.Post("/api/forms/partnership-inquiry/submissions",
            ApplicationRequests.Json(ApplicationRequests.Inquiry(await _host.FormTokenAsync("partnership-inquiry"), "no-such-co")), acceptJson: true));
        Assert.Equal((HttpStatusCode)422, status);
        Assert.Equal(["company_id"], body.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Json_without_a_form_token_is_refused()
    {
        (HttpStatusCode status, JsonElement body) = await SendAsync(ApplicationRequests.Post("/api/forms/mentee-application/submissions",
            ApplicationRequests.Json(ApplicationRequests.Mentee(null)), acceptJson: true));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid-form-token", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_stale_purpose_version_is_refused_on_purpose_version()
    {
        Dictionary<string, string> fields = ApplicationRequests.Mentee(await _host.FormTokenAsync("mentee-application"));
        fields["purpose_version"] = "2025-08-01";
        (HttpStatusCode status, JsonElement body) = await SendAsync(ApplicationRequests.Post("/api/forms/mentee-application/submissions", ApplicationRequests.Json(fields), acceptJson: true));
        Assert.Equal((HttpStatusCode)422, status);
        Assert.Equal(["purpose_version"], body.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("2025-08-01T09:59:59+09:00", 409, "form-not-open", "2025年8月1日 10:00")]
    [InlineData("2025-08-01T10:00:00+09:00", 201, null, null)]
    [InlineData("2025-08-31T16:59:59+09:00", 201, null, null)]
    [InlineData("2025-08-31T17:00:00+09:00", 409, "form-closed", "2025年8月31日 17:00")]
    public async Task The_period_comes_from_the_manifest_and_is_half_open(string now, int expected, string? code, string? jst)
    {
        _clock.Now = DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture);
        (HttpStatusCode status, JsonElement body) = await PostOipAsync(PdfCorpus.Minimal());
        Assert.Equal(expected, (int)status);
        if (code is not null)
        {
            Assert.Equal(code, body.GetProperty("code").GetString());
            Assert.Contains(jst!, body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("no-such-form")]
    [InlineData("event-registration")]
    [InlineData("..%2F..%2Fsecret")]
    public async Task Unknown_forms_are_404(string formId)
    {
        (HttpStatusCode status, JsonElement body) = await SendAsync(ApplicationRequests.Post($"/api/forms/{formId}/submissions",
            ApplicationRequests.Json(ApplicationRequests.Mentee("x")), acceptJson: true));
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("form-not-found", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task No_js_posts_are_redirected_to_the_result_pages()
    {
        // Accepted without a form_token (a page without JS cannot fetch one).
        using HttpResponseMessage received = await _client.SendAsync(ApplicationRequests.Post("/api/forms/partnership-inquiry/submissions",
            ApplicationRequests.UrlEncoded(ApplicationRequests.Inquiry(null)), acceptJson: false));
        Assert.Equal(HttpStatusCode.SeeOther, received.StatusCode);
        Assert.Equal("/forms/result/received/?form=partnership-inquiry&number=INQ-0001", received.Headers.Location!.OriginalString);

        Dictionary<string, string> invalid = ApplicationRequests.Inquiry(null);
        invalid["email"] = "not-an-email";
        using HttpResponseMessage error = await _client.SendAsync(ApplicationRequests.Post("/api/forms/partnership-inquiry/submissions",
            ApplicationRequests.UrlEncoded(invalid), acceptJson: false));
        Assert.Equal(HttpStatusCode.SeeOther, error.StatusCode);
        Assert.Equal("/forms/result/error/?form=partnership-inquiry&code=validation", error.Headers.Location!.OriginalString);

        Dictionary<string, string> bot = ApplicationRequests.Inquiry(null);
        bot["website"] = "http://spam.example/";
        using HttpResponseMessage honeypot = await _client.SendAsync(ApplicationRequests.Post("/api/forms/partnership-inquiry/submissions",
            ApplicationRequests.UrlEncoded(bot), acceptJson: false));
        Assert.Equal("/forms/result/error/?form=partnership-inquiry&code=submission-rejected", honeypot.Headers.Location!.OriginalString);

        // Multipart without JS works too (the OIP form must be multipart for its file).
        using HttpResponseMessage oip = await _client.SendAsync(ApplicationRequests.Post(OipPath,
            ApplicationRequests.Multipart(ApplicationRequests.Oip(null), PdfCorpus.Minimal()), acceptJson: false));
        Assert.Equal(HttpStatusCode.SeeOther, oip.StatusCode);
        Assert.Equal("/forms/result/received/?form=oip-application&number=OIP-0001", oip.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Tokenless_form_posts_fall_under_the_stricter_limit()
    {
        List<string> locations = [];
        for (int i = 0; i < 5; i++)
        {
            Dictionary<string, string> fields = ApplicationRequests.Mentee(null);
            using HttpResponseMessage response = await _client.SendAsync(ApplicationRequests.Post("/api/forms/mentee-application/submissions",
                ApplicationRequests.UrlEncoded(fields), acceptJson: false));
            locations.Add(response.Headers.Location!.OriginalString);
        }

        // Burst 3 (Forms:FormPosts:TokenlessBurst) within the same moment.
        Assert.All(locations.Take(3), l => Assert.StartsWith("/forms/result/received/", l, StringComparison.Ordinal));
        Assert.Contains("/forms/result/error/?form=mentee-application&code=rate-limited", locations.Skip(3));

        // A JS post with a token is not affected by the tokenless limit.
        (HttpStatusCode status, _) = await SendAsync(ApplicationRequests.Post("/api/forms/mentee-application/submissions",
            ApplicationRequests.Json(ApplicationRequests.Mentee(await _host.FormTokenAsync("mentee-application"))), acceptJson: true));
        Assert.Equal(HttpStatusCode.Created, status);
    }

    [Fact]
    public async Task Event_registration_no_js_post_redirects_with_number_and_cancel_fragment()
    {
        KeyValuePair<string, string>[] fields =
        [
            new("sessions", "talk"), new("sessions", "pitch"), new("name", "千葉 花子"), new("furigana", "ちば はなこ"), new("email", "nojs@example.jp"),
            new("organization", "株式会社テスト"), new("organization_type", "startup"), new("consent", "on"), new("purpose_version", "2025-08-01"), new("website", ""),
        ];
        using HttpResponseMessage response = await _client.SendAsync(ApplicationRequests.Post("/api/events/open-event/registrations", ApplicationRequests.UrlEncoded(fields), acceptJson: false));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        string location = response.Headers.Location!.OriginalString;
        Assert.Matches(@"^/forms/result/registered/\?form=event-registration&number=[^&#]+#event=open-event&registration=[A-Za-z0-9_-]+&token=[A-Za-z0-9_-]+$", location);

        // pitch has capacity 1: the next person is waitlisted there.
        KeyValuePair<string, string>[] second = [.. fields.Select(f => f.Key == "email" ? new("email", "nojs2@example.jp") : f)];
        using HttpResponseMessage waitlisted = await _client.SendAsync(ApplicationRequests.Post("/api/events/open-event/registrations", ApplicationRequests.UrlEncoded(second), acceptJson: false));
        Assert.StartsWith("/forms/result/waitlisted/?form=event-registration&number=", waitlisted.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // The same form body with Accept: application/json gets the JSON answer.
        KeyValuePair<string, string>[] third = [.. fields.Select(f => f.Key == "email" ? new("email", "nojs3@example.jp") : f), new("form_token", await _host.FormTokenAsync())];
        using HttpResponseMessage json = await _client.SendAsync(ApplicationRequests.Post("/api/events/open-event/registrations", ApplicationRequests.UrlEncoded(third), acceptJson: true));
        Assert.Equal(HttpStatusCode.Created, json.StatusCode);
        Assert.Equal("waitlisted", (await json.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sessions")[1].GetProperty("status").GetString());

        // Errors redirect to the error page with the problem code.
        using HttpResponseMessage missing = await _client.SendAsync(ApplicationRequests.Post("/api/events/no-such-event/registrations", ApplicationRequests.UrlEncoded(fields), acceptJson: false));
        Assert.Equal("/forms/result/error/?form=event-registration&code=event-not-found", missing.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_declared_length_over_the_cap_is_refused_before_the_body_is_read()
    {
        // Raw HTTP: announce 50 MB and send nothing. The answer must come without the server waiting for a body.
        using System.Net.Sockets.TcpClient tcp = new();
        await tcp.ConnectAsync(_host.Client.BaseAddress!.Host, _host.Client.BaseAddress.Port);
        await using System.Net.Sockets.NetworkStream stream = tcp.GetStream();
        string head = $"POST {OipPath} HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: {50 * 1024 * 1024}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        using CancellationTokenSource timeout = new(TimeSpan.FromSeconds(10));
        byte[] buffer = new byte[4096];
        int read = await stream.ReadAsync(buffer, timeout.Token);
        Assert.StartsWith("HTTP/1.1 413", Encoding.ASCII.GetString(buffer, 0, read), StringComparison.Ordinal);
    }

    /// <summary>
    /// Over HTTP only the answer is checked: after answering, Kestrel itself drains (and then drops) the rest
    /// of an unread body. How much the handler reads is checked in ApplicationFunctionsTests.
    /// </summary>
    [Fact]
    public async Task A_body_without_length_is_answered_413()
    {
        StreamContent content = new(EndlessStream.FilePart("endless"));
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=endless");
        HttpRequestMessage request = ApplicationRequests.Post(OipPath, content, acceptJson: true);
        request.Headers.TransferEncodingChunked = true;
        try
        {
            using HttpResponseMessage response = await _client.SendAsync(request);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        }
        catch (HttpRequestException)
        {
            // Kestrel may reset the connection while the client is still sending: also a refusal.
        }
    }

    [Fact]
    public async Task Raw_storage_contains_no_personal_data_in_plaintext()
    {
        Assert.Equal(HttpStatusCode.Created, (await PostOipAsync(PdfCorpus.Minimal())).Status);
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(ApplicationRequests.Post("/api/forms/mentee-application/submissions",
            ApplicationRequests.Json(ApplicationRequests.Mentee(await _host.FormTokenAsync("mentee-application"))), acceptJson: true))).Status);
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(ApplicationRequests.Post("/api/forms/partnership-inquiry/submissions",
            ApplicationRequests.Json(ApplicationRequests.Inquiry(await _host.FormTokenAsync("partnership-inquiry"))), acceptJson: true))).Status);

        string[] secrets =
        [
            ApplicationRequests.OipEmail, ApplicationRequests.OipPhone, ApplicationRequests.OipCompany, "mentee-person@example.jp", "090-1234-5678",
            "屋号テスト", "inquiry-person@example.jp", "0478-55-0000", "香取ファンド株式会社", "房総 花子",
        ];
        string[] files = Directory.GetFiles(DataFolder, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.Replace('\\', '/').Contains("/submissions/oip-application/", StringComparison.Ordinal));
        foreach (string file in files)
        {
            byte[] content = await File.ReadAllBytesAsync(file);
            foreach (string secret in secrets)
            {
                Assert.True(content.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, $"{secret} in {file}");
            }
        }
    }

    [Fact]
    public async Task Closed_forms_and_storage_outages_are_problems_or_error_redirects()
    {
        await using FormsTestHost closed = await FormsTestHost.StartAsync(TestEvents.WriteManifest(Directory.CreateDirectory(Path.Combine(_folder.Path, "closed")).FullName, formsOpen: false),
            Path.Combine(_folder.Path, "closed-data"), services: s => s.AddSingleton<TimeProvider>(_clock));
        using HttpResponseMessage forbidden = await closed.Client.SendAsync(ApplicationRequests.Post("/api/forms/mentee-application/submissions",
            ApplicationRequests.Json(ApplicationRequests.Mentee("x")), acceptJson: true));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("forms-closed", (await forbidden.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        await using FormsTestHost down = await FormsTestHost.StartAsync(TestEvents.WriteManifest(Directory.CreateDirectory(Path.Combine(_folder.Path, "down")).FullName),
            Path.Combine(_folder.Path, "down-data"), services: s =>
            {
                s.AddSingleton<TimeProvider>(_clock);
                s.AddSingleton<IFormStore>(new UnavailableStore());
            });
        using HttpResponseMessage unavailable = await down.Client.SendAsync(ApplicationRequests.Post("/api/forms/mentee-application/submissions",
            ApplicationRequests.Json(ApplicationRequests.Mentee(await down.FormTokenAsync("mentee-application"))), acceptJson: true));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);
        using HttpClient noRedirect = new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = down.Client.BaseAddress };
        using HttpResponseMessage redirected = await noRedirect.SendAsync(ApplicationRequests.Post("/api/forms/mentee-application/submissions",
            ApplicationRequests.UrlEncoded(ApplicationRequests.Mentee(null)), acceptJson: false));
        Assert.Equal("/forms/result/error/?form=mentee-application&code=storage-unavailable", redirected.Headers.Location!.OriginalString);
    }

    /// <summary>Records audit entries so a test can see them.</summary>
    private sealed class RecordingAuditLog : IAuditLog
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<AuditEvent> _entries = new();

        public IReadOnlyCollection<AuditEvent> Entries => _entries;

        public Task AppendAsync(AuditEvent entry, CancellationToken cancellationToken)
        {
            _entries.Enqueue(entry);
            return Task.CompletedTask;
        }
    }

    /// <summary>A request body that never ends; counts what was read from it.</summary>
    internal sealed class EndlessStream(string prefix = "") : Stream
    {
        private readonly byte[] _prefix = Encoding.ASCII.GetBytes(prefix);

        public long Produced;

        /// <summary>Starts a multipart file part that never ends.</summary>
        public static EndlessStream FilePart(string boundary) =>
            new($"--{boundary}\r\nContent-Disposition: form-data; name=\"pitch_deck\"; filename=\"deck.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n");

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Produced; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Span<byte> target = buffer.AsSpan(offset, count);
            target.Fill((byte)'a');
            if (Produced < _prefix.Length)
            {
                int n = Math.Min(count, _prefix.Length - (int)Produced);
                _prefix.AsSpan((int)Produced, n).CopyTo(target);
            }

            Produced += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
