using Snapshooter;
using Snapshooter.Xunit;
using StartupHub.Theme.Tests.Support;

namespace StartupHub.Theme.Tests.Pages;

/// <summary>Key pages pinned as normalised HTML (fixed clock, fingerprints replaced): a change to the theme shows up as a diff to review.</summary>
[Collection(BuiltSiteCollection.Name)]
public sealed class SnapshotTests(BuiltSite site)
{
    [Fact]
    public void Home() => Match("/", "home");

    [Fact]
    public void First_event() => Match($"/events/{site.Content.Events.OrderBy(e => e.Start).ThenBy(e => e.Slug, StringComparer.Ordinal).First().Slug}/", "event");

    [Fact]
    public void First_company() => Match($"/companies/{site.Content.Companies.OrderBy(c => c.Slug, StringComparer.Ordinal).First().Slug}/", "company");

    private void Match(string url, string name) =>
        SnapshotHtml.Normalise(site.Page(url).Html).MatchSnapshot(SnapshotNameExtension.Create(name));
}
