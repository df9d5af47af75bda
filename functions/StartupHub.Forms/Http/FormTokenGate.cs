using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using StartupHub.Forms.Security;

namespace StartupHub.Forms.Http;

/// <summary>
/// The form-issue token check every submission endpoint makes. A form_token, when sent, must be valid (not
/// too fast, not too old, signed for this form). A no-JS form post may come without one (its page cannot
/// fetch one); it is then held to the stricter tokenless per-client limit (Forms:FormPosts) instead. JSON
/// posts always need a token.
/// </summary>
public sealed class FormTokenGate(RequestGuard guard, FormIssueTokens formTokens, FormPostRateLimiter tokenlessLimiter, IOptions<FormsOptions> options)
{
    /// <summary>The problem to answer with, or null when the submission may go on.</summary>
    public JsonBodyResult? Check(HttpRequest request, string? token, string formId)
    {
        if (string.IsNullOrEmpty(token) && FormPostReader.IsFormPost(request))
        {
            return tokenlessLimiter.TryAcquire(guard.ClientAddress(request)) is { } wait ? Problems.RateLimited(wait) : null;
        }

        FormsOptions config = options.Value;
        return formTokens.Check(token, formId, TimeSpan.FromSeconds(config.MinimumFillSeconds), TimeSpan.FromHours(config.MaximumFormAgeHours)) switch
        {
            FormIssueTokens.Verdict.Valid => null,
            FormIssueTokens.Verdict.TooFast => Problems.Create(422, "submitted-too-fast", "送信が早すぎます。", "数秒おいてから、もう一度送信してください。"),
            FormIssueTokens.Verdict.Expired => Problems.Create(422, "form-expired", "フォームの有効期限が切れました。", "ページを再読み込みして、もう一度入力してください。"),
            _ => Problems.Create(400, "invalid-form-token", "フォームの情報が正しくありません。", "ページを再読み込みして、もう一度お試しください。"),
        };
    }
}
