using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StartupHub.Forms.Applications;
using StartupHub.Forms.Audit;
using StartupHub.Forms.Manifest;
using StartupHub.Forms.Security;
using StartupHub.Forms.Storage;
using StartupHub.Forms.Uploads;

namespace StartupHub.Forms.Http;

/// <summary>
/// POST /api/forms/{formId}/submissions — the OIP application (with a PDF pitch deck), the mentee
/// application and the partnership inquiry. Checks run cheapest first: guard (rate limit, forms switch),
/// form and period, body, honeypot, form token, fields, then the PDF; only a fully valid submission
/// touches storage, and it is acknowledged only once it is durable.
/// </summary>
public sealed class ApplicationHandlers(
    RequestGuard guard,
    SubmissionStore submissions,
    IAuditLog audit,
    FormTokenGate tokenGate,
    IOptions<FormsOptions> options,
    TimeProvider time,
    ILogger<ApplicationHandlers> logger,
    Notifications.SubmissionNotifier? notifier = null)
{
    private const string Endpoint = "submit";

    public Task<IResult> SubmitAsync(HttpRequest request, string formId) =>
        FormPostAnswer.ForNoScriptAsync(request, formId, guard.RunAsync(request, Endpoint, formId, limit: true, manifest => SubmitCoreAsync(request, formId, manifest)));

    private async Task<IResult> SubmitCoreAsync(HttpRequest request, string formId, FormsManifest manifest)
    {
        if (ApplicationForms.Find(formId) is not { } form || manifest.FindForm(formId) is not { } listed)
        {
            return Reject(request, formId, "form-not-found", Problems.Create(404, "form-not-found", "指定されたフォームは見つかりません。"));
        }

        DateTimeOffset now = time.GetUtcNow();
        if (PeriodRefusal(listed, now) is { } refusal)
        {
            return Reject(request, formId, ((Problems.ProblemBody)refusal.Value).Code, refusal);
        }

        if (listed.PurposeVersion is not { } purposeVersion)
        {
            return Reject(request, formId, "form-not-offered", Problems.Create(403, "form-not-offered", "現在、このフォームは受け付けていません。"));
        }

        ApplicationFormOptions limits = options.Value.Applications;
        PostedFormRead read = await FormPostReader.ReadAsync(request, limits.MaxFieldsBytes, limits.MaxUploadBytes, limits.MaxMultipartBytes,
            form.AttachmentField, request.HttpContext.RequestAborted);
        if (read.Form is not { } posted)
        {
            return Reject(request, formId, ((Problems.ProblemBody)read.Rejected!.Value).Code, read.Rejected);
        }

        if (!string.IsNullOrEmpty(posted.First("website")))
        {
            return Reject(request, formId, "honeypot", Problems.Create(400, "submission-rejected", "送信を受け付けられませんでした。",
                "入力内容をご確認のうえ、ページを再読み込みしてお試しください。"));
        }

        if (tokenGate.Check(request, posted.First("form_token"), formId) is { } tokenProblem)
        {
            return Reject(request, formId, ((Problems.ProblemBody)tokenProblem.Value).Code, tokenProblem);
        }

        SubmissionContext context = new(purposeVersion, manifest.Companies, Jst.ToJst(now).Year);
        SubmissionValidation validation = form.Validate(posted.FirstValues(), context);
        Dictionary<string, string[]> errors = new(validation.Errors, StringComparer.Ordinal);
        List<NewAttachment> attachments = [];
        if (form.AttachmentField is { } field)
        {
            if (Attachment(posted.File, limits.MaxUploadBytes) is { } attachmentError)
            {
                errors[field] = [attachmentError];
            }
            else
            {
                attachments.Add(new NewAttachment(posted.File!.FileName, "application/pdf", posted.File.Content));
            }
        }

        if (errors.Count > 0 || validation.Value is not { } valid)
        {
            return Reject(request, formId, "validation", Problems.Validation(errors));
        }

        SubmissionRecord record = await submissions.CreateAsync(form, valid, attachments, request.HttpContext.RequestAborted);
        ApplicationsLog.Received(logger, time.GetUtcNow(), form.Id, record.Id, record.Number, record.Attachments.Count);
        await AuditAsync(request, record);
        if (notifier is not null)
        {
            // After the durable create; never throws (a lost mail is logged with the number, the submission is kept).
            await notifier.ReceivedAsync(record);
        }

        SubmissionAnswer answer = new(record.Id, record.Number, record.FormId, record.Status, record.SubmittedAt,
            $"{form.Title}を受け付けました。受付番号は {record.Number} です。確認のメールをお送りしましたので、ご確認ください。");
        return new JsonBodyResult(answer, 201);
    }

    /// <summary>The form's own period from the manifest, half-open [opens, closes), announced in JST.</summary>
    private static JsonBodyResult? PeriodRefusal(ManifestForm form, DateTimeOffset now)
    {
        if (form.Opens is { } opens && now < opens)
        {
            return Problems.Create(409, "form-not-open", "このフォームの受付はまだ始まっていません。", $"受付開始は {Jst.Display(opens)}（日本時間）です。");
        }

        if (form.Closes is { } closes && now >= closes)
        {
            return Problems.Create(409, "form-closed", "このフォームの受付は終了しました。", $"受付は {Jst.Display(closes)}（日本時間）に締め切りました。");
        }

        return null;
    }

    /// <summary>The message for the file field, or null when the file is an acceptable PDF.</summary>
    private static string? Attachment(PostedFile? file, int maxBytes)
    {
        if (file is null || (file.Content.Length == 0 && !file.TooLarge))
        {
            return "ピッチ資料（PDF）を添付してください。";
        }

        if (file.TooLarge)
        {
            return $"添付できるファイルは{maxBytes / (1024 * 1024)}MBまでです。";
        }

        PdfInspection inspection = PdfInspector.Inspect(file.Content, maxBytes);
        return inspection.Accepted ? null : inspection.Message;
    }

    /// <summary>
    /// The submission is already durable and about to be acknowledged; a failing audit append must not turn
    /// that into a 503 (the person would resubmit and create a duplicate), so it is logged instead.
    /// </summary>
    private async Task AuditAsync(HttpRequest request, SubmissionRecord record)
    {
        try
        {
            await audit.AppendAsync(new AuditEvent("create", record.FormId, record.Id, $"public:{guard.ClientHash(request)}",
                new Dictionary<string, string> { ["number"] = record.Number }), CancellationToken.None);
        }
        catch (Exception ex) when (ex is StorageUnavailableException or IOException or InvalidOperationException or TimeoutException)
        {
            ApplicationsLog.AuditFailed(logger, time.GetUtcNow(), record.FormId, record.Id, ex.GetType().Name);
        }
    }

    private JsonBodyResult Reject(HttpRequest request, string formId, string reason, JsonBodyResult problem) =>
        guard.Reject(request, Endpoint, reason, formId, problem);
}

/// <summary>The 201 answer of POST /api/forms/{formId}/submissions.</summary>
public sealed record SubmissionAnswer(string Id, string Number, string FormId, string Status, DateTimeOffset SubmittedAt, string Message);
