using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StartupHub.Forms.Manifest;
using StartupHub.Forms.Registration;
using StartupHub.Forms.Security;
using StartupHub.Forms.Storage;

namespace StartupHub.Forms.Http;

/// <summary>
/// The HTTP handlers, written against ASP.NET Core's HttpRequest and IResult only. The Functions triggers
/// and the local server's endpoints are one-line adapters over these methods, so both hosts behave alike.
/// Every failure path answers problem+json; nothing a client sends can produce a 500.
/// </summary>
public sealed class FormsHandlers(
    RequestGuard guard,
    RegistrationService registrations,
    FormIssueTokens formTokens,
    FormSecrets secrets,
    IOptions<FormsOptions> options,
    TimeProvider time,
    FormTokenGate tokenGate)
{
    public const string EventRegistrationFormId = "event-registration";
    private const int MaxIdempotencyKeyLength = 100;

    /// <summary>GET /api/forms/{formId}/token — the signed form-issue time a form page embeds.</summary>
    public Task<IResult> IssueFormTokenAsync(HttpRequest request, string formId) =>
        GuardAsync(request, "form-token", null, limit: true, manifest =>
        {
            if (manifest.FindForm(formId) is null)
            {
                return Task.FromResult<IResult>(Reject(request, "form-token", "form-not-found", null,
                    Problems.Create(404, "form-not-found", "指定されたフォームは見つかりません。")));
            }

            DateTimeOffset now = time.GetUtcNow();
            IResult ok = new JsonBodyResult(new FormTokenResponse(formTokens.Issue(formId), now, options.Value.MinimumFillSeconds), 200);
            return Task.FromResult(ok);
        });

    /// <summary>GET /api/events/{eventId}/availability — seats left and waitlist length, cacheable for a few seconds.</summary>
    public Task<IResult> GetAvailabilityAsync(HttpRequest request, string eventId) =>
        GuardAsync(request, "availability", eventId, limit: false, async manifest =>
        {
            if (FindEvent(manifest, eventId) is not { } evt)
            {
                return Reject(request, "availability", "event-not-found", eventId, Problems.EventNotFound());
            }

            DateTimeOffset now = time.GetUtcNow();
            IReadOnlyList<SessionAvailability> sessions = await registrations.AvailabilityAsync(evt, request.HttpContext.RequestAborted);
            IResult? refusal = EventRefusal(manifest, evt, now);
            AvailabilityResponse body = new(evt.Id, evt.Title, evt.Status, refusal is null,
                (refusal as JsonBodyResult)?.Value is Problems.ProblemBody p ? p.Code : null,
                evt.Registration?.Opens, evt.Registration?.Closes, now,
                sessions.Select(s => new AvailabilitySession(s.SessionId, s.Title, s.AcceptsRegistration, s.Capacity, s.Confirmed, s.Remaining, s.Waitlist)).ToList());
            return new JsonBodyResult(body, 200)
                .WithHeader("Cache-Control", $"public, max-age={Math.Max(0, options.Value.AvailabilityMaxAgeSeconds)}");
        });

    /// <summary>POST /api/events/{eventId}/registrations — register for one or more sessions. Also takes no-JS
    /// form posts (form-encoded or multipart), which are answered with 303 to the site's result page.</summary>
    public Task<IResult> RegisterAsync(HttpRequest request, string eventId) => FormPostAnswer.ForNoScriptAsync(request, EventRegistrationFormId,
        GuardAsync(request, "register", eventId, limit: true, async manifest =>
        {
            const string endpoint = "register";
            EventBodyRead read = await ReadEventBodyAsync(request, endpoint, manifest, eventId, allowFormPost: true);
            if (!read.Accepted)
            {
                return read.Rejected;
            }

            (ManifestEvent evt, byte[] body) = (read.Event, read.Body);

            DateTimeOffset now = time.GetUtcNow();
            if (EventRefusal(manifest, evt, now) is { } refusal)
            {
                return Reject(request, endpoint, ((Problems.ProblemBody)refusal.Value).Code, eventId, refusal);
            }

            ManifestForm? form = manifest.FindForm(EventRegistrationFormId);
            if (form?.PurposeVersion is null)
            {
                return Reject(request, endpoint, "form-not-offered", eventId,
                    Problems.Create(403, "form-not-offered", "現在、イベント参加申込フォームは受け付けていません。"));
            }

            string? idempotencyKey = request.Headers["Idempotency-Key"].ToString();
            idempotencyKey = idempotencyKey.Length == 0 ? null : idempotencyKey;
            if (idempotencyKey is not null && (idempotencyKey.Length > MaxIdempotencyKeyLength || idempotencyKey.Any(c => c is < '!' or > '~')))
            {
                return Reject(request, endpoint, "invalid-idempotency-key", eventId,
                    Problems.Create(400, "invalid-idempotency-key", "Idempotency-Key ヘッダーの形式が正しくありません。", $"英数字と記号のみ、{MaxIdempotencyKeyLength}文字以内で指定してください。"));
            }

            if (Deserialize<RegistrationRequest>(body) is not { } registration)
            {
                return Reject(request, endpoint, "malformed-json", eventId, Problems.MalformedJson());
            }

            if (!string.IsNullOrEmpty(registration.Website))
            {
                return Reject(request, endpoint, "honeypot", eventId,
                    Problems.Create(400, "submission-rejected", "送信を受け付けられませんでした。", "入力内容をご確認のうえ、ページを再読み込みしてお試しください。"));
            }

            if (tokenGate.Check(request, registration.FormToken, EventRegistrationFormId) is { } tokenProblem)
            {
                return Reject(request, endpoint, ((Problems.ProblemBody)tokenProblem.Value).Code, eventId, tokenProblem);
            }

            RegistrationValidation validation = RegistrationValidator.Validate(registration, evt, form.PurposeVersion);
            if (validation.Value is not { } valid)
            {
                return Reject(request, endpoint, "validation", eventId, Problems.Validation(validation.Errors));
            }

            RegisterOutcome outcome = await registrations.RegisterAsync(evt, valid, idempotencyKey, body, request.HttpContext.RequestAborted, $"public:{guard.ClientHash(request)}");
            return outcome switch
            {
                RegisterOutcome.Created created => new JsonBodyResult(Answer(evt, created.View, duplicate: false, withCancelLink: true), 201)
                    .WithHeader("Location", $"/api/events/{evt.Id}/registrations/{created.View.RegistrationId}"),
                RegisterOutcome.Replayed replayed => new JsonBodyResult(Answer(evt, replayed.View, duplicate: false, withCancelLink: true), 201)
                    .WithHeader("Idempotent-Replayed", "true"),
                // Whoever knows an email address must not get that person's cancellation link.
                RegisterOutcome.DuplicateEmail duplicate => new JsonBodyResult(Answer(evt, duplicate.View, duplicate: true, withCancelLink: false), 200),
                RegisterOutcome.IdempotencyKeyReused => Reject(request, endpoint, "idempotency-key-reused", eventId,
                    Problems.Create(422, "idempotency-key-reused", "同じ Idempotency-Key で異なる内容が送信されました。", "新しい申込みには新しいキーを使ってください。")),
                _ => throw new InvalidOperationException("unknown outcome"),
            };
        }));

    /// <summary>POST /api/events/{eventId}/registrations/{registrationId}/cancel — with the secret token from the link.</summary>
    public Task<IResult> CancelAsync(HttpRequest request, string eventId, string registrationId) =>
        GuardAsync(request, "cancel", eventId, limit: true, async manifest =>
        {
            const string endpoint = "cancel";
            EventBodyRead read = await ReadEventBodyAsync(request, endpoint, manifest, eventId, allowFormPost: false);
            if (!read.Accepted)
            {
                return read.Rejected;
            }

            (ManifestEvent evt, byte[] body) = (read.Event, read.Body);

            if (Deserialize<CancellationRequest>(body) is not { } cancel)
            {
                return Reject(request, endpoint, "malformed-json", eventId, Problems.MalformedJson());
            }

            // The token is checked before the ledger is consulted, so a wrong token reveals nothing about
            // whether the registration exists.
            if (!StorageKeys.IsSafeSegment(registrationId) || !secrets.IsValidCancellationToken(evt.Id, registrationId, cancel.Token))
            {
                return Reject(request, endpoint, "invalid-cancel-token", eventId,
                    Problems.Create(403, "invalid-cancel-token", "キャンセル用リンクが正しくありません。", "お申込み時にお知らせしたリンクをそのままお使いください。"));
            }

            DateTimeOffset now = time.GetUtcNow();
            if (now >= evt.End)
            {
                return Reject(request, endpoint, "event-ended", eventId,
                    Problems.Create(409, "event-ended", "このイベントは終了しているため、キャンセルの手続きはできません。"));
            }

            CancelOutcome outcome = await registrations.CancelAsync(evt, registrationId, $"public:{guard.ClientHash(request)}");
            return outcome switch
            {
                CancelOutcome.Cancelled c => new JsonBodyResult(CancelAnswer(c.View, "キャンセルを受け付けました。ご連絡ありがとうございました。"), 200),
                CancelOutcome.AlreadyCancelled a => new JsonBodyResult(CancelAnswer(a.View, "このお申込みは既にキャンセル済みです。"), 200),
                _ => Reject(request, endpoint, "registration-not-found", eventId,
                    Problems.Create(404, "registration-not-found", "お申込みが見つかりません。")),
            };
        });

    /// <summary>GET /api/openapi.json.</summary>
    public IResult GetOpenApi(HttpRequest request)
    {
        _ = request;
        return new RawJsonResult(FormsOpenApi.DocumentJson).WithCacheControl("public, max-age=300");
    }

    private Task<IResult> GuardAsync(HttpRequest request, string endpoint, string? eventId, bool limit, Func<FormsManifest, Task<IResult>> handle) =>
        guard.RunAsync(request, endpoint, eventId, limit, handle);

    /// <summary>Why this event cannot take registrations right now, or null when it can.</summary>
    private static JsonBodyResult? EventRefusal(FormsManifest manifest, ManifestEvent evt, DateTimeOffset now)
    {
        _ = manifest;
        if (evt.Status == "cancelled")
        {
            return Problems.Create(409, "event-cancelled", "このイベントは中止となりました。", "お申込みは受け付けておりません。");
        }

        if (!evt.IsScheduled)
        {
            return Problems.Create(409, "event-postponed", "このイベントは延期となりました。", "新しい日程はイベントページでお知らせします。");
        }

        if (now >= evt.End)
        {
            return Problems.Create(409, "event-ended", "このイベントは終了しました。");
        }

        if (evt.Registration is not { } window || !evt.Sessions.Any(s => s.AcceptsRegistration))
        {
            return Problems.Create(409, "registration-not-offered", "このイベントは事前申込みを受け付けていません。");
        }

        if (window.Opens is { } opens && now < opens)
        {
            return Problems.Create(409, "registration-not-open", "お申込みの受付はまだ始まっていません。", $"受付開始は {Jst.Display(opens)}（日本時間）です。");
        }

        if (window.Closes is { } closes && now >= closes)
        {
            return Problems.Create(409, "registration-closed", "お申込みの受付は終了しました。", $"受付は {Jst.Display(closes)}（日本時間）に締め切りました。");
        }

        return null;
    }

    private RegistrationAnswer Answer(ManifestEvent evt, RegistrationView view, bool duplicate, bool withCancelLink)
    {
        string status = view.OverallStatus;
        string message = duplicate
            ? $"このメールアドレスでは既にお申込みいただいています（受付番号 {view.Number}）。"
            : status switch
            {
                "confirmed" => $"お申込みを受け付けました。受付番号は {view.Number} です。",
                "waitlisted" => $"定員に達しているため、キャンセル待ちとして受け付けました。受付番号は {view.Number} です。",
                _ => $"お申込みを受け付けました（一部の枠はキャンセル待ちです）。受付番号は {view.Number} です。",
            };
        string? token = withCancelLink ? secrets.CancellationToken(evt.Id, view.RegistrationId) : null;
        return new RegistrationAnswer(
            view.RegistrationId,
            view.Number,
            evt.Id,
            status,
            duplicate,
            view.RegisteredAt,
            view.Sessions.Select(s => new AnswerSession(s.SessionId, s.Status, s.WaitlistPosition)).ToList(),
            token,
            token is null ? null : $"/forms/cancel/#event={evt.Id}&registration={view.RegistrationId}&token={token}",
            message);
    }

    private static CancelAnswer CancelAnswer(RegistrationView view, string message) =>
        new(view.RegistrationId, view.Number, "cancelled", view.CancelledAt, message);

    private static T? Deserialize<T>(byte[] body)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, FormsJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The checks every POST about an event starts with, in this order: the event exists, the body is JSON, and
    /// the body fits the cap (read without buffering more than the cap). Exactly one of (event and body) or
    /// the rejection is set.
    /// </summary>
    private async Task<EventBodyRead> ReadEventBodyAsync(
        HttpRequest request, string endpoint, FormsManifest manifest, string eventId, bool allowFormPost)
    {
        if (FindEvent(manifest, eventId) is not { } evt)
        {
            return new EventBodyRead(null, null, Reject(request, endpoint, "event-not-found", eventId, Problems.EventNotFound()));
        }

        if (allowFormPost && FormPostReader.IsFormPost(request))
        {
            int max = options.Value.MaxBodyBytes;
            PostedFormRead posted = await FormPostReader.ReadAsync(request, max, 0, max, null, request.HttpContext.RequestAborted);
            return posted.Form is { } form
                ? new EventBodyRead(evt, FormPostReader.ToJson(RegistrationFormPost.ToRequest(form)), null)
                : new EventBodyRead(null, null, Reject(request, endpoint, ((Problems.ProblemBody)posted.Rejected!.Value).Code, eventId, posted.Rejected));
        }

        if (!RequestBodyReader.IsJson(request))
        {
            return new EventBodyRead(null, null, Reject(request, endpoint, "unsupported-media-type", eventId, Problems.UnsupportedMediaType()));
        }

        byte[]? body = await RequestBodyReader.ReadCappedAsync(request, options.Value.MaxBodyBytes, request.HttpContext.RequestAborted);
        return body is null
            ? new EventBodyRead(null, null, Reject(request, endpoint, "payload-too-large", eventId, Problems.PayloadTooLarge(options.Value.MaxBodyBytes)))
            : new EventBodyRead(evt, body, null);
    }

    private sealed record EventBodyRead(ManifestEvent? Event, byte[]? Body, JsonBodyResult? Rejected)
    {
        [MemberNotNullWhen(true, nameof(Event), nameof(Body))]
        [MemberNotNullWhen(false, nameof(Rejected))]
        public bool Accepted => Rejected is null;
    }

    private static ManifestEvent? FindEvent(FormsManifest manifest, string eventId) =>
        StorageKeys.IsSafeSegment(eventId) ? manifest.FindEvent(eventId) : null;

    private JsonBodyResult Reject(HttpRequest request, string endpoint, string reason, string? eventId, JsonBodyResult problem) =>
        guard.Reject(request, endpoint, reason, eventId, problem);
}
