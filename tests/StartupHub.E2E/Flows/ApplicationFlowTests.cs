using System.Text;
using Microsoft.Playwright;
using StartupHub.E2E.Support;

namespace StartupHub.E2E.Flows;

/// <summary>OIP application with a PDF, mentee application and partnership inquiry, in real Chromium.</summary>
[Collection(FlowSiteCollection.Name)]
public sealed class ApplicationFlowTests(FlowSite flow)
{
    /// <summary>A small but well-formed one-page PDF (objects, xref table with real offsets, trailer), built here so the test needs no fixture file.</summary>
    private static byte[] Pdf()
    {
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
            "<< /Length 0 >>\nstream\n\nendstream",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static async Task WaitForTokenAsync(IPage page, string form) =>
        await page.WaitForFunctionAsync($"() => document.querySelector('#{form} input[name=form_token]')?.value.length > 0");

    [Fact]
    public async Task An_oip_application_with_a_pdf_is_checked_in_the_browser_then_received()
    {
        await using var probe = await PageProbe.DesktopAsync(flow.Site);
        var page = probe.Page;
        Assert.Empty(await probe.VisitAsync("/oip/"));
        await WaitForTokenAsync(page, "oip-form");

        // A file that is not a PDF is refused before anything is sent.
        await page.SetInputFilesAsync("#oip-pitch_deck", new FilePayload { Name = "deck.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes("not a pdf") });
        await page.WaitForSelectorAsync("#oip-form-pitch_deck-error");
        Assert.Contains("PDF", await page.TextContentAsync("#oip-form-pitch_deck-error"), StringComparison.Ordinal);
        Assert.Equal("true", await page.GetAttributeAsync("#oip-pitch_deck", "aria-invalid"));

        // Submitted with missing fields: the API's messages appear next to the fields.
        await page.SetInputFilesAsync("#oip-pitch_deck", new FilePayload { Name = "deck.pdf", MimeType = "application/pdf", Buffer = Pdf() });
        await page.ClickAsync("#oip-form button[type=submit]");
        await page.WaitForSelectorAsync("#oip-errors li");
        Assert.Equal("oip-errors", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.Equal("true", await page.GetAttributeAsync("#oip-company_name", "aria-invalid"));
        await FormSteps.AssertAccessibleAsync(page, "OIP 応募エラー");
        await FormSteps.ScreenshotAsync(page, "flow-oip-errors-desktop");
        Assert.Empty(FormSteps.Unexpected(await probe.CheckAsync(), 422));

        var fields = new Dictionary<string, string>
        {
            ["company_name"] = "株式会社E2Eテスト",
            ["representative_name"] = "代表 太郎",
            ["head_office_address"] = "千葉県千葉市中央区市場町1-1",
            ["founded_year"] = "2020",
            ["employees"] = "12",
            ["industry"] = "ソフトウェア",
            ["seeds"] = "画像認識の技術",
            ["collaboration_sought"] = "実証フィールドを持つ自治体",
            ["goals"] = "実証実験の開始",
            ["contact_name"] = "担当 花子",
            ["contact_kana"] = "たんとう はなこ",
            ["contact_email"] = FormSteps.Email("oip"),
            ["contact_phone"] = "043-000-0000",
        };
        foreach (var (name, value) in fields)
        {
            await page.FillAsync($"#oip-{name}", value);
        }

        await page.CheckAsync("#oip-consent");
        await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#oip-form button[type=submit]"), r => r.Url.EndsWith("/submissions", StringComparison.Ordinal));
        await page.WaitForSelectorAsync("#oip-confirmation:not([hidden])");
        Assert.Matches("^OIP-\\d{4}$", (await page.TextContentAsync("#oip-confirmation .confirmation__number"))!.Trim());
        await FormSteps.AssertAccessibleAsync(page, "OIP 応募完了");
        await FormSteps.ScreenshotAsync(page, "flow-oip-received-desktop");
        Assert.Empty(await probe.CheckAsync());
    }

    [Fact]
    public async Task A_mentee_application_shows_errors_then_is_received()
    {
        await using var probe = await PageProbe.MobileAsync(flow.Site);
        var page = probe.Page;
        Assert.Empty(await probe.VisitAsync("/mentoring/"));
        await WaitForTokenAsync(page, "mentee-form");
        await page.FillAsync("#mentee-email", "wrong");
        await page.ClickAsync("#mentee-form button[type=submit]");
        await page.WaitForSelectorAsync("#mentee-errors li");
        Assert.Equal("true", await page.GetAttributeAsync("#mentee-email", "aria-invalid"));
        Assert.Contains("mentee-form-email-error", await page.GetAttributeAsync("#mentee-email", "aria-describedby"), StringComparison.Ordinal);
        Assert.Empty(FormSteps.Unexpected(await probe.CheckAsync(), 422));

        await page.FillAsync("#mentee-company_name", "E2E屋");
        await page.FillAsync("#mentee-contact_name", "相談 次郎");
        await page.FillAsync("#mentee-contact_kana", "そうだん じろう");
        await page.FillAsync("#mentee-email", FormSteps.Email("mentee"));
        await page.SelectOptionAsync("#mentee-stage", "seed");
        await page.SelectOptionAsync("#mentee-growth_intent", "ipo");
        await page.FillAsync("#mentee-business_summary", "農業向けの IoT");
        await page.FillAsync("#mentee-advice_wanted", "資金調達");
        await page.SelectOptionAsync("#mentee-preferred_venue", "either");
        await page.CheckAsync("#mentee-consent");
        await page.ClickAsync("#mentee-form button[type=submit]");
        await page.WaitForSelectorAsync("#mentee-confirmation:not([hidden])");
        Assert.Matches("^MEN-\\d{4}$", (await page.TextContentAsync("#mentee-confirmation .confirmation__number"))!.Trim());
        await FormSteps.ScreenshotAsync(page, "flow-mentee-received-mobile");
        Assert.Empty(await probe.CheckAsync());
    }

    [Fact]
    public async Task A_partnership_inquiry_is_sent_from_a_company_page()
    {
        await using var probe = await PageProbe.DesktopAsync(flow.Site);
        var page = probe.Page;
        var company = flow.Site.FirstItem("/companies/");
        Assert.Empty(await probe.VisitAsync(company));
        await WaitForTokenAsync(page, "inquiry-form");
        Assert.Equal(company.Split('/')[2], await page.GetAttributeAsync("#inquiry-form input[name=company_id]", "value"));
        await page.FillAsync("#inquiry-name", "連携 三郎");
        await page.FillAsync("#inquiry-kana", "れんけい さぶろう");
        await page.FillAsync("#inquiry-email", FormSteps.Email("inquiry"));
        await page.FillAsync("#inquiry-organization", "千葉テスト工業");
        await page.SelectOptionAsync("#inquiry-organization_type", "large-company");
        await page.FillAsync("#inquiry-proposal", "共同での実証を提案します。");
        await page.CheckAsync("#inquiry-consent");
        await page.ClickAsync("#inquiry-form button[type=submit]");
        await page.WaitForSelectorAsync("#inquiry-confirmation:not([hidden])");
        Assert.Matches("^INQ-\\d{4}$", (await page.TextContentAsync("#inquiry-confirmation .confirmation__number"))!.Trim());
        await FormSteps.AssertAccessibleAsync(page, "連携相談完了");
        Assert.Empty(await probe.CheckAsync());
    }
}
