using System.Text.RegularExpressions;
using Microsoft.Playwright;
using StartupHub.E2E.Support;

namespace StartupHub.E2E.Flows;

/// <summary>Event registration in real Chromium: confirmation, errors, waitlist, cancellation, keyboard only.</summary>
[Collection(FlowSiteCollection.Name)]
public sealed partial class RegistrationFlowTests(FlowSite flow)
{
    private const string Event = "2025-10-chiba";

    [GeneratedRegex(@"^2025-10-chiba-\d{4}$")]
    private static partial Regex NumberPattern();

    [Fact]
    public async Task A_visitor_registers_and_sees_the_confirmation_with_cancel_and_calendar_links()
    {
        foreach (var (size, open) in new (string, Func<ServedSite, Task<PageProbe>>)[] { ("desktop", PageProbe.DesktopAsync), ("mobile", PageProbe.MobileAsync) })
        {
            await using var probe = await open(flow.Site);
            await FormSteps.OpenEventAsync(probe, Event);
            var page = probe.Page;
            await page.WaitForSelectorAsync("[data-seats='talk']:has-text('残り')");
            await FormSteps.ScreenshotAsync(page, $"flow-registration-form-{size}");

            await FormSteps.FillRegistrationAsync(page, "千葉 花子", FormSteps.Email("confirm"), "talk", "networking");
            var cancelUrl = await FormSteps.SubmitRegistrationAsync(page);

            Assert.Equal("お申込みを受け付けました", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
            Assert.Matches(NumberPattern(), (await page.TextContentAsync(".confirmation__number"))!.Trim());
            Assert.Equal(["参加確定", "参加確定"], await page.Locator(".confirmation__session strong").AllTextContentsAsync());
            Assert.Contains($"/forms/cancel/#event={Event}&registration=", cancelUrl, StringComparison.Ordinal);
            Assert.StartsWith(flow.Site.Address.ToString(), cancelUrl, StringComparison.Ordinal);
            Assert.Equal($"/events/{Event}/event.ics", await page.GetAttributeAsync("#registration-confirmation a[download]", "href"));
            Assert.Equal(0, await page.Locator("#registration-form").CountAsync());
            await FormSteps.AssertAccessibleAsync(page, "申込完了");
            await FormSteps.ScreenshotAsync(page, $"flow-registration-confirmation-{size}");
            Assert.Empty(await probe.CheckAsync());
        }
    }

    [Fact]
    public async Task Invalid_input_is_announced_next_to_each_field_and_in_a_focused_summary_then_fixed()
    {
        await using var probe = await PageProbe.DesktopAsync(flow.Site);
        await FormSteps.OpenEventAsync(probe, Event);
        var page = probe.Page;
        await page.FillAsync("#reg-email", "not-an-address");
        await page.FillAsync("#reg-comment", "残しておく入力");
        await page.ClickAsync("#registration-form button[type=submit]");
        await page.WaitForSelectorAsync("#reg-errors li");

        // The summary is a live region, has focus, and links to each field.
        Assert.Equal("reg-errors", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.Equal("assertive", await page.GetAttributeAsync("#reg-errors", "aria-live"));
        var links = await page.Locator("#reg-errors a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Contains("#reg-session-talk", links);
        Assert.Contains("#reg-name", links);
        Assert.Contains("#reg-email", links);
        Assert.Contains("#reg-consent", links);

        // Each field: aria-invalid, and its message reachable through aria-describedby.
        foreach (var id in new[] { "reg-name", "reg-email", "reg-consent", "reg-session-talk" })
        {
            Assert.Equal("true", await page.GetAttributeAsync($"#{id}", "aria-invalid"));
            var described = await page.EvaluateAsync<string>("id => (document.getElementById(id).getAttribute('aria-describedby') || '').split(' ').map(x => document.getElementById(x)?.textContent || '').join(' ')", id);
            Assert.False(string.IsNullOrWhiteSpace(described), $"{id} has no description");
        }

        Assert.Contains("メールアドレス", await page.TextContentAsync("#registration-form-email-error"), StringComparison.Ordinal);
        Assert.Equal("not-an-address", await page.InputValueAsync("#reg-email"));
        Assert.Equal("残しておく入力", await page.InputValueAsync("#reg-comment"));
        await FormSteps.AssertAccessibleAsync(page, "入力エラー");
        await FormSteps.ScreenshotAsync(page, "flow-registration-errors-desktop");
        Assert.Empty(FormSteps.Unexpected(await probe.CheckAsync(), 422));

        // Following a summary link moves focus to the field.
        await page.ClickAsync("#reg-errors a[href='#reg-name']");
        Assert.Equal("reg-name", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        await FormSteps.FillRegistrationAsync(page, "千葉 次郎", FormSteps.Email("fixed"), "pitch");
        await FormSteps.SubmitRegistrationAsync(page);
        Assert.Equal(["参加確定"], await page.Locator(".confirmation__session strong").AllTextContentsAsync());
        Assert.Empty(await probe.CheckAsync());
    }

    [Fact]
    public Task When_a_small_event_is_full_the_next_person_waits_and_is_promoted_after_a_cancellation() =>
        WaitlistScenario.RunAsync(flow.Site, screenshots: true);

    [Fact]
    public async Task A_cancellation_link_with_a_wrong_token_is_refused_in_japanese()
    {
        await using var probe = await PageProbe.DesktopAsync(flow.Site);
        Assert.Empty(await probe.VisitAsync($"/forms/cancel/#event={Event}&registration=nobody&token=wrong"));
        await probe.Page.ClickAsync("#cancel-form button[type=submit]");
        await probe.Page.WaitForSelectorAsync("#cancel-errors .error-summary__title");
        Assert.Contains("キャンセル用リンクが正しくありません", await probe.Page.TextContentAsync("#cancel-errors"), StringComparison.Ordinal);
        Assert.Empty(FormSteps.Unexpected(await probe.CheckAsync(), 403));
    }

    [Fact]
    public async Task The_form_can_be_completed_with_the_keyboard_alone()
    {
        await using var probe = await PageProbe.DesktopAsync(flow.Site);
        await FormSteps.OpenEventAsync(probe, Event);
        var page = probe.Page;
        await page.FocusAsync("#reg-session-talk");
        await page.Keyboard.PressAsync("Space");
        var typed = new Dictionary<string, string>
        {
            ["reg-name"] = "鍵盤 三郎",
            ["reg-furigana"] = "けんばん さぶろう",
            ["reg-email"] = FormSteps.Email("keyboard"),
            ["reg-organization"] = "鍵盤商事",
        };
        var visited = new List<string>();
        for (var i = 0; i < 40 && !visited.Contains("reg-consent"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var id = await page.EvaluateAsync<string>("() => document.activeElement.id");
            visited.Add(id);
            if (typed.TryGetValue(id, out var text))
            {
                await page.Keyboard.TypeAsync(text);
            }
            else if (id == "reg-organization_type")
            {
                await page.Keyboard.PressAsync("ArrowDown"); // スタートアップ
            }
            else if (id == "reg-consent")
            {
                await page.Keyboard.PressAsync("Space");
            }
        }

        Assert.DoesNotContain("reg-website", visited); // the honeypot is never reached
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("この内容で申し込む", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#registration-confirmation:not([hidden])");
        Assert.Equal("registration-confirmation-heading", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.Empty(await probe.CheckAsync());
    }

    [Fact]
    public async Task Without_javascript_the_form_posts_to_the_api_and_lands_on_a_result_page()
    {
        var context = await flow.Site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = flow.Site.Address.ToString(), JavaScriptEnabled = false, Locale = "ja-JP" });
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync($"/events/{Event}/");
            Assert.Equal("post", await page.GetAttributeAsync("#registration-form", "method"));
            Assert.Equal($"/api/events/{Event}/registrations", await page.GetAttributeAsync("#registration-form", "action"));
            await FormSteps.FillRegistrationAsync(page, "静的 四郎", FormSteps.Email("nojs"), "talk");
            await page.ClickAsync("#registration-form button[type=submit]");
            await page.WaitForURLAsync(new Regex("/forms/result/"));
            Assert.Matches("/forms/result/(registered|waitlisted)/", new Uri(page.Url).AbsolutePath);
            Assert.Contains("確認メール", await page.TextContentAsync("main"), StringComparison.Ordinal);
        }
        finally
        {
            await context.DisposeAsync();
        }
    }
}
