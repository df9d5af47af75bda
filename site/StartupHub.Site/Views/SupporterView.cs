using StartupHub.Site.Content;
using StartupHub.Site.Loading;

namespace StartupHub.Site.Views;

/// <summary>
/// A support organisation. Its own site is <c>website</c>: the YAML key <c>url</c> is the organisation's
/// address, while <c>url</c> in templates is, like every item's, the page on this site.
/// </summary>
public sealed class SupporterView(Supporter supporter, ViewIndex index) : IContentView
{
    string IContentView.ReadKey { get; } = Build.Incremental.PageReads.Item(supporter.SourcePath);

    internal Supporter Item => supporter;

    public string Slug => supporter.Slug;

    public string Url => $"/supporters/{supporter.Slug}/";

    /// <summary>The entry on the directory page: <c>/supporters/#{slug}</c>.</summary>
    public string AnchorUrl => $"/supporters/#{supporter.Slug}";

    public string Name => supporter.Name;

    public string Kind => KebabCase.Of(supporter.Kind);

    public string KindLabel => Labels.Of(supporter.Kind);

    public string? Area => supporter.Area;

    public string? Website => supporter.Url;

    public IReadOnlyList<SupportMenu> Menus => supporter.Menus;

    public string Content => index.Html(supporter);
}
