using StartupHub.Theme.Tests.Support;

namespace StartupHub.Theme.Tests.Pages;

/// <summary>The form result, cancellation and staff pages (content/pages/forms, content/pages/staff): noindex, out of the sitemap and search.</summary>
[Collection(BuiltSiteCollection.Name)]
public sealed class FormPagesTests(BuiltSite site)
{
    public static readonly TheoryData<string> NoindexPages =
    [
        "/forms/cancel/", "/forms/result/registered/", "/forms/result/waitlisted/", "/forms/result/received/", "/forms/result/error/",
        "/staff/", "/staff/submission/", "/staff/roster/", "/staff/summary/",
    ];

    [Theory]
    [MemberData(nameof(NoindexPages))]
    public void Noindex_pages_are_built_marked_noindex_and_left_out_of_the_sitemap_and_search(string url)
    {
        var document = site.Page(url).Document;
        Assert.Equal("noindex, nofollow", document.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.Null(document.QuerySelector("[data-pagefind-body]"));
        Assert.DoesNotContain(url, File.ReadAllText(Path.Combine(site.OutputDirectory, "sitemap.xml")), StringComparison.Ordinal);
        Assert.DoesNotContain(document.QuerySelectorAll("footer a"), a => a.GetAttribute("href") == url);
    }

    [Fact]
    public void The_registration_form_posts_urlencoded_to_the_api_with_labels_and_the_purpose_notice_above_the_submit_button()
    {
        var form = site.Page("/events/2025-10-chiba/").Document.QuerySelector("form#registration-form")!;
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("application/x-www-form-urlencoded", form.GetAttribute("enctype"));
        Assert.Equal("/api/events/2025-10-chiba/registrations", form.GetAttribute("action"));
        foreach (var control in form.QuerySelectorAll("input:not([type=hidden]), select, textarea").Where(c => c.GetAttribute("name") != "website"))
        {
            Assert.NotNull(form.QuerySelector($"label[for='{control.Id}']"));
        }

        var trap = form.QuerySelector("input[name=website]")!;
        Assert.Equal("-1", trap.GetAttribute("tabindex"));
        Assert.Equal("true", trap.ParentElement!.GetAttribute("aria-hidden"));
        Assert.Equal("email", form.QuerySelector("input[name=email]")!.GetAttribute("inputmode"));
        var purpose = form.QuerySelector(".purpose")!;
        Assert.Contains("利用目的", purpose.TextContent, StringComparison.Ordinal);
        Assert.Equal("field field--consent", purpose.NextElementSibling!.ClassName);
        Assert.Equal("form__submit", purpose.NextElementSibling!.NextElementSibling!.ClassName);
    }
}
