using StartupHub.Site.Content;
using StartupHub.Site.Validation;

namespace StartupHub.Site.Loading.Readers;

/// <summary>content/people/*.md → <see cref="Person"/>.</summary>
internal static class PersonReader
{
    public static readonly string[] Keys = PublishingKeys.With(
        "name", "kana", "roles", "title", "organisation", "photo", "links", "summary");

    public static Person Read(Fields f, string slug, string sourcePath, string body)
    {
        var roles = new List<PersonRole>();
        var allowed = KebabCase.Names<PersonRole>();
        var texts = f.StringList("roles");
        if (!f.Has("roles") || f.Node("roles") is YSequence { Items.Count: 0 })
            f.ReportMissing("roles");
        var items = f.Node("roles") is YSequence sequence ? sequence.Items : [];
        for (var i = 0; i < texts.Count && i < items.Count; i++)
        {
            if (KebabCase.TryParse<PersonRole>(texts[i], out var role))
                roles.Add(role);
            else
                f.Error(items[i].Start, Codes.InvalidEnum, Messages.InvalidEnum("roles", texts[i], Suggestions.Closest(texts[i], allowed), allowed));
        }

        return new Person
        {
            Slug = slug,
            SourcePath = sourcePath,
            Body = body,
            Publishing = f.Publishing(),
            Name = f.RequiredString("name"),
            Kana = f.RequiredString("kana"),
            Roles = roles,
            Title = f.String("title"),
            Organisation = f.String("organisation"),
            Photo = f.Image("photo"),
            Links = f.Links("links"),
            Summary = f.String("summary"),
        };
    }
}
