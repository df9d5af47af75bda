using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using StartupHub.Forms.Http;

namespace StartupHub.Functions;

/// <summary>
/// Thin HTTP triggers: each passes the request to the same handler the local server uses and writes the
/// handler's result. No form logic lives here. Routes come from <see cref="FormsRoutes"/> (host.json adds
/// the "api" prefix), so the Functions app and the local server cannot drift apart.
/// </summary>
public sealed class FormsFunctions(FormsHandlers handlers)
{
    [Function("IssueFormToken")]
    public Task<IActionResult> IssueFormToken(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FormsRoutes.FormToken)] HttpRequest request,
        string formId) =>
        WriteAsync(request, handlers.IssueFormTokenAsync(request, formId));

    [Function("GetAvailability")]
    public Task<IActionResult> GetAvailability(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FormsRoutes.Availability)] HttpRequest request,
        string eventId) =>
        WriteAsync(request, handlers.GetAvailabilityAsync(request, eventId));

    [Function("Register")]
    public Task<IActionResult> Register(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = FormsRoutes.Registrations)] HttpRequest request,
        string eventId) =>
        WriteAsync(request, handlers.RegisterAsync(request, eventId));

    [Function("CancelRegistration")]
    public Task<IActionResult> CancelRegistration(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = FormsRoutes.Cancel)] HttpRequest request,
        string eventId,
        string registrationId) =>
        WriteAsync(request, handlers.CancelAsync(request, eventId, registrationId));

    [Function("GetOpenApi")]
    public Task<IActionResult> GetOpenApi(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FormsRoutes.OpenApi)] HttpRequest request) =>
        WriteAsync(request, Task.FromResult(handlers.GetOpenApi(request)));

    /// <summary>The handlers answer with IResult; executing it against the request's HttpContext writes the
    /// exact same status, headers and body as the local server does.</summary>
    private static async Task<IActionResult> WriteAsync(HttpRequest request, Task<IResult> pending)
    {
        IResult result = await pending;
        await result.ExecuteAsync(request.HttpContext);
        return new EmptyResult();
    }
}
