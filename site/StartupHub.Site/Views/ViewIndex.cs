using System.Globalization;
using StartupHub.Site.Content;

namespace StartupHub.Site.Views;

/// <summary>
/// Every view of one build, built once from the published content, with slug lookups. Views hold the
/// index rather than each other, so back-references (person → events → sessions → people) are lookups,
/// not cycles, and templates may walk them in any direction.
/// </summary>
public sealed class ViewIndex
{
    private static readonly StringComparer JapaneseOrder = StringComparer.Create(CultureInfo.GetCultureInfo("ja-JP"), ignoreCase: false);

    private readonly IReadOnlyDictionary<string, string> _html;
    private readonly Dictionary<string, EventView> _events;
    private readonly Dictionary<string, PersonView> _people;
    private readonly Dictionary<string, CompanyView> _companies;
    private readonly Dictionary<string, VideoView> _videos;
    private readonly Dictionary<string, VenueView> _venues;
    private readonly Dictionary<string, FormView> _forms;

    /// <param name="html">Rendered Markdown bodies by <see cref="ContentItem.SourcePath"/>.</param>
    public ViewIndex(SiteContent published, IReadOnlyDictionary<string, string> html, DateTimeOffset now)
    {
        _html = html;
        Now = now;
        FormsOpen = published.Settings.Forms == FormsMode.Open;

        Events = [.. published.Events.OrderBy(e => e.Start).ThenBy(e => e.Slug, StringComparer.Ordinal).Select(e => new EventView(e, this))];
        People = [.. published.People.OrderBy(p => p.Kana, JapaneseOrder).ThenBy(p => p.Slug, StringComparer.Ordinal).Select(p => new PersonView(p, this))];
        Companies = [.. published.Companies.OrderBy(c => c.Name, JapaneseOrder).Select(c => new CompanyView(c, this))];
        Videos = [.. published.Videos.OrderByDescending(v => v.Date).ThenBy(v => v.Slug, StringComparer.Ordinal).Select(v => new VideoView(v, this))];
        News = [.. published.News.OrderByDescending(n => n.Date).ThenBy(n => n.Slug, StringComparer.Ordinal).Select(n => new NewsView(n, this))];
        Pages = [.. published.Pages.OrderBy(p => p.Weight).ThenBy(p => p.Title, JapaneseOrder).Select(p => new ContentPageView(p, this))];
        Supporters = [.. published.Supporters.OrderBy(s => s.Name, JapaneseOrder).Select(s => new SupporterView(s, this))];
        Venues = [.. published.Venues.Select(v => new VenueView(v))];
        Forms = [.. published.Forms.OrderBy(f => f.Title, JapaneseOrder).Select(f => new FormView(f, this))];

        _events = Events.ToDictionary(e => e.Slug, StringComparer.Ordinal);
        _people = People.ToDictionary(p => p.Slug, StringComparer.Ordinal);
        _companies = Companies.ToDictionary(c => c.Slug, StringComparer.Ordinal);
        _videos = Videos.ToDictionary(v => v.Slug, StringComparer.Ordinal);
        _forms = Forms.ToDictionary(f => f.Slug, StringComparer.Ordinal);
        _venues = new Dictionary<string, VenueView>(StringComparer.Ordinal);
        foreach (var venue in Venues)
        {
            _venues.TryAdd(venue.Id, venue);
        }

        _eventsByPerson = Group(Events, e => e.Item.Sessions.SelectMany(s => s.Speakers));
        _eventsByCompany = Group(Events, e => e.Item.Sessions.SelectMany(s => s.Companies));
        _videosByPerson = Group(Videos, v => v.Item.Speakers);
    }

    private readonly ILookup<string, EventView> _eventsByPerson;
    private readonly ILookup<string, EventView> _eventsByCompany;
    private readonly ILookup<string, VideoView> _videosByPerson;

    public DateTimeOffset Now { get; }

    public bool FormsOpen { get; }

    public IReadOnlyList<EventView> Events { get; }

    public IReadOnlyList<PersonView> People { get; }

    public IReadOnlyList<CompanyView> Companies { get; }

    public IReadOnlyList<VideoView> Videos { get; }

    public IReadOnlyList<NewsView> News { get; }

    public IReadOnlyList<ContentPageView> Pages { get; }

    public IReadOnlyList<SupporterView> Supporters { get; }

    public IReadOnlyList<VenueView> Venues { get; }

    public IReadOnlyList<FormView> Forms { get; }

    public EventView? Event(string slug) => _events.GetValueOrDefault(slug);

    public VenueView? Venue(string id) => _venues.GetValueOrDefault(id);

    public FormView? Form(string slug) => _forms.GetValueOrDefault(slug);

    public VideoView? Video(string slug) => _videos.GetValueOrDefault(slug);

    /// <summary>Unpublished or unknown slugs are left out (validation reports unknown ones).</summary>
    public IReadOnlyList<PersonView> PeopleBySlug(IEnumerable<string> slugs) => Resolve(slugs, _people);

    public IReadOnlyList<CompanyView> CompaniesBySlug(IEnumerable<string> slugs) => Resolve(slugs, _companies);

    public IReadOnlyList<VideoView> VideosBySlug(IEnumerable<string> slugs) => Resolve(slugs, _videos);

    public IReadOnlyList<EventView> EventsWithPerson(string slug) => [.. _eventsByPerson[slug]];

    public IReadOnlyList<EventView> EventsWithCompany(string slug) => [.. _eventsByCompany[slug]];

    public IReadOnlyList<VideoView> VideosWithPerson(string slug) => [.. _videosByPerson[slug]];

    public string Html(ContentItem item) => _html.GetValueOrDefault(item.SourcePath, "");

    private static List<T> Resolve<T>(IEnumerable<string> slugs, Dictionary<string, T> bySlug) =>
        [.. slugs.Select(s => bySlug.GetValueOrDefault(s)).OfType<T>()];

    private static ILookup<string, T> Group<T>(IEnumerable<T> items, Func<T, IEnumerable<string>> keys) =>
        items.SelectMany(i => keys(i).Distinct(StringComparer.Ordinal).Select(k => (Key: k, Item: i)))
            .ToLookup(p => p.Key, p => p.Item, StringComparer.Ordinal);
}
