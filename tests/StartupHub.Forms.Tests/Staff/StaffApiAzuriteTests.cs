using System.Text;
using System.Text.Json;
using StartupHub.Forms.Tests.Infrastructure;

namespace StartupHub.Forms.Tests.Staff;

/// <summary>The same staff reads on Azure Blob Storage (Azurite over HTTP): ledgers, record batches and sealed applications.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StaffApiAzuriteTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task List_roster_and_exports_read_registrations_and_applications_from_blob_storage()
    {
        await using StaffApiScenario s = await StaffApiScenario.StartAsync(new()
        {
            ["Forms:Storage:ConnectionString"] = azurite.ConnectionString,
            ["Forms:Storage:Container"] = "staff-" + Guid.NewGuid().ToString("N")[..12],
            ["Forms:Encryption:Keys:k1"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 7 + 1)).ToArray()),
            ["Forms:Encryption:ActiveKeyId"] = "k1",
        });

        JsonElement list = await s.GetJsonAsync("/api/staff/submissions");
        Assert.Equal(4, list.GetProperty("total").GetInt32());
        JsonElement roster = await s.GetJsonAsync("/api/staff/events/tiny/roster");
        Assert.Equal(2, roster.GetProperty("sessions")[0].GetProperty("waitlisted").GetArrayLength());

        (byte[] csv, HttpResponseMessage response) = await s.DownloadAsync("/api/staff/exports/event-registration.csv");
        response.Dispose();
        List<List<string>> rows = StaffTestSupport.ParseCsv(Encoding.UTF8.GetString(csv.AsSpan(3)));
        Assert.Equal(4, rows.Count);
        Assert.Contains(rows, r => r.Contains("髙橋 﨑子"));

        JsonElement detail = await s.GetJsonAsync($"/api/staff/submissions/oip-application/{s.Application.Id}");
        (byte[] pdf, HttpResponseMessage download) = await s.DownloadAsync(detail.GetProperty("attachments")[0].GetProperty("url").GetString()!);
        download.Dispose();
        Assert.Equal(StaffApiScenario.Pdf, pdf);
    }
}
