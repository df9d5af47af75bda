using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using StartupHub.Forms.Http;
using StartupHub.Forms.Registration;
using StartupHub.Forms.Tests.Infrastructure;
using StartupHub.Functions;

namespace StartupHub.Forms.Tests.Http;

/// <summary>The OpenAPI document, the local server's endpoints and the Functions triggers must describe the same API.</summary>
public sealed class OpenApiSyncTests
{
    private static readonly JsonNode Document = JsonNode.Parse(FormsOpenApi.DocumentJson)!;

    private static HashSet<string> DocumentedOperations() =>
        Document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(op => $"{op.Key.ToUpperInvariant()} /{p.Key.TrimStart('/')}"))
            .ToHashSet();

    [Fact]
    public void Document_is_openapi_3_1()
    {
        Assert.Equal("3.1.0", Document["openapi"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_local_server_endpoint_is_documented_and_nothing_else()
    {
        using TempFolder folder = new();
        await using FormsTestHost host = await FormsTestHost.StartAsync(TestEvents.WriteManifest(folder.Path), Path.Combine(folder.Path, "data"));
        HashSet<string> mapped = host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods
                .Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')["api/".Length..]}"))
            .ToHashSet();
        Assert.Equal(DocumentedOperations().Order(), mapped.Order());

        using HttpResponseMessage served = await host.Client.GetAsync("/api/openapi.json");
        JsonElement body = await served.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("3.1.0", body.GetProperty("openapi").GetString());
    }

    [Fact]
    public void Every_functions_trigger_is_documented_and_nothing_else()
    {
        HashSet<string> triggers = new[] { typeof(FormsFunctions), typeof(StaffFunctions), typeof(ApplicationFunctions) }.SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetParameters())
            .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>())
            .OfType<HttpTriggerAttribute>()
            .SelectMany(t => t.Methods!.Select(m => $"{m.ToUpperInvariant()} /{t.Route}"))
            .ToHashSet();
        Assert.Equal(DocumentedOperations().Order(), triggers.Order());
    }

    [Fact]
    public void Request_and_response_schemas_list_exactly_the_wire_properties()
    {
        AssertSchemaMatches<RegistrationRequest>("RegistrationRequest");
        AssertSchemaMatches<RegistrationAnswer>("RegistrationAnswer");
        AssertSchemaMatches<AvailabilityResponse>("Availability");
        AssertSchemaMatches<AvailabilitySession>("AvailabilitySession");
        AssertSchemaMatches<CancelAnswer>("CancelAnswer");
        AssertSchemaMatches<FormTokenResponse>("FormToken");
        AssertSchemaMatches<CancellationRequest>("CancellationRequest");
        AssertSchemaMatches<Problems.ProblemBody>("Problem");
        AssertSchemaMatches<SubmissionAnswer>("SubmissionAnswer");
        AssertSchemaMatches<global::StartupHub.Forms.Staff.StaffListItem>("StaffListItem");
        AssertSchemaMatches<global::StartupHub.Forms.Staff.StaffDetailResponse>("StaffDetail");
        AssertSchemaMatches<global::StartupHub.Forms.Staff.StaffStatusRequest>("StaffStatusRequest");
        AssertSchemaMatches<global::StartupHub.Forms.Staff.StaffStatusResponse>("StaffStatusAnswer");
        AssertSchemaMatches<global::StartupHub.Forms.Staff.RosterSession>("RosterSession");
        AssertSchemaMatches<global::StartupHub.Forms.Staff.RosterEntry>("RosterEntry");
        AssertSchemaMatches<global::StartupHub.Forms.Staff.SummaryResponse>("Summary");
    }

    [Fact]
    public void Organisation_type_enum_matches_the_validator()
    {
        string[] documented = Document["components"]!["schemas"]!["RegistrationRequest"]!["properties"]!["organization_type"]!["enum"]!
            .AsArray().Select(n => n!.GetValue<string>()).ToArray();
        Assert.Equal(OrganizationTypes.All.Select(t => t.Slug), documented);
    }

    private static void AssertSchemaMatches<T>(string schema)
    {
        IEnumerable<string> documented = Document["components"]!["schemas"]![schema]!["properties"]!.AsObject().Select(p => p.Key);
        IEnumerable<string> actual = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name));
        Assert.Equal(actual.Order(), documented.Order());
    }
}
