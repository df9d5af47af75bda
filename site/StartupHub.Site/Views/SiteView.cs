using StartupHub.Site.Content;
using StartupHub.Site.Loading;

namespace StartupHub.Site.Views;

/// <summary>The <c>site</c> variable: site.yml's settings plus every published collection and the build's clock.</summary>
public sealed class SiteView(SiteSettings settings, ViewIndex index, Uri baseUrl, bool preview)
{
    public string Title => settings.Title;

    public string Description => settings.Description;

    /// <summary>The effective base URL of this build (the command line's, else site.yml's).</summary>
    public string BaseUrl => baseUrl.ToString();

    public string Language => settings.Language;

    public Organisation Organiser => settings.Organiser;

    public Organisation? Operator => settings.Operator;

    public Contact? Contact => settings.Contact;

    public IReadOnlyList<Link> Navigation => settings.Navigation;

    public IReadOnlyList<Link> Social => settings.Social;

    public string ApiBase => settings.ApiBase;

    public IReadOnlyList<EventView> Events => ViewIndex.Listed(ViewIndex.ListKeys.Events, index.Events);

    public IReadOnlyList<PersonView> People => ViewIndex.Listed(ViewIndex.ListKeys.People, index.People);

    public IReadOnlyList<CompanyView> Companies => ViewIndex.Listed(ViewIndex.ListKeys.Companies, index.Companies);

    public IReadOnlyList<VideoView> Videos => ViewIndex.Listed(ViewIndex.ListKeys.Videos, index.Videos);

    public IReadOnlyList<NewsView> News => ViewIndex.Listed(ViewIndex.ListKeys.News, index.News);

    public IReadOnlyList<ContentPageView> Pages => ViewIndex.Listed(ViewIndex.ListKeys.Pages, index.Pages);

    public IReadOnlyList<SupporterView> Supporters => ViewIndex.Listed(ViewIndex.ListKeys.Supporters, index.Supporters);

    public IReadOnlyList<VenueView> Venues => index.Venues;

    public IReadOnlyList<FormView> Forms => ViewIndex.Listed(ViewIndex.ListKeys.Forms, index.Forms);

    public DateTimeOffset Now => index.Now;

    public bool Preview => preview;

    public bool FormsOpen => index.FormsOpen;

    /// <summary>Cities in the program's order, each with its event list page.</summary>
    public IReadOnlyList<Taxonomy> Cities { get; } =
        [.. Enum.GetValues<City>().Select(c => new Taxonomy(KebabCase.Of(c), Labels.Of(c), $"/events/{KebabCase.Of(c)}/"))];

    /// <summary>Event series, each with its list page.</summary>
    public IReadOnlyList<Taxonomy> Series { get; } =
        [.. Enum.GetValues<EventSeries>().Select(s => new Taxonomy(KebabCase.Of(s), Labels.Of(s), $"/events/series/{KebabCase.Of(s)}/"))];

    /// <summary>Every type templates may read members of; registered once with Fluid.</summary>
    public static IReadOnlyList<Type> TemplateTypes { get; } =
    [
        typeof(SiteView), typeof(PageView), typeof(EventView), typeof(SessionView), typeof(VenueView), typeof(PersonView),
        typeof(CompanyView), typeof(VideoView), typeof(NewsView), typeof(ContentPageView), typeof(SupporterView), typeof(FormView),
        typeof(Breadcrumb), typeof(Paginator), typeof(Taxonomy),
        typeof(ImageRef), typeof(Link), typeof(Organisation), typeof(Contact), typeof(RegistrationWindow), typeof(EventReport),
        typeof(ScheduleStep), typeof(SupportMenu),
    ];
}
