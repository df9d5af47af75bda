using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using StartupHub.E2E.Support;

namespace StartupHub.E2E.Flows;

/// <summary>What a visitor does on the forms, written once for every flow test.</summary>
internal static class FormSteps
{
    public static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        ResultTypes = [ResultType.Violations],
    };

    /// <summary>A unique address per call, so registrations never collide as duplicates across tests.</summary>
    public static string Email(string who) => $"{who}-{Guid.NewGuid():N}@example.jp";

    /// <summary>Opens an event page and waits until its script has fetched the form token.</summary>
    public static async Task OpenEventAsync(PageProbe probe, string eventId)
    {
        Assert.Empty(await probe.VisitAsync($"/events/{eventId}/"));
        await probe.Page.WaitForFunctionAsync("() => document.querySelector('#registration-form input[name=form_token]')?.value.length > 0");
    }

    public static async Task FillRegistrationAsync(IPage page, string name, string email, params string[] sessions)
    {
        foreach (var session in sessions)
        {
            await page.CheckAsync($"#reg-session-{session}");
        }

        await page.FillAsync("#reg-name", name);
        await page.FillAsync("#reg-furigana", "てすと たろう");
        await page.FillAsync("#reg-email", email);
        await page.SelectOptionAsync("#reg-organization_type", "startup");
        await page.FillAsync("#reg-organization", "株式会社テスト");
        await page.CheckAsync("#reg-consent");
    }

    /// <summary>Submits and waits for the confirmation; returns its cancellation link.</summary>
    public static async Task<string> SubmitRegistrationAsync(IPage page)
    {
        await page.ClickAsync("#registration-form button[type=submit]");
        await page.WaitForSelectorAsync("#registration-confirmation:not([hidden])");
        return await page.InputValueAsync("#registration-cancel-url");
    }

    public static async Task<JsonElement> AvailabilityAsync(IPage page, string eventId)
    {
        var response = await page.APIRequest.GetAsync($"/api/events/{eventId}/availability");
        Assert.Equal(200, response.Status);
        return (await response.JsonAsync())!.Value;
    }

    public static JsonElement Session(JsonElement availability, string id) =>
        availability.GetProperty("sessions").EnumerateArray().Single(s => s.GetProperty("id").GetString() == id);

    public static async Task AssertAccessibleAsync(IPage page, string state)
    {
        var axe = await AxeAudit.RunAsync(page, Wcag21AA);
        Assert.True(axe.Passes.Length > 0 || axe.Violations.Length > 0, $"{state}: axe が何も検査していません");
        var violations = axe.Violations.SelectMany(v => v.Nodes.Select(n => $"axe {v.Id} ({v.Impact}) at {n.Target}: {v.Help}")).ToList();
        Assert.True(violations.Count == 0, $"{state}:\n{string.Join('\n', violations)}");
    }

    /// <summary>Desktop and phone screenshots of the current state, beside the key-page screenshots.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var file = Path.Combine(Artifacts.ScreenshotDirectory, $"{name}.png");
        File.Delete(file);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        Assert.True(new FileInfo(file).Length > 5_000, $"{file} がほぼ空です");
    }

    /// <summary>Problems the probe saw, without the 4xx answers the test provoked on purpose.</summary>
    public static IReadOnlyList<string> Unexpected(IReadOnlyList<string> problems, params int[] expected) =>
        [.. problems.Where(p => !expected.Any(code => p.StartsWith($"HTTP {code}:", StringComparison.Ordinal))
            && !(expected.Length > 0 && p.Contains("Failed to load resource", StringComparison.Ordinal)))];
}
