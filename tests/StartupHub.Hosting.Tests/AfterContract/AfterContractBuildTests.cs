using AngleSharp.Html.Parser;
using StartupHub.Hosting.Tests.Support;

namespace StartupHub.Hosting.Tests.AfterContract;

/// <summary>
/// The after-contract switch (<c>forms: closed</c> in content/site.yml): the real content built in that mode
/// must be a static-only site, with no page, script or data file calling the forms API.
/// </summary>
public sealed class AfterContractBuildTests : IDisposable
{
    private static readonly string[] TextExtensions = [".html", ".js", ".css", ".json", ".xml", ".ics", ".txt", ".yml", ".webmanifest"];
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "startuphub-closed-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_closed_site_references_no_api_and_says_registration_has_ended()
    {
        var root = SmallSite.Write(_temp, yml =>
        {
            Assert.Contains("forms: open", yml, StringComparison.Ordinal);
            return yml.Replace("forms: open", "forms: closed", StringComparison.Ordinal);
        });
        File.Copy(RepositoryRoot.Combine("staticwebapp.config.json"), Path.Combine(root, "staticwebapp.config.json"));
        var output = Path.Combine(_temp, "out");
        var result = SiteBuild.Run(root, output);
        Assert.True(result.Pages.Count > 20);

        var files = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
            .Where(f => TextExtensions.Contains(Path.GetExtension(f)))
            // The hosting config is read by Azure only; another static host ignores it.
            .Where(f => Path.GetFileName(f) != "staticwebapp.config.json")
            .ToList();
        Assert.Contains(files, f => f.EndsWith("forms-manifest.json", StringComparison.Ordinal));
        foreach (var file in files)
        {
            Assert.False(File.ReadAllText(file).Contains("/api/", StringComparison.Ordinal), $"{Path.GetRelativePath(output, file)} references /api/");
        }

        var parser = new HtmlParser();
        var pages = files.Where(f => f.EndsWith(".html", StringComparison.Ordinal)).Select(f => (File: f, Document: parser.ParseDocument(File.ReadAllText(f)))).ToList();
        Assert.All(pages, p => Assert.Empty(p.Document.QuerySelectorAll("[data-api]")));
        Assert.All(pages, p => Assert.Empty(p.Document.QuerySelectorAll("form[action*='api']")));
        Assert.False(Directory.Exists(Path.Combine(output, "admin")), "the CMS signs in through the API, so it is left out");

        var registration = pages.Select(p => p.Document.QuerySelector("#registration")).OfType<AngleSharp.Dom.IElement>().ToList();
        Assert.NotEmpty(registration);
        // With forms open, events whose window is open at the build clock list their sessions as 受付中; closed, none does.
        Assert.All(registration, r => Assert.Null(r.QuerySelector(".capacity-table")));
        // No badge, card or list anywhere may still say 受付中 / 受付前 once forms are closed.
        Assert.All(pages, p => Assert.DoesNotContain("受付中", p.Document.Body!.TextContent, StringComparison.Ordinal));
        Assert.All(pages, p => Assert.DoesNotContain("受付前", p.Document.Body!.TextContent, StringComparison.Ordinal));
        var october = pages.Single(p => p.File.EndsWith(Path.Combine("events", "2025-10-chiba", "index.html"), StringComparison.Ordinal)).Document;
        Assert.Matches("受付(は)?終了", october.QuerySelector("#registration")!.TextContent);
    }

    [Fact]
    public void The_same_content_with_forms_open_does_call_the_api()
    {
        // The check above would pass trivially if the theme never used the API; here it does.
        var root = SmallSite.Write(_temp);
        var output = Path.Combine(_temp, "out-open");
        SiteBuild.Run(root, output);
        var parser = new HtmlParser();
        var withApi = Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories)
            .Count(f => parser.ParseDocument(File.ReadAllText(f)).QuerySelector("[data-api]") is not null);
        Assert.True(withApi > 0);
    }

    public void Dispose()
    {
        if (Directory.Exists(_temp))
        {
            Directory.Delete(_temp, recursive: true);
        }
    }
}
