using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.Playwright;
using StartupHub.E2E.Support;

namespace StartupHub.E2E.Flows;

/// <summary>Staff pages with the dev sign-in: find a submission, open it, export CSV and XLSX; and nobody else sees any of it.</summary>
[Collection(FlowSiteCollection.Name)]
public sealed class StaffFlowTests(FlowSite flow)
{
    /// <summary>A partnership inquiry sent the way the page's script sends it (token first, then the JSON body).</summary>
    private static async Task<string> SendInquiryAsync(IAPIRequestContext api, string name, string email, string company)
    {
        var token = await (await api.GetAsync("/api/forms/partnership-inquiry/token")).JsonAsync();
        var response = await api.PostAsync("/api/forms/partnership-inquiry/submissions", new APIRequestContextOptions
        {
            Headers = new Dictionary<string, string> { ["Accept"] = "application/json" },
            DataObject = new Dictionary<string, object>
            {
                ["form_token"] = token!.Value.GetProperty("token").GetString()!,
                ["website"] = "",
                ["consent"] = true,
                ["purpose_version"] = "2025-08-01",
                ["company_id"] = company,
                ["name"] = name,
                ["kana"] = "すたっふ てすと",
                ["email"] = email,
                ["organization"] = "職員確認株式会社",
                ["organization_type"] = "large-company",
                ["proposal"] = "職員画面の確認用です。",
            },
        });
        Assert.True(response.Status == 201, $"HTTP {response.Status}: {await response.TextAsync()}");
        return (await response.JsonAsync())!.Value.GetProperty("number").GetString()!;
    }

    private static async Task SignInAsStaffAsync(IPage page, string target)
    {
        await page.GotoAsync("/.auth/login/dev?post_login_redirect_uri=" + Uri.EscapeDataString(target));
        await page.CheckAsync("input[name=role][value=staff]");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == target);
    }

    [Fact]
    public async Task Staff_find_a_submission_open_it_and_export_csv_and_xlsx()
    {
        await using var probe = await PageProbe.DesktopAsync(flow.Site);
        var page = probe.Page;
        var company = flow.Site.FirstItem("/companies/").Split('/')[2];
        var name = "職員確認" + Guid.NewGuid().ToString("N")[..6];
        var email = FormSteps.Email("staff");
        var number = await SendInquiryAsync(page.APIRequest, name, email, company);

        await SignInAsStaffAsync(page, "/staff/");
        await page.SelectOptionAsync("#filter-form", "partnership-inquiry");
        await page.FillAsync("#filter-q", name);
        await page.ClickAsync("#staff-filters button[type=submit]");
        // The list first shows everything (the page's own load after sign-in) and then the filtered result; the
        // number is in both, so wait for the filtered list itself, retrying until it has exactly that one row.
        await Assertions.Expect(page.Locator("#staff-results tbody tr")).ToHaveCountAsync(1);
        await page.WaitForSelectorAsync($"#staff-results a:has-text('{number}')");
        await FormSteps.AssertAccessibleAsync(page, "職員一覧");
        await FormSteps.ScreenshotAsync(page, "flow-staff-list-desktop");

        await page.ClickAsync($"#staff-results a:has-text('{number}')");
        await page.WaitForSelectorAsync("#staff-results dl");
        Assert.Contains(email, await page.TextContentAsync("#staff-results"), StringComparison.Ordinal);
        await FormSteps.AssertAccessibleAsync(page, "職員詳細");

        // The export buttons of the list, clicked as staff click them; the files are what the browser saved.
        Assert.Empty(await probe.VisitAsync("/staff/?form=partnership-inquiry"));
        var csvText = Encoding.UTF8.GetString(await DownloadAsync(page, "#staff-exports a:has-text('CSV')", ".csv"));
        Assert.StartsWith("\uFEFF", csvText, StringComparison.Ordinal);
        Assert.Contains(number, csvText, StringComparison.Ordinal);
        Assert.Contains(email, csvText, StringComparison.Ordinal);

        using var workbook = new XLWorkbook(new MemoryStream(await DownloadAsync(page, "#staff-exports a:has-text('XLSX')", ".xlsx")));
        Assert.Contains(workbook.Worksheet(1).CellsUsed(), c => c.GetString() == number);
        Assert.Contains(workbook.Worksheet(1).CellsUsed(), c => c.GetString() == email);

        Assert.Empty(await probe.VisitAsync("/staff/summary/"));
        await page.WaitForSelectorAsync("#staff-results table");
        await FormSteps.AssertAccessibleAsync(page, "職員集計");
        Assert.Empty(await probe.VisitAsync("/staff/roster/?event=2025-10-chiba"));
        await page.WaitForSelectorAsync("#staff-results .roster-session");
        await FormSteps.ScreenshotAsync(page, "flow-staff-roster-desktop");
        Assert.Empty(await probe.CheckAsync());
    }

    /// <summary>Clicks a download link and returns the saved file, checking the name the server suggested.</summary>
    private static async Task<byte[]> DownloadAsync(IPage page, string link, string extension)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(link));
        Assert.Null(await download.FailureAsync());
        Assert.EndsWith(extension, download.SuggestedFilename, StringComparison.Ordinal);
        return await File.ReadAllBytesAsync((await download.PathAsync())!);
    }

    [Fact]
    public async Task Staff_change_an_applications_status_on_its_detail_page_and_see_it_after_reload()
    {
        await using var probe = await PageProbe.DesktopAsync(flow.Site);
        var page = probe.Page;
        var company = flow.Site.FirstItem("/companies/").Split('/')[2];
        var name = "状態変更" + Guid.NewGuid().ToString("N")[..6];
        var number = await SendInquiryAsync(page.APIRequest, name, FormSteps.Email("status"), company);

        await SignInAsStaffAsync(page, "/staff/");
        // The signed-in page's own fetch ends before we move on (a fetch cut by navigation is never reported as ended).
        await page.WaitForSelectorAsync("#staff-results table");
        Assert.Empty(await probe.CheckAsync());
        Assert.Empty(await probe.VisitAsync("/staff/?form=partnership-inquiry&q=" + Uri.EscapeDataString(name)));
        await page.ClickAsync($"#staff-results a:has-text('{number}')");
        await page.WaitForSelectorAsync("#status-change");
        Assert.Equal("受付", (await page.TextContentAsync("#staff-detail-status"))!.Trim());
        Assert.Equal("状態を変更", (await page.Locator("label[for=status-change]").TextContentAsync())!.Trim());
        Assert.Equal("polite", await page.GetAttributeAsync("#staff-status", "aria-live"));

        await page.SelectOptionAsync("#status-change", "reviewing");
        await page.ClickAsync(".staff-status-change button[type=submit]");
        await page.WaitForSelectorAsync("#staff-status:has-text('審査中')");
        Assert.Equal("状態を「審査中」に変更しました。", (await page.TextContentAsync("#staff-status"))!.Trim());
        Assert.Equal("審査中", (await page.TextContentAsync("#staff-detail-status"))!.Trim());
        await FormSteps.AssertAccessibleAsync(page, "状態変更後");

        // Stored, not only shown: the detail and the list say so after a reload.
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("#staff-detail-status");
        Assert.Equal("審査中", (await page.TextContentAsync("#staff-detail-status"))!.Trim());
        Assert.Equal("reviewing", await page.InputValueAsync("#status-change"));
        Assert.Empty(await probe.VisitAsync("/staff/?form=partnership-inquiry&status=reviewing&q=" + Uri.EscapeDataString(name)));
        var row = page.Locator("#staff-results tbody tr", new PageLocatorOptions { HasText = number });
        await row.WaitForAsync();
        Assert.Contains("審査中", await row.TextContentAsync(), StringComparison.Ordinal);
        Assert.Empty(await probe.CheckAsync());
    }

    [Fact]
    public async Task The_printed_roster_shows_the_names_without_navigation_filters_or_buttons()
    {
        await using var probe = await PageProbe.DesktopAsync(flow.Site);
        var page = probe.Page;
        await SignInAsStaffAsync(page, "/staff/roster/");
        await page.WaitForSelectorAsync("#staff-results .roster-session"); // its fetch ends before we navigate again
        Assert.Empty(await probe.CheckAsync());
        Assert.Empty(await probe.VisitAsync("/staff/roster/?event=2025-10-chiba"));
        await page.WaitForSelectorAsync("#staff-results .roster-session");
        const string Display = "s => getComputedStyle(document.querySelector(s)).display";
        Assert.NotEqual("none", await page.EvaluateAsync<string>(Display, ".staff-nav"));

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        foreach (var hidden in new[] { ".site-nav", ".skip-link", ".site-footer", ".staff-nav", "#staff-filters", "#staff-exports", "#staff-status" })
        {
            Assert.True(await page.EvaluateAsync<string>(Display, hidden) == "none", $"{hidden} が印刷されます");
        }

        Assert.NotEqual("none", await page.EvaluateAsync<string>(Display, "#staff-results"));
        Assert.NotEqual("none", await page.EvaluateAsync<string>(Display, ".roster-session table"));
        Assert.Equal("page", await page.EvaluateAsync<string>("() => { const s = document.querySelectorAll('.roster-session'); return s.length > 1 ? getComputedStyle(s[1]).breakBefore : 'page'; }"));
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4" });
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        Assert.Empty(await probe.CheckAsync());
    }

    [Fact]
    public async Task A_visitor_without_the_staff_role_gets_no_staff_page_or_data()
    {
        await using var probe = await PageProbe.DesktopAsync(flow.Site);
        var page = probe.Page;
        // The host's route rule answers first (401, which Static Web Apps turns into a redirect to sign-in).
        var api = await page.APIRequest.GetAsync("/api/staff/submissions", new APIRequestContextOptions { MaxRedirects = 0 });
        Assert.Contains(api.Status, new[] { 302, 401 });
        Assert.DoesNotContain("@example.jp", await api.TextAsync(), StringComparison.Ordinal);

        await page.GotoAsync("/staff/");
        Assert.StartsWith("/.auth/login/", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#staff-app").CountAsync());

        // Signed in, but without the role: the API still refuses (403) and nothing leaks.
        await page.GotoAsync("/.auth/login/dev");
        await page.ClickAsync("button[type=submit]");
        var forbidden = await page.APIRequest.GetAsync("/api/staff/submissions", new APIRequestContextOptions { MaxRedirects = 0 });
        Assert.Equal(403, forbidden.Status);
        Assert.DoesNotContain("@example.jp", await forbidden.TextAsync(), StringComparison.Ordinal);
    }
}
