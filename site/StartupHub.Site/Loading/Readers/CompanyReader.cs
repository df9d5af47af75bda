using StartupHub.Site.Content;

namespace StartupHub.Site.Loading.Readers;

/// <summary>content/companies/*.md → <see cref="Company"/>.</summary>
internal static class CompanyReader
{
    public static readonly string[] Keys = PublishingKeys.With(
        "name", "summary", "industry", "location", "cohort", "status", "logo", "website", "seeds", "seeking");

    public static Company Read(Fields f, string slug, string sourcePath, string body) => new()
    {
        Slug = slug,
        SourcePath = sourcePath,
        Body = body,
        Publishing = f.Publishing(),
        Name = f.RequiredString("name"),
        Summary = f.RequiredString("summary"),
        Industry = f.RequiredString("industry"),
        Location = f.RequiredString("location"),
        Cohort = f.RequiredInt("cohort"),
        Status = f.Enum<CompanyStatus>("status") ?? CompanyStatus.Selected,
        Logo = f.Image("logo"),
        Website = f.String("website"),
        Seeds = f.StringList("seeds"),
        Seeking = f.StringList("seeking"),
    };
}
