using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace StartupHub.Forms.Http;

/// <summary>
/// Turns a handler's JSON answer into the answer a page without JavaScript needs: 303 See Other to the
/// site's static result page, with the receipt number (or the problem code) in the query. The JS pages
/// send Accept: application/json and get the JSON unchanged.
/// </summary>
public static class FormPostAnswer
{
    public static async Task<IResult> ForNoScriptAsync(HttpRequest request, string formId, Task<IResult> pending)
    {
        IResult result = await pending;
        if (!FormPostReader.IsNoScriptPost(request) || result is not JsonBodyResult json)
        {
            return result;
        }

        string form = Uri.EscapeDataString(formId);
        return json.Value switch
        {
            Problems.ProblemBody problem => new SeeOtherResult($"/forms/result/error/?form={form}&code={Uri.EscapeDataString(problem.Code)}"),
            SubmissionAnswer submission => new SeeOtherResult($"/forms/result/received/?form={form}&number={Uri.EscapeDataString(submission.Number)}"),
            RegistrationAnswer registration => new SeeOtherResult(RegistrationLocation(form, registration)),
            _ => result,
        };
    }

    /// <summary>
    /// registered when every session is confirmed, waitlisted when at least one is on the waitlist. The
    /// cancellation token travels in the fragment, which browsers never send to a server or put in logs.
    /// </summary>
    private static string RegistrationLocation(string form, RegistrationAnswer answer)
    {
        string outcome = answer.Sessions.Any(s => s.Status == "waitlisted") ? "waitlisted" : "registered";
        string location = $"/forms/result/{outcome}/?form={form}&number={Uri.EscapeDataString(answer.RegistrationNumber)}";
        return answer.CancelToken is { } token
            ? location + string.Create(CultureInfo.InvariantCulture,
                $"#event={Uri.EscapeDataString(answer.EventId)}&registration={Uri.EscapeDataString(answer.RegistrationId)}&token={Uri.EscapeDataString(token)}")
            : location;
    }

    /// <summary>303 with a same-site relative Location; nothing to cache.</summary>
    public sealed class SeeOtherResult(string location) : IResult, IStatusCodeHttpResult
    {
        public string Location => location;

        public int? StatusCode => StatusCodes.Status303SeeOther;

        public Task ExecuteAsync(HttpContext httpContext)
        {
            HttpResponse response = httpContext.Response;
            response.StatusCode = StatusCodes.Status303SeeOther;
            response.Headers.Location = location;
            response.Headers.CacheControl = "no-store";
            response.ContentLength = 0;
            return Task.CompletedTask;
        }
    }
}
