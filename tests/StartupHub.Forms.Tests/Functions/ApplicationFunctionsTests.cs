using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StartupHub.Forms.Http;
using StartupHub.Forms.Tests.Applications;
using StartupHub.Forms.Tests.Infrastructure;
using StartupHub.Forms.Tests.Uploads;
using StartupHub.Functions;

namespace StartupHub.Forms.Tests.Functions;

/// <summary>The SubmitApplication trigger, called the way the Functions worker calls it.</summary>
public sealed class ApplicationFunctionsTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ServiceProvider _services;
    private readonly ApplicationFunctions _functions;

    public ApplicationFunctionsTests()
    {
        // Inside the OIP period of the test manifest.
        _services = FunctionsWorkerServices.Build(_folder.Path, services =>
            services.AddSingleton<TimeProvider>(new ManualTimeProvider(new DateTimeOffset(2025, 8, 20, 12, 0, 0, TimeSpan.FromHours(9)))));
        _functions = new ApplicationFunctions(_services.GetRequiredService<ApplicationHandlers>());
    }

    public void Dispose()
    {
        _services.Dispose();
        _folder.Dispose();
    }

    private HttpRequest Request(HttpContent content, Stream? body = null, bool withLength = true)
    {
        DefaultHttpContext context = new() { RequestServices = _services };
        context.Request.Method = "POST";
        context.Request.Headers["X-Forwarded-For"] = "203.0.113.7:4000";
        context.Request.Headers.Accept = "application/json";
        context.Request.ContentType = content.Headers.ContentType!.ToString();
        if (body is null)
        {
            byte[] bytes = content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
            body = new MemoryStream(bytes);
            if (withLength)
            {
                context.Request.ContentLength = bytes.Length;
            }
        }

        context.Request.Body = body;
        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    private string Token(string formId) => _services.GetRequiredService<StartupHub.Forms.Security.FormIssueTokens>().Issue(formId);

    [Fact]
    public async Task An_oip_application_is_received_through_the_trigger()
    {
        HttpRequest request = Request(ApplicationRequests.Multipart(ApplicationRequests.Oip(Token("oip-application")), PdfCorpus.Minimal()));
        Assert.IsType<EmptyResult>(await _functions.SubmitApplication(request, "oip-application"));
        Assert.Equal(201, request.HttpContext.Response.StatusCode);
        Assert.Equal("OIP-0001", FunctionsWorkerServices.ResponseJson(request).GetProperty("number").GetString());
    }

    [Fact]
    public async Task Trigger_errors_are_problem_json()
    {
        HttpRequest request = Request(ApplicationRequests.Json(ApplicationRequests.Mentee(Token("mentee-application"))));
        await _functions.SubmitApplication(request, "no-such-form");
        Assert.Equal(404, request.HttpContext.Response.StatusCode);
        Assert.StartsWith("application/problem+json", request.HttpContext.Response.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_streamed_body_without_length_is_read_only_up_to_the_cap()
    {
        ApplicationHttpTests.EndlessStream endless = ApplicationHttpTests.EndlessStream.FilePart("endless");
        MultipartFormDataContent shape = new("endless");
        HttpRequest request = Request(shape, endless);
        await _functions.SubmitApplication(request, "oip-application");
        Assert.Equal(413, request.HttpContext.Response.StatusCode);
        long cap = new FormsOptions().Applications.MaxMultipartBytes;
        Assert.InRange(endless.Produced, cap, cap + (128 * 1024));
    }

    [Fact]
    public async Task A_declared_length_over_the_cap_is_refused_without_reading()
    {
        ApplicationHttpTests.EndlessStream endless = new();
        HttpRequest request = Request(new MultipartFormDataContent("b"), endless);
        request.ContentLength = new FormsOptions().Applications.MaxMultipartBytes + 1;
        await _functions.SubmitApplication(request, "oip-application");
        Assert.Equal(413, request.HttpContext.Response.StatusCode);
        Assert.Equal(0, endless.Produced);
    }
}
