using System.Globalization;
using StartupHub.Site.Build.Incremental;
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
    /// <param name="sameNews">
    /// The last index, when a rebuild's news items are the very records that index was made from (no news file was
    /// edited but for its body): its news views are kept, and with them the news pages' plans (PagePlanner.ReuseNews).
    /// A news view reads only its own item and its body, which it looks up by path in the same body dictionary.
    /// </param>
    public ViewIndex(SiteContent published, IReadOnlyDictionary<string, string> html, DateTimeOffset now, ViewIndex? sameNews = null)
    {
        _html = html;
        Now = now;
        FormsOpen = published.Settings.Forms == FormsMode.Open;

        Events = [.. published.Events.OrderBy(e => e.Start).ThenBy(e => e.Slug, StringComparer.Ordinal).Select(e => new EventView(e, this))];
        People = [.. published.People.OrderBy(p => p.Kana, JapaneseOrder).ThenBy(p => p.Slug, StringComparer.Ordinal).Select(p => new PersonView(p, this))];
        Companies = [.. published.Companies.OrderBy(c => c.Name, JapaneseOrder).Select(c => new CompanyView(c, this))];
        Videos = [.. published.Videos.OrderByDescending(v => v.Date).ThenBy(v => v.Slug, StringComparer.Ordinal).Select(v => new VideoView(v, this))];
        News = sameNews?.News ?? [.. published.News.OrderByDescending(n => n.Date).ThenBy(n => n.Slug, StringComparer.Ordinal).Select(n => new NewsView(n, this))];
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

    // Which events or videos name a person or company, and their order, depend on the whole collection.
    public IReadOnlyList<EventView> EventsWithPerson(string slug) => Listed(ListKeys.Events, (IReadOnlyList<EventView>)[.. _eventsByPerson[slug]]);

    public IReadOnlyList<EventView> EventsWithCompany(string slug) => Listed(ListKeys.Events, (IReadOnlyList<EventView>)[.. _eventsByCompany[slug]]);

    public IReadOnlyList<VideoView> VideosWithPerson(string slug) => Listed(ListKeys.Videos, (IReadOnlyList<VideoView>)[.. _videosByPerson[slug]]);

    public string Html(ContentItem item) => _html.GetValueOrDefault(item.SourcePath, "");

    /// <summary>The <see cref="PageReads.List"/> keys of the collections, one string each (recorded on every page).</summary>
    internal static class ListKeys
    {
        public static readonly string Events = PageReads.List("events");
        public static readonly string People = PageReads.List("people");
        public static readonly string Companies = PageReads.List("companies");
        public static readonly string Videos = PageReads.List("videos");
        public static readonly string News = PageReads.List("news");
        public static readonly string Pages = PageReads.List("pages");
        public static readonly string Supporters = PageReads.List("supporters");
        public static readonly string Forms = PageReads.List("forms");
    }

    /// <summary>Records that the page being rendered depends on a collection's membership and order.</summary>
    internal static T Listed<T>(string key, T value)
    {
        PageReads.Record(key);
        return value;
    }

    /// <summary>
    /// The collections whose membership, order or cross-references (speakers and companies of events' sessions,
    /// speakers of videos: what the <c>...With...</c> lookups group by) differ between two indexes. Pages that
    /// enumerated such a collection must render again; the others saw the same items in the same order.
    /// </summary>
    internal static IEnumerable<string> ChangedLists(ViewIndex before, ViewIndex after)
    {
        if (!Same(before.Events, after.Events, e => e.Item.Sessions.SelectMany(s => s.Speakers.Append("|").Concat(s.Companies).Append(";"))))
            yield return ListKeys.Events;
        if (!Same(before.People, after.People, _ => []))
            yield return ListKeys.People;
        if (!Same(before.Companies, after.Companies, _ => []))
            yield return ListKeys.Companies;
        if (!Same(before.Videos, after.Videos, v => v.Item.Speakers))
            yield return ListKeys.Videos;
        if (!Same(before.News, after.News, _ => []))
            yield return ListKeys.News;
        if (!Same(before.Pages, after.Pages, _ => []))
            yield return ListKeys.Pages;
        if (!Same(before.Supporters, after.Supporters, _ => []))
            yield return ListKeys.Supporters;
        if (!Same(before.Forms, after.Forms, _ => []))
            yield return ListKeys.Forms;
    }

    private static bool Same<T>(IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, IEnumerable<string>> references)
        where T : IContentView
    {
        if (before.Count != after.Count)
            return false;
        for (var i = 0; i < before.Count; i++)
        {
            if (!ReferenceEquals(before[i].ReadKey, after[i].ReadKey) && before[i].ReadKey != after[i].ReadKey)
                return false;
            if (!references(before[i]).SequenceEqual(references(after[i]), StringComparer.Ordinal))
                return false;
        }

        return true;
    }

    private static List<T> Resolve<T>(IEnumerable<string> slugs, Dictionary<string, T> bySlug) =>
        [.. slugs.Select(s => bySlug.GetValueOrDefault(s)).OfType<T>()];

    private static ILookup<string, T> Group<T>(IEnumerable<T> items, Func<T, IEnumerable<string>> keys) =>
        items.SelectMany(i => keys(i).Distinct(StringComparer.Ordinal).Select(k => (Key: k, Item: i)))
            .ToLookup(p => p.Key, p => p.Item, StringComparer.Ordinal);
}
