using StartupHub.Site.Content;
using StartupHub.Site.Loading;

namespace StartupHub.Site.Views;

/// <summary>An Open Innovation Program company, with the events where it pitches.</summary>
public sealed class CompanyView(Company company, ViewIndex index) : IContentView
{
    string IContentView.ReadKey { get; } = Build.Incremental.PageReads.Item(company.SourcePath);

    internal Company Item => company;

    public string Slug => company.Slug;

    public string Url => $"/companies/{company.Slug}/";

    public string Name => company.Name;

    public string Summary => company.Summary;

    public string Industry => company.Industry;

    public string Location => company.Location;

    public int Cohort => company.Cohort;

    public string Status => KebabCase.Of(company.Status);

    public string StatusLabel => Labels.Of(company.Status);

    public ImageRef? Logo => company.Logo;

    public string? Website => company.Website;

    public IReadOnlyList<string> Seeds => company.Seeds;

    public IReadOnlyList<string> Seeking => company.Seeking;

    public string Content => index.Html(company);

    public IReadOnlyList<EventView> Events => index.EventsWithCompany(company.Slug);
}
