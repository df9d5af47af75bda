using StartupHub.Site.Content;
using StartupHub.Site.Loading;

namespace StartupHub.Site.Views;

/// <summary>One 参加枠 of an event, with its speakers and pitching companies resolved.</summary>
/// <param name="readKey">The event's <see cref="IContentView.ReadKey"/>: a session is part of its event's file.</param>
public sealed class SessionView(Session session, ViewIndex index, string readKey) : IContentView
{
    string IContentView.ReadKey => readKey;

    public string Id => session.Id;

    public string Kind => KebabCase.Of(session.Kind);

    public string KindLabel => Labels.Of(session.Kind);

    public string Title => session.Title;

    public DateTimeOffset Start => session.Start;

    public DateTimeOffset End => session.End;

    public int Capacity => session.Capacity;

    public bool LightMeal => session.LightMeal;

    public bool Registration => session.Registration;

    public IReadOnlyList<string> Speakers => session.Speakers;

    public IReadOnlyList<string> Companies => session.Companies;

    public string? Description => session.Description;

    public IReadOnlyList<PersonView> SpeakerItems => index.PeopleBySlug(session.Speakers);

    public IReadOnlyList<CompanyView> CompanyItems => index.CompaniesBySlug(session.Companies);
}
