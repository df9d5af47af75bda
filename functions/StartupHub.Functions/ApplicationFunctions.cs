using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using StartupHub.Forms.Http;

namespace StartupHub.Functions;

/// <summary>The application forms' trigger: a thin adapter over <see cref="ApplicationHandlers"/>, like <see cref="FormsFunctions"/>.</summary>
public sealed class ApplicationFunctions(ApplicationHandlers handlers)
{
    [Function("SubmitApplication")]
    public async Task<IActionResult> SubmitApplication(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = FormsRoutes.Submissions)] HttpRequest request,
        string formId)
    {
        IResult result = await handlers.SubmitAsync(request, formId);
        await result.ExecuteAsync(request.HttpContext);
        return new EmptyResult();
    }
}
