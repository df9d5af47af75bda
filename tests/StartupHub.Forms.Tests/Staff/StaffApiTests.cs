using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using StartupHub.Forms.Audit;
using StartupHub.Forms.Tests.Infrastructure;

namespace StartupHub.Forms.Tests.Staff;

/// <summary>The staff API over real HTTP on the local folder store, with registrations made through the public endpoint.</summary>
public sealed class StaffApiTests : IAsyncLifetime
{
    private StaffApiScenario _s = null!;

    public async Task InitializeAsync() => _s = await StaffApiScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private string RegistrationId(int i) => _s.Registrations[i].GetProperty("registration_id").GetString()!;

    public static TheoryData<string, string> StaffRoutes() => new()
    {
        { "GET", "/api/staff/submissions" },
        { "GET", "/api/staff/submissions/event-registration/abc" },
        { "GET", "/api/staff/submissions/oip-application/abc/attachments/def" },
        { "POST", "/api/staff/submissions/oip-application/abc/status" },
        { "GET", "/api/staff/exports/event-registration.csv" },
        { "GET", "/api/staff/exports/event-registration.xlsx" },
        { "GET", "/api/staff/events/tiny/roster" },
        { "GET", "/api/staff/events/tiny/roster.csv" },
        { "GET", "/api/staff/events/tiny/roster.xlsx" },
        { "GET", "/api/staff/summary" },
        { "GET", "/api/staff/summary.xlsx" },
    };

    [Theory]
    [MemberData(nameof(StaffRoutes))]
    public async Task Every_staff_route_refuses_without_a_principal_401_and_without_the_role_403(string method, string path)
    {
        foreach ((string? principal, HttpStatusCode status, string code) in new (string?, HttpStatusCode, string)[]
        {
            (null, HttpStatusCode.Unauthorized, "staff-unauthenticated"),
            ("bm90IGpzb24=", HttpStatusCode.Unauthorized, "staff-unauthenticated"),
            (StaffTestSupport.Principal("anonymous", "authenticated", "ｓｔａｆｆ"), HttpStatusCode.Forbidden, "staff-forbidden"),
        })
        {
            using HttpResponseMessage response = await _s.SendAsync(new HttpMethod(method), path, principal,
                method == "POST" ? new StringContent("{\"status\":\"accepted\"}", Encoding.UTF8, "application/json") : null);
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            JsonElement problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(code, problem.GetProperty("code").GetString());
            Assert.Contains(problem.GetProperty("title").GetString()!, c => c > 0x3000);
        }

        Assert.DoesNotContain(_s.Audit.Entries, e => e.Actor.StartsWith("staff:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_has_every_submission_and_filters_by_form_event_status_and_width_insensitive_text()
    {
        JsonElement all = await _s.GetJsonAsync("/api/staff/submissions");
        Assert.Equal(4, all.GetProperty("total").GetInt32());
        JsonElement[] items = [.. all.GetProperty("items").EnumerateArray()];
        Assert.Equal(["oip-application", "event-registration", "event-registration", "event-registration"], items.Select(i => i.GetProperty("form_id").GetString()));
        Assert.Equal(["received", "waitlisted", "waitlisted", "confirmed"], items.Select(i => i.GetProperty("status").GetString()));
        JsonElement first = items.Single(i => i.GetProperty("number").GetString() == "tiny-0001");
        Assert.Equal("髙橋 﨑子", first.GetProperty("name").GetString());
        Assert.Equal("tiny", first.GetProperty("event_id").GetString());
        Assert.Equal("Takahashi@Example.jp", first.GetProperty("email").GetString());

        Assert.Equal(3, (await _s.GetJsonAsync("/api/staff/submissions?form=event-registration")).GetProperty("total").GetInt32());
        Assert.Equal(3, (await _s.GetJsonAsync("/api/staff/submissions?event=tiny")).GetProperty("total").GetInt32());
        Assert.Equal(2, (await _s.GetJsonAsync("/api/staff/submissions?status=waitlisted")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await _s.GetJsonAsync("/api/staff/submissions?form=oip-application")).GetProperty("total").GetInt32());

        // Full-width Latin finds the e-mail, half-width katakana in the data is found by full-width, and the number too.
        foreach ((string q, string number) in new[] { ("ｔａｋａｈａｓｈｉ", "tiny-0001"), ("チバ商事", "tiny-0002"), ("TINY-0003", "tiny-0003"), ("千葉テック", "OIP-0001"), ("さとう", "OIP-0001") })
        {
            JsonElement found = await _s.GetJsonAsync($"/api/staff/submissions?q={Uri.EscapeDataString(q)}");
            Assert.Equal(number, Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("number").GetString());
        }

        Assert.Equal(0, (await _s.GetJsonAsync("/api/staff/submissions?q=nobody")).GetProperty("total").GetInt32());
        AuditEvent audit = Assert.Single(_s.Audit.Entries, e => e.Details?.GetValueOrDefault("searched") == "true" && e.Details["count"] == "0");
        Assert.Equal("staff:" + StaffTestSupport.StaffUserId, audit.Actor);
        Assert.DoesNotContain("nobody", string.Join(",", audit.Details!.Values), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_detail_has_fields_sessions_and_consent_and_is_audited_without_personal_data()
    {
        string id = RegistrationId(1);
        JsonElement detail = await _s.GetJsonAsync($"/api/staff/submissions/event-registration/{id}");
        Assert.Equal("tiny-0002", detail.GetProperty("number").GetString());
        Assert.Equal("waitlisted", detail.GetProperty("status").GetString());
        Dictionary<string, string> fields = detail.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("label").GetString()!, f => f.GetProperty("value").GetString()!);
        Assert.Equal("山田 太郎", fields["氏名"]);
        Assert.Equal("スタートアップ", fields["所属区分"]);
        JsonElement session = Assert.Single(detail.GetProperty("sessions").EnumerateArray());
        Assert.Equal(1, session.GetProperty("waitlist_position").GetInt32());
        Assert.Equal("2025-08-01", detail.GetProperty("consent").GetProperty("purpose_version").GetString());

        AuditEvent view = Assert.Single(_s.Audit.Entries, e => e.Action == "view" && e.Subject == id);
        Assert.Equal("event-registration", view.Form);
        Assert.DoesNotContain(view.Details!.Values, v => v.Contains("山田", StringComparison.Ordinal) || v.Contains('@', StringComparison.Ordinal));

        using HttpResponseMessage missing = await _s.GetAsync("/api/staff/submissions/event-registration/nope");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using HttpResponseMessage unknownForm = await _s.GetAsync($"/api/staff/submissions/no-such-form/{id}");
        Assert.Equal(HttpStatusCode.NotFound, unknownForm.StatusCode);
    }

    [Fact]
    public async Task Application_detail_attachment_download_and_status_change()
    {
        string id = _s.Application.Id;
        JsonElement detail = await _s.GetJsonAsync($"/api/staff/submissions/oip-application/{id}");
        JsonElement attachment = Assert.Single(detail.GetProperty("attachments").EnumerateArray());
        Assert.Equal("事業計画書 2025.pdf", attachment.GetProperty("file_name").GetString());

        (byte[] pdf, HttpResponseMessage response) = await _s.DownloadAsync(attachment.GetProperty("url").GetString()!);
        using (response)
        {
            Assert.Equal(StaffApiScenario.Pdf, pdf);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            string disposition = string.Join(",", response.Content.Headers.GetValues("Content-Disposition"));
            Assert.Contains("filename*=UTF-8''%E4%BA%8B%E6%A5%AD%E8%A8%88%E7%94%BB%E6%9B%B8%202025.pdf", disposition, StringComparison.Ordinal);
            Assert.Equal("事業計画書 2025.pdf", response.Content.Headers.ContentDisposition!.FileNameStar);
        }

        using HttpResponseMessage change = await _s.SendAsync(HttpMethod.Post, $"/api/staff/submissions/oip-application/{id}/status",
            StaffTestSupport.StaffPrincipalHeader, new StringContent("{\"status\":\"reviewing\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Equal("reviewing", (await _s.GetJsonAsync($"/api/staff/submissions/oip-application/{id}")).GetProperty("status").GetString());

        using HttpResponseMessage bad = await _s.SendAsync(HttpMethod.Post, $"/api/staff/submissions/oip-application/{id}/status",
            StaffTestSupport.StaffPrincipalHeader, new StringContent("{\"status\":\"deleted\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        using HttpResponseMessage registration = await _s.SendAsync(HttpMethod.Post, $"/api/staff/submissions/event-registration/{RegistrationId(0)}/status",
            StaffTestSupport.StaffPrincipalHeader, new StringContent("{\"status\":\"accepted\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Conflict, registration.StatusCode);

        Assert.Contains(_s.Audit.Entries, e => e.Action == "download" && e.Subject == id);
        Assert.Contains(_s.Audit.Entries, e => e.Action == "status-change" && e.Subject == id && e.Details!["status"] == "reviewing");
    }

    [Fact]
    public async Task Csv_export_has_bom_crlf_japanese_headers_one_row_per_registration_and_neutralised_cells()
    {
        (byte[] body, HttpResponseMessage response) = await _s.DownloadAsync("/api/staff/exports/event-registration.csv");
        response.Dispose();
        Assert.Equal([0xEF, 0xBB, 0xBF], body[..3]);
        string text = Encoding.UTF8.GetString(body.AsSpan(3));
        Assert.Contains("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', text.Replace("\r\n", "", StringComparison.Ordinal));
        List<List<string>> rows = StaffTestSupport.ParseCsv(text);
        Assert.Equal(4, rows.Count);
        List<string> headers = rows[0];
        Assert.Equal(["受付番号", "受付日時（日本時間）", "状態"], headers.Take(3));
        Dictionary<string, string> first = headers.Zip(rows[1]).ToDictionary(p => p.First, p => p.Second);
        Assert.Equal("tiny-0001", first["受付番号"]);
        Assert.Equal("髙橋 﨑子", first["氏名"]);
        Assert.Equal("千葉県・髙橋商店", first["所属"]);
        Assert.Equal("'=1+1", first["ご意見・ご質問"]);
        Assert.Equal("'＋81", first["役職"]);
        Assert.Equal("'@here", first["本イベントを知ったきっかけ"]);
        Assert.Equal("参加確定", first["状態"]);
        Dictionary<string, string> third = headers.Zip(rows[3]).ToDictionary(p => p.First, p => p.Second);
        Assert.Equal("'-鈴木 一郎", third["氏名"]);
        Assert.Equal("株式会社\"引用\",カンマ", third["所属"]);
        // The registration validator trims, so " =SUM(A1)" is stored as "=SUM(A1)".
        Assert.Equal("'=SUM(A1)", third["ご意見・ご質問"]);
        Assert.Contains("キャンセル待ち（2番目）", third["参加枠ごとの状態"], StringComparison.Ordinal);
        Assert.Contains(_s.Audit.Entries, e => e.Action == "export" && e.Details!["format"] == "csv" && e.Details["rows"] == "3");

        (byte[] oip, HttpResponseMessage oipResponse) = await _s.DownloadAsync("/api/staff/exports/oip-application.csv");
        oipResponse.Dispose();
        List<List<string>> oipRows = StaffTestSupport.ParseCsv(Encoding.UTF8.GetString(oip.AsSpan(3)));
        Assert.Equal(2, oipRows.Count);
        Assert.Equal("'@AI 画像解析", oipRows[0].Zip(oipRows[1]).Single(p => p.First == "技術シーズ・サービス").Second);
        Assert.Equal("事業計画書 2025.pdf", oipRows[0].Zip(oipRows[1]).Single(p => p.First == "添付ファイル").Second);
    }

    [Fact]
    public async Task Xlsx_export_is_text_cells_only_with_neutralised_values()
    {
        (byte[] body, HttpResponseMessage response) = await _s.DownloadAsync("/api/staff/exports/event-registration.xlsx?event=tiny");
        response.Dispose();
        using XLWorkbook workbook = new(new MemoryStream(body));
        IXLWorksheet sheet = Assert.Single(workbook.Worksheets);
        Assert.Equal(4, sheet.LastRowUsed().RowNumber());
        List<string> headers = [.. sheet.Row(1).CellsUsed().Select(c => c.GetString())];
        Assert.Equal("受付番号", headers[0]);
        int Column(string header) => headers.IndexOf(header) + 1;
        Assert.Equal("髙橋 﨑子", sheet.Cell(2, Column("氏名")).GetString());
        Assert.Equal("'=1+1", sheet.Cell(2, Column("ご意見・ご質問")).GetString());
        Assert.Equal("'-鈴木 一郎", sheet.Cell(4, Column("氏名")).GetString());
        foreach (IXLCell cell in sheet.CellsUsed())
        {
            Assert.False(cell.HasFormula, cell.Address.ToString());
            Assert.Equal(XLDataType.Text, cell.DataType);
        }
    }

    [Fact]
    public async Task Roster_lists_confirmed_then_waitlisted_in_order_as_json_csv_and_xlsx()
    {
        JsonElement roster = await _s.GetJsonAsync("/api/staff/events/tiny/roster");
        Assert.Equal("tiny", roster.GetProperty("event").GetProperty("id").GetString());
        JsonElement session = Assert.Single(roster.GetProperty("sessions").EnumerateArray());
        Assert.Equal(1, session.GetProperty("capacity").GetInt32());
        Assert.Equal(["tiny-0001"], session.GetProperty("confirmed").EnumerateArray().Select(e => e.GetProperty("number").GetString()));
        Assert.Equal(["tiny-0002", "tiny-0003"], session.GetProperty("waitlisted").EnumerateArray().Select(e => e.GetProperty("number").GetString()));
        Assert.Equal("スタートアップ", session.GetProperty("confirmed")[0].GetProperty("organization_type").GetString());
        Assert.Equal("たかはし さきこ", session.GetProperty("confirmed")[0].GetProperty("kana").GetString());

        (byte[] csv, HttpResponseMessage csvResponse) = await _s.DownloadAsync("/api/staff/events/tiny/roster.csv?session=main");
        csvResponse.Dispose();
        List<List<string>> rows = StaffTestSupport.ParseCsv(Encoding.UTF8.GetString(csv.AsSpan(3)));
        Assert.Equal(["参加枠", "区分", "順番", "受付番号", "氏名", "ふりがな", "所属", "所属区分", "状態"], rows[0]);
        Assert.Equal(["tiny-0001", "tiny-0002", "tiny-0003"], rows.Skip(1).Select(r => r[3]));
        Assert.Equal(["参加確定", "キャンセル待ち", "キャンセル待ち"], rows.Skip(1).Select(r => r[1]));

        (byte[] xlsx, HttpResponseMessage xlsxResponse) = await _s.DownloadAsync("/api/staff/events/tiny/roster.xlsx");
        Assert.Contains("filename*=UTF-8''", string.Join(",", xlsxResponse.Content.Headers.GetValues("Content-Disposition")), StringComparison.Ordinal);
        xlsxResponse.Dispose();
        using XLWorkbook workbook = new(new MemoryStream(xlsx));
        IXLWorksheet sheet = Assert.Single(workbook.Worksheets);
        Assert.Equal("'-鈴木 一郎", sheet.Cell(4, 5).GetString());

        using HttpResponseMessage noSession = await _s.GetAsync("/api/staff/events/tiny/roster?session=nope");
        Assert.Equal(HttpStatusCode.NotFound, noSession.StatusCode);
        using HttpResponseMessage noEvent = await _s.GetAsync("/api/staff/events/nope/roster");
        Assert.Equal(HttpStatusCode.NotFound, noEvent.StatusCode);
        JsonElement empty = await _s.GetJsonAsync("/api/staff/events/open-event/roster");
        Assert.All(empty.GetProperty("sessions").EnumerateArray(), s => Assert.Equal(0, s.GetProperty("confirmed").GetArrayLength()));
        Assert.Equal(3, _s.Audit.Entries.Count(e => e.Details?.GetValueOrDefault("kind") == "roster" && e.Subject == "tiny"));
    }

    [Fact]
    public async Task Summary_counts_per_form_status_day_and_session_and_exports_three_sheets()
    {
        JsonElement summary = await _s.GetJsonAsync("/api/staff/summary");
        JsonElement registrations = summary.GetProperty("forms").EnumerateArray().Single(f => f.GetProperty("form_id").GetString() == "event-registration");
        Assert.Equal(3, registrations.GetProperty("total").GetInt32());
        Assert.Equal(1, registrations.GetProperty("by_status").GetProperty("confirmed").GetInt32());
        Assert.Equal(2, registrations.GetProperty("by_status").GetProperty("waitlisted").GetInt32());
        Assert.Equal(3, registrations.GetProperty("by_day").EnumerateArray().Sum(d => d.GetProperty("count").GetInt32()));
        JsonElement oip = summary.GetProperty("forms").EnumerateArray().Single(f => f.GetProperty("form_id").GetString() == "oip-application");
        Assert.Equal(1, oip.GetProperty("total").GetInt32());
        JsonElement tiny = summary.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("event_id").GetString() == "tiny");
        JsonElement main = Assert.Single(tiny.GetProperty("sessions").EnumerateArray());
        Assert.Equal((1, 1, 2, 0), (main.GetProperty("capacity").GetInt32(), main.GetProperty("confirmed").GetInt32(), main.GetProperty("waitlisted").GetInt32(), main.GetProperty("cancelled").GetInt32()));
        Assert.DoesNotContain("髙橋", summary.GetRawText(), StringComparison.Ordinal);

        (byte[] xlsx, HttpResponseMessage response) = await _s.DownloadAsync("/api/staff/summary.xlsx");
        response.Dispose();
        using XLWorkbook workbook = new(new MemoryStream(xlsx));
        Assert.Equal(["応募状況", "日別", "イベント"], workbook.Worksheets.Select(w => w.Name));
        Assert.Equal("合計", workbook.Worksheet("応募状況").Cell(1, 3).GetString());
    }

    [Fact]
    public async Task Cancelling_moves_the_waitlist_in_the_roster_and_counts_in_the_summary()
    {
        using HttpResponseMessage cancel = await _s.Host.PostJsonAsync($"/api/events/tiny/registrations/{RegistrationId(0)}/cancel",
            new { token = _s.Registrations[0].GetProperty("cancel_token").GetString() });
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        JsonElement session = (await _s.GetJsonAsync("/api/staff/events/tiny/roster")).GetProperty("sessions")[0];
        Assert.Equal(["tiny-0002"], session.GetProperty("confirmed").EnumerateArray().Select(e => e.GetProperty("number").GetString()));
        Assert.Equal(["tiny-0003"], session.GetProperty("waitlisted").EnumerateArray().Select(e => e.GetProperty("number").GetString()));
        JsonElement list = await _s.GetJsonAsync("/api/staff/submissions?status=cancelled");
        Assert.Equal("tiny-0001", Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("number").GetString());
        JsonElement main = (await _s.GetJsonAsync("/api/staff/summary")).GetProperty("events").EnumerateArray()
            .Single(e => e.GetProperty("event_id").GetString() == "tiny").GetProperty("sessions")[0];
        Assert.Equal(1, main.GetProperty("cancelled").GetInt32());
    }

    [Fact]
    public async Task Staff_api_keeps_working_when_the_public_forms_are_closed()
    {
        using TempFolder folder = new();
        await using FormsTestHost host = await FormsTestHost.StartAsync(TestEvents.WriteManifest(folder.Path, formsOpen: false), Path.Combine(folder.Path, "data"),
            services: services => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<IAuditLog>(services, new RecordingAuditLog()));
        using HttpRequestMessage request = new(HttpMethod.Get, "/api/staff/summary");
        request.Headers.Add("x-ms-client-principal", StaffTestSupport.StaffPrincipalHeader);
        using HttpResponseMessage response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
