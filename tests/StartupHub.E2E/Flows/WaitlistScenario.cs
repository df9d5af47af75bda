using StartupHub.E2E.Support;

namespace StartupHub.E2E.Flows;

/// <summary>
/// Register → confirmation → the one seat is taken → the next person waits → the first cancels on /forms/cancel/
/// → the waiting person is promoted. Written once and run against every storage the API supports (the local
/// folder store in <see cref="RegistrationFlowTests"/>, Azurite in <see cref="AzuriteRegistrationFlowTests"/>).
/// </summary>
internal static class WaitlistScenario
{
    /// <param name="site">A site served with <see cref="FlowSite.Prepare"/> (it has <see cref="FlowSite.TinyEvent"/>) and no registration for it yet.</param>
    /// <param name="screenshots">Saves the waitlisted and cancel screens (once per run is enough).</param>
    public static async Task RunAsync(ServedSite site, bool screenshots)
    {
        await using var probe = await PageProbe.DesktopAsync(site);
        var page = probe.Page;
        var before = FormSteps.Session(await FormSteps.AvailabilityAsync(page, FlowSite.TinyEvent), "talk");
        Assert.Equal(1, before.GetProperty("remaining").GetInt32());

        await FormSteps.OpenEventAsync(probe, FlowSite.TinyEvent);
        await FormSteps.FillRegistrationAsync(page, "先着 一郎", FormSteps.Email("first"), "talk");
        var firstCancel = await FormSteps.SubmitRegistrationAsync(page);
        Assert.Equal(["参加確定"], await page.Locator(".confirmation__session strong").AllTextContentsAsync());
        Assert.Contains($"/forms/cancel/#event={FlowSite.TinyEvent}&registration=", firstCancel, StringComparison.Ordinal);

        await FormSteps.OpenEventAsync(probe, FlowSite.TinyEvent);
        await page.WaitForSelectorAsync("[data-seats='talk'].seats--full");
        Assert.Contains("キャンセル待ち", await page.TextContentAsync("[data-seats='talk']"), StringComparison.Ordinal);
        await FormSteps.FillRegistrationAsync(page, "次点 二郎", FormSteps.Email("second"), "talk");
        await FormSteps.SubmitRegistrationAsync(page);
        Assert.Equal(["キャンセル待ち（1番目）"], await page.Locator(".confirmation__session strong").AllTextContentsAsync());
        if (screenshots)
        {
            await FormSteps.ScreenshotAsync(page, "flow-registration-waitlisted-desktop");
        }

        // The first person cancels through the link from their confirmation.
        Assert.Empty(await probe.VisitAsync(firstCancel));
        await page.WaitForSelectorAsync("#cancel-event a:has-text('E2E 少人数イベント')");
        await FormSteps.AssertAccessibleAsync(page, "キャンセル確認");
        if (screenshots)
        {
            await FormSteps.ScreenshotAsync(page, "flow-cancel-confirm-desktop");
        }

        await page.ClickAsync("#cancel-form button[type=submit]");
        await page.WaitForSelectorAsync("#cancel-result:not([hidden])");
        Assert.Contains("キャンセルを受け付けました", await page.TextContentAsync("#cancel-result h2"), StringComparison.Ordinal);
        await FormSteps.AssertAccessibleAsync(page, "キャンセル完了");
        Assert.Empty(await probe.CheckAsync());

        // The waiting person took the freed seat.
        var after = FormSteps.Session(await FormSteps.AvailabilityAsync(page, FlowSite.TinyEvent), "talk");
        Assert.Equal(1, after.GetProperty("confirmed").GetInt32());
        Assert.Equal(0, after.GetProperty("waitlist").GetInt32());
    }
}
