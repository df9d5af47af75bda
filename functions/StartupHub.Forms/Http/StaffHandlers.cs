using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StartupHub.Forms.Audit;
using StartupHub.Forms.Manifest;
using StartupHub.Forms.Staff;
using StartupHub.Forms.Storage;

namespace StartupHub.Forms.Http;

/// <summary>
/// The staff API (docs/staff-api.md). Every handler first checks the <c>staff</c> role in the Static Web Apps
/// principal (401 without a valid principal, 403 without the role), then reads fresh from storage, appends an
/// audit entry (actor <c>staff:{userId}</c>, ids and counts only) before any personal data leaves, and
/// answers with <c>Cache-Control: no-store</c>. Unlike the public endpoints it keeps working when the site's
/// forms are closed: staff still need their lists and exports after the deadline.
/// </summary>
public sealed class StaffHandlers(
    IFormsManifestProvider manifests,
    StaffQueries queries,
    IAuditLog audit,
    TimeProvider time,
    ILogger<StaffHandlers> logger)
{
    private const int MaxStatusBodyBytes = 1024;

    /// <summary>GET /api/staff/submissions?form=&amp;event=&amp;status=&amp;q=.</summary>
    public Task<IResult> ListAsync(HttpRequest request) =>
        GuardAsync(request, "staff-list", async (principal, manifest, cancel) =>
        {
            string? form = Query(request, "form"), eventId = Query(request, "event"), status = Query(request, "status"), q = Query(request, "q");
            if ((form is not null && !StorageKeys.IsSafeSegment(form)) || (eventId is not null && !StorageKeys.IsSafeSegment(eventId))
                || status is { Length: > 40 } || q is { Length: > StaffSearch.MaxQueryLength })
            {
                return Problems.Create(400, "invalid-query", "検索条件が正しくありません。", $"検索語は{StaffSearch.MaxQueryLength}文字以内で指定してください。");
            }

            IReadOnlyList<StaffRecord> records = await queries.ListAsync(manifest, new StaffFilter(form, eventId, status, q), cancel);
            // The query text may be a name or an address, so only whether there was one is recorded.
            await AuditAsync("view", form ?? "all", eventId, principal, cancel, ("kind", "list"), ("count", Count(records.Count)), ("searched", q is null ? "false" : "true"));
            return new JsonBodyResult(new StaffListResponse([.. records.Select(StaffListItem.From)], records.Count), 200);
        });

    /// <summary>GET /api/staff/submissions/{formId}/{id}.</summary>
    public Task<IResult> GetAsync(HttpRequest request, string formId, string id) =>
        GuardAsync(request, "staff-detail", async (principal, manifest, cancel) =>
        {
            if (!IsKnownForm(formId) || !StorageKeys.IsSafeSegment(id)
                || await queries.FindAsync(manifest, formId, id, cancel) is not { } record)
            {
                return SubmissionNotFound();
            }

            await AuditAsync("view", formId, id, principal, cancel, ("kind", "detail"));
            return new JsonBodyResult(StaffDetailResponse.From(record), 200);
        });

    /// <summary>GET /api/staff/submissions/{formId}/{id}/attachments/{attachmentId} — the stored PDF as a download.</summary>
    public Task<IResult> DownloadAttachmentAsync(HttpRequest request, string formId, string id, string attachmentId) =>
        GuardAsync(request, "staff-attachment", async (principal, manifest, cancel) =>
        {
            if (!IsKnownForm(formId) || !StorageKeys.IsSafeSegment(id) || !StorageKeys.IsSafeSegment(attachmentId)
                || await queries.OpenAttachmentAsync(formId, id, attachmentId, cancel) is not { } file)
            {
                return Problems.Create(404, "attachment-not-found", "指定された添付ファイルは見つかりません。");
            }

            await AuditAsync("download", formId, id, principal, cancel, ("attachment", attachmentId), ("bytes", Count(file.Content.Length)));
            // Uploads are checked to be PDFs when received; whatever type was claimed, it is served as one.
            return new FileBodyResult(file.Content, "application/pdf", file.FileName);
        });

    /// <summary>POST /api/staff/submissions/{formId}/{id}/status with <c>{ "status" }</c> — applications only.</summary>
    public Task<IResult> SetStatusAsync(HttpRequest request, string formId, string id) =>
        GuardAsync(request, "staff-status", async (principal, manifest, cancel) =>
        {
            if (!IsKnownForm(formId) || !StorageKeys.IsSafeSegment(id))
            {
                return SubmissionNotFound();
            }

            if (formId == StorageKeys.EventRegistrationForm)
            {
                return Problems.Create(409, "status-not-editable", "イベント参加申込の状態は変更できません。",
                    "参加確定・キャンセル待ちは定員と申込順で自動的に決まります。");
            }

            if (!RequestBodyReader.IsJson(request))
            {
                return Problems.UnsupportedMediaType();
            }

            byte[]? body = await RequestBodyReader.ReadCappedAsync(request, MaxStatusBodyBytes, cancel);
            if (body is null)
            {
                return Problems.PayloadTooLarge(MaxStatusBodyBytes);
            }

            StaffStatusRequest? change;
            try
            {
                change = JsonSerializer.Deserialize<StaffStatusRequest>(body, FormsJson.Options);
            }
            catch (JsonException)
            {
                return Problems.MalformedJson();
            }

            if (change?.Status is not { } status || !StaffStatuses.Application.Contains(status, StringComparer.Ordinal))
            {
                return Problems.Validation(new Dictionary<string, string[]>
                {
                    ["status"] = [$"状態は {string.Join("・", StaffStatuses.Application.Select(s => $"{s}（{StaffStatuses.Label(s)}）"))} のいずれかを指定してください。"],
                });
            }

            if (await queries.SetStatusAsync(formId, id, status, cancel) is not { } updated)
            {
                return SubmissionNotFound();
            }

            await AuditAsync("status-change", formId, id, principal, cancel, ("status", status));
            return new JsonBodyResult(new StaffStatusResponse(formId, id, updated.Number, updated.Status,
                $"状態を「{StaffStatuses.Label(updated.Status)}」に変更しました。"), 200);
        });

    /// <summary>GET /api/staff/exports/{formId}.csv | .xlsx, optionally ?event=.</summary>
    public Task<IResult> ExportAsync(HttpRequest request, string formId, string format) =>
        GuardAsync(request, "staff-export", async (principal, manifest, cancel) =>
        {
            string? eventId = Query(request, "event");
            if (!IsKnownForm(formId))
            {
                return FormNotFound();
            }

            if (eventId is not null && (formId != StorageKeys.EventRegistrationForm || !StorageKeys.IsSafeSegment(eventId)))
            {
                return Problems.Create(400, "invalid-query", "イベントで絞り込めるのはイベント参加申込の出力だけです。");
            }

            IReadOnlyList<StaffRecord> records = await queries.FormRecordsAsync(manifest, formId, eventId, cancel);
            string title = StaffQueries.FormTitle(manifest, formId);
            Dictionary<string, string> eventTitles = manifest.Events.ToDictionary(e => e.Id, e => e.Title, StringComparer.Ordinal);
            StaffTable table = StaffExportTable.Build(formId, title, records, eventTitles);
            await AuditAsync("export", formId, eventId, principal, cancel, ("format", format), ("rows", Count(records.Count)));
            string stamp = Jst.ToJst(time.GetUtcNow()).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
            string name = eventId is null ? $"{title}_{stamp}" : $"{title}_{eventId}_{stamp}";
            return format == "csv"
                ? new FileBodyResult(CsvExport.Write(table), CsvExport.ContentType, name + ".csv")
                : new FileBodyResult(XlsxExport.Write(table), XlsxExport.ContentType, name + ".xlsx");
        });

    /// <summary>GET /api/staff/events/{eventId}/roster (format json), roster.csv, roster.xlsx; optionally ?session=.</summary>
    public Task<IResult> RosterAsync(HttpRequest request, string eventId, string format) =>
        GuardAsync(request, "staff-roster", async (principal, manifest, cancel) =>
        {
            string? sessionId = Query(request, "session");
            if (!StorageKeys.IsSafeSegment(eventId))
            {
                return Problems.EventNotFound();
            }

            LoadedEvent? evt = (await queries.LoadEventsAsync(manifest, eventId, cancel)).FirstOrDefault();
            if (evt is null)
            {
                if (manifest.FindEvent(eventId) is not { } known)
                {
                    return Problems.EventNotFound();
                }

                // An event nobody has registered for yet has no ledger: its roster is empty, not missing.
                evt = new LoadedEvent(eventId, known, Registration.EventLedger.New(eventId), new Dictionary<string, Registration.EventRegistrationRecord>());
            }

            RosterResponse roster = EventRoster.Build(evt, sessionId);
            if (sessionId is not null && roster.Sessions.Count == 0)
            {
                return Problems.Create(404, "session-not-found", "指定された参加枠は見つかりません。");
            }

            int people = roster.Sessions.Sum(s => s.Confirmed.Count + s.Waitlisted.Count);
            await AuditAsync(format == "json" ? "view" : "export", StorageKeys.EventRegistrationForm, eventId, principal, cancel,
                ("kind", "roster"), ("format", format), ("rows", Count(people)));
            string name = sessionId is null ? $"受付名簿_{evt.Title}" : $"受付名簿_{evt.Title}_{roster.Sessions[0].Title}";
            return format switch
            {
                "csv" => new FileBodyResult(CsvExport.Write(EventRoster.Table(roster)), CsvExport.ContentType, name + ".csv"),
                "xlsx" => new FileBodyResult(XlsxExport.Write([.. roster.Sessions.Select(s => EventRoster.Table(roster, s))]), XlsxExport.ContentType, name + ".xlsx"),
                _ => new JsonBodyResult(roster, 200),
            };
        });

    /// <summary>GET /api/staff/summary and /api/staff/summary.xlsx — counts only.</summary>
    public Task<IResult> SummaryAsync(HttpRequest request, string format) =>
        GuardAsync(request, "staff-summary", async (principal, manifest, cancel) =>
        {
            IReadOnlyList<LoadedEvent> events = await queries.LoadEventsAsync(manifest, null, cancel);
            List<SummaryForm> forms = [StaffSummary.Form(StorageKeys.EventRegistrationForm,
                StaffQueries.FormTitle(manifest, StorageKeys.EventRegistrationForm), [.. events.SelectMany(RegistrationRecordMapper.All)])];
            foreach (Applications.ApplicationForm form in Applications.ApplicationForms.All)
            {
                forms.Add(StaffSummary.Form(form.Id, StaffQueries.FormTitle(manifest, form.Id), await queries.FormRecordsAsync(manifest, form.Id, null, cancel)));
            }

            SummaryResponse summary = StaffSummary.Build(manifest, events, forms, time.GetUtcNow());
            await AuditAsync(format == "json" ? "view" : "export", "system", null, principal, cancel, ("kind", "summary"), ("format", format));
            string stamp = Jst.ToJst(summary.GeneratedAt).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            return format == "xlsx"
                ? new FileBodyResult(XlsxExport.Write(StaffSummary.Tables(summary)), XlsxExport.ContentType, $"応募状況_{stamp}.xlsx")
                : new JsonBodyResult(summary, 200);
        });

    private async Task<IResult> GuardAsync(HttpRequest request, string endpoint, Func<StaffPrincipal, FormsManifest, CancellationToken, Task<IResult>> handle)
    {
        CancellationToken cancel = request.HttpContext.RequestAborted;
        try
        {
            if (StaffPrincipal.FromRequest(request) is not { } principal)
            {
                return Refuse(endpoint, Problems.Create(401, "staff-unauthenticated", "ログインが必要です。", "事務局スタッフのアカウントでログインしてから、もう一度お試しください。"));
            }

            if (!principal.IsStaff)
            {
                return Refuse(endpoint, Problems.Create(403, "staff-forbidden", "この操作を行う権限がありません。", "事務局スタッフ（staff）の役割が付与されたアカウントでログインしてください。"));
            }

            return await handle(principal, manifests.GetManifest(), cancel);
        }
        catch (Exception ex) when (ex is StorageUnavailableException or JsonException or Security.RecordSealException)
        {
            StaffLog.Unavailable(logger, time.GetUtcNow(), endpoint, ex.InnerException?.GetType().Name ?? ex.GetType().Name);
            return Problems.Create(503, "storage-unavailable", "ただいまデータを読み込めません。", "少し時間をおいて、もう一度お試しください。", retryAfter: TimeSpan.FromSeconds(5));
        }
        catch (ManifestUnavailableException ex)
        {
            StaffLog.Unavailable(logger, time.GetUtcNow(), endpoint, ex.GetType().Name);
            return Problems.Create(503, "manifest-unavailable", "ただいまフォームの情報を準備中です。", "しばらくしてから、もう一度お試しください。", retryAfter: TimeSpan.FromSeconds(30));
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return Results.Empty;
        }
    }

    private JsonBodyResult Refuse(string endpoint, JsonBodyResult problem)
    {
        StaffLog.Refused(logger, time.GetUtcNow(), endpoint, problem.StatusCode ?? 0, ((Problems.ProblemBody)problem.Value).Code);
        return problem;
    }

    private Task AuditAsync(string action, string form, string? subject, StaffPrincipal principal, CancellationToken cancel, params (string Key, string Value)[] details) =>
        audit.AppendAsync(new AuditEvent(action, form, subject, principal.Actor, details.ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal)), cancel);

    private static bool IsKnownForm(string formId) =>
        StorageKeys.IsSafeSegment(formId) && StaffQueries.IsSubmissionForm(formId);

    private static string? Query(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out Microsoft.Extensions.Primitives.StringValues values) && values.ToString() is { Length: > 0 } value ? value : null;

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static JsonBodyResult SubmissionNotFound() =>
        Problems.Create(404, "submission-not-found", "指定された申込みは見つかりません。");

    private static JsonBodyResult FormNotFound() =>
        Problems.Create(404, "form-not-found", "指定されたフォームは見つかりません。");
}
