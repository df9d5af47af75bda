using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StartupHub.Forms.Http;
using StartupHub.Forms.Tests.Infrastructure;
using StartupHub.Functions;

namespace StartupHub.Forms.Tests.Functions;

/// <summary>Calls the Functions triggers the way the worker does: an HttpRequest in, the response written to its HttpContext.</summary>
public sealed class FormsFunctionsTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ServiceProvider _services;
    private readonly FormsFunctions _functions;

    public FormsFunctionsTests()
    {
        _services = FunctionsWorkerServices.Build(_folder.Path);
        _functions = new FormsFunctions(_services.GetRequiredService<FormsHandlers>());
    }

    public void Dispose()
    {
        _services.Dispose();
        _folder.Dispose();
    }

    private HttpRequest Request(string method, object? body = null, string? forwardedFor = "203.0.113.9:50123")
    {
        DefaultHttpContext context = new() { RequestServices = _services };
        context.Request.Method = method;
        if (forwardedFor is not null)
        {
            context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        }

        if (body is not null)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(body));
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
            context.Request.ContentType = "application/json";
        }

        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    [Fact]
    public async Task Token_register_availability_and_cancel_work_through_the_triggers()
    {
        HttpRequest tokenRequest = Request("GET");
        Assert.IsType<EmptyResult>(await _functions.IssueFormToken(tokenRequest, "event-registration"));
        Assert.Equal(200, tokenRequest.HttpContext.Response.StatusCode);
        string token = FunctionsWorkerServices.ResponseJson(tokenRequest).GetProperty("token").GetString()!;

        HttpRequest register = Request("POST", FormsTestHost.Body("fn@example.jp", token));
        await _functions.Register(register, "open-event");
        Assert.Equal(201, register.HttpContext.Response.StatusCode);
        JsonElement registered = FunctionsWorkerServices.ResponseJson(register);
        Assert.Equal("confirmed", registered.GetProperty("status").GetString());

        HttpRequest availability = Request("GET");
        await _functions.GetAvailability(availability, "open-event");
        Assert.Equal(1, FunctionsWorkerServices.ResponseJson(availability).GetProperty("sessions")[0].GetProperty("confirmed").GetInt32());

        HttpRequest cancel = Request("POST", new { token = registered.GetProperty("cancel_token").GetString() });
        await _functions.CancelRegistration(cancel, "open-event", registered.GetProperty("registration_id").GetString()!);
        Assert.Equal(200, cancel.HttpContext.Response.StatusCode);
        Assert.Equal("cancelled", FunctionsWorkerServices.ResponseJson(cancel).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Trigger_errors_are_problem_json()
    {
        HttpRequest request = Request("POST", new { hello = "world" });
        await _functions.Register(request, "no-such-event");
        Assert.Equal(404, request.HttpContext.Response.StatusCode);
        Assert.StartsWith("application/problem+json", request.HttpContext.Response.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_trigger_serves_the_document()
    {
        HttpRequest request = Request("GET");
        await _functions.GetOpenApi(request);
        Assert.Equal("3.1.0", FunctionsWorkerServices.ResponseJson(request).GetProperty("openapi").GetString());
    }

    [Fact]
    public async Task In_functions_the_client_is_the_platform_appended_forwarded_entry()
    {
        Assert.Equal("X-Forwarded-For", _services.GetRequiredService<IOptions<FormsOptions>>().Value.ClientAddress.ForwardedHeader);
        // Burst 10 per client: the 11th token request from one forwarded client is limited, whatever the
        // client prepends, while another client is not.
        for (int i = 0; i < 10; i++)
        {
            await _functions.IssueFormToken(Request("GET", forwardedFor: $"6.6.6.{i}, 198.51.100.1:{1000 + i}"), "event-registration");
        }

        HttpRequest limited = Request("GET", forwardedFor: "7.7.7.7, 198.51.100.1:2000");
        await _functions.IssueFormToken(limited, "event-registration");
        Assert.Equal(429, limited.HttpContext.Response.StatusCode);
        Assert.True(int.Parse(limited.HttpContext.Response.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture) >= 1);

        HttpRequest other = Request("GET", forwardedFor: "198.51.100.2:2000");
        await _functions.IssueFormToken(other, "event-registration");
        Assert.Equal(200, other.HttpContext.Response.StatusCode);
    }
}
