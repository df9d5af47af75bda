using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StartupHub.Forms.Audit;
using StartupHub.Forms.Http;
using StartupHub.Forms.Tests.Infrastructure;
using StartupHub.Forms.Tests.Staff;
using StartupHub.Functions;

namespace StartupHub.Forms.Tests.Functions;

/// <summary>The staff triggers, called the way the worker calls them.</summary>
public sealed class StaffFunctionsTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ServiceProvider _services;
    private readonly StaffFunctions _functions;
    private readonly RecordingAuditLog _audit = new();

    public StaffFunctionsTests()
    {
        _services = FunctionsWorkerServices.Build(_folder.Path, services => services.AddSingleton<IAuditLog>(_audit));
        _functions = new StaffFunctions(_services.GetRequiredService<StaffHandlers>());
    }

    public void Dispose()
    {
        _services.Dispose();
        _folder.Dispose();
    }

    private HttpRequest Request(string? principal)
    {
        DefaultHttpContext context = new() { RequestServices = _services };
        context.Request.Method = "GET";
        if (principal is not null)
        {
            context.Request.Headers["x-ms-client-principal"] = principal;
        }

        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    [Fact]
    public async Task Triggers_check_the_principal_and_answer_like_the_local_server()
    {
        HttpRequest anonymous = Request(null);
        await _functions.Summary(anonymous);
        Assert.Equal(401, anonymous.HttpContext.Response.StatusCode);

        HttpRequest notStaff = Request(StaffTestSupport.Principal("authenticated"));
        await _functions.ListSubmissions(notStaff);
        Assert.Equal(403, notStaff.HttpContext.Response.StatusCode);

        HttpRequest staff = Request(StaffTestSupport.StaffPrincipalHeader);
        await _functions.Summary(staff);
        Assert.Equal(200, staff.HttpContext.Response.StatusCode);
        Assert.Equal("no-store", staff.HttpContext.Response.Headers.CacheControl.ToString());
        staff.HttpContext.Response.Body.Position = 0;
        Assert.True(JsonDocument.Parse(staff.HttpContext.Response.Body).RootElement.TryGetProperty("forms", out _));

        HttpRequest csv = Request(StaffTestSupport.StaffPrincipalHeader);
        await _functions.ExportCsv(csv, "event-registration");
        Assert.Equal(200, csv.HttpContext.Response.StatusCode);
        byte[] body = ((MemoryStream)csv.HttpContext.Response.Body).ToArray();
        Assert.Equal(Encoding.UTF8.GetPreamble(), body[..3]);
        Assert.Equal(2, _audit.Entries.Count);
    }

    [Fact]
    public void Every_staff_route_has_an_anonymous_trigger_and_nothing_else()
    {
        HttpTriggerAttribute[] triggers = [.. typeof(StaffFunctions).GetMethods()
            .SelectMany(m => m.GetParameters())
            .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>())
            .OfType<HttpTriggerAttribute>()];
        Assert.All(triggers, t => Assert.Equal(AuthorizationLevel.Anonymous, t.AuthLevel));
        Assert.Equal(
            StaffRoutes.All.Select(r => $"{r.Method} {r.Route}").Order(),
            triggers.SelectMany(t => t.Methods!.Select(m => $"{m.ToUpperInvariant()} {t.Route}")).Order());
    }
}
