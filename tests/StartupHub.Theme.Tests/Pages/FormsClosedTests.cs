using System.Text.RegularExpressions;
using StartupHub.Site.Content;
using StartupHub.Theme.Tests.Support;

namespace StartupHub.Theme.Tests.Pages;

/// <summary><c>forms: closed</c> in site.yml: every registration area says 受付は終了しました and no page points at the API.</summary>
public sealed partial class FormsClosedTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "startuphub-theme-closed-" + Guid.NewGuid().ToString("N"));

    [GeneratedRegex(@"^forms:.*$", RegexOptions.Multiline)]
    private static partial Regex FormsLine();

    [Fact]
    public void With_forms_closed_events_say_registration_has_ended_and_no_page_mentions_the_api()
    {
        SiteBuild.CopyRepository(_root, yml => FormsLine().IsMatch(yml) ? FormsLine().Replace(yml, "forms: closed") : yml + "\nforms: closed\n");
        var output = Path.Combine(_root, "out");
        SiteBuild.Run(_root, output);
        var content = BuiltSite.ReadContent(_root);
        var pages = BuiltSite.LoadPages(output);

        var registrable = content.Events
            .Where(e => e.Registration is not null && e.Status == EventStatus.Scheduled && e.End > FixedClock.Default && e.Publishing.IsPublishedAt(FixedClock.Default, false))
            .ToList();
        Assert.NotEmpty(registrable);
        foreach (var e in registrable)
        {
            var section = pages.Single(p => p.RelativePath == $"events/{e.Slug}/index.html").Document.QuerySelector("section#registration")!;
            Assert.Contains("受付は終了しました", section.TextContent, StringComparison.Ordinal);
            Assert.Empty(section.QuerySelectorAll("table"));
        }

        Assert.DoesNotContain(pages, p => p.Document.QuerySelector("[data-api]") is not null);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
