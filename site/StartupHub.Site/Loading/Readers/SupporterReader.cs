using StartupHub.Site.Content;

namespace StartupHub.Site.Loading.Readers;

/// <summary>content/supporters/*.md → <see cref="Supporter"/>.</summary>
internal static class SupporterReader
{
    public static readonly string[] Keys = PublishingKeys.With("name", "kind", "area", "url", "menus");

    private static readonly string[] MenuKeys = ["title", "target", "description", "url"];

    public static Supporter Read(Fields f, string slug, string sourcePath, string body) => new()
    {
        Slug = slug,
        SourcePath = sourcePath,
        Body = body,
        Publishing = f.Publishing(),
        Name = f.RequiredString("name"),
        Kind = f.RequiredEnum<SupporterKind>("kind"),
        Area = f.String("area"),
        Url = f.String("url"),
        Menus = [.. f.MappingList("menus", MenuKeys).Select(m => new SupportMenu(m.RequiredString("title"), m.String("target"), m.String("description"), m.String("url")))],
    };
}
