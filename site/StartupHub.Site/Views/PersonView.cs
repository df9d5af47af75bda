using StartupHub.Site.Content;
using StartupHub.Site.Loading;

namespace StartupHub.Site.Views;

/// <summary>A speaker, mentor or accelerator, with the events and videos they appear in (looked up lazily: no cycles).</summary>
public sealed class PersonView(Person person, ViewIndex index) : IContentView
{
    string IContentView.ReadKey { get; } = Build.Incremental.PageReads.Item(person.SourcePath);

    internal Person Item => person;

    public string Slug => person.Slug;

    public string Url => $"/people/{person.Slug}/";

    public string Name => person.Name;

    public string Kana => person.Kana;

    public IReadOnlyList<string> Roles => [.. person.Roles.Select(r => KebabCase.Of(r))];

    public IReadOnlyList<string> RoleLabels => Labels.Of(person.Roles);

    public string? Title => person.Title;

    public string? Organisation => person.Organisation;

    public ImageRef? Photo => person.Photo;

    public IReadOnlyList<Link> Links => person.Links;

    public string? Summary => person.Summary;

    public string Content => index.Html(person);

    public IReadOnlyList<EventView> Events => index.EventsWithPerson(person.Slug);

    public IReadOnlyList<VideoView> Videos => index.VideosWithPerson(person.Slug);
}
