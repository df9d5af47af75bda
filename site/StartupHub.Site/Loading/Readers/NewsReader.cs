using StartupHub.Site.Content;

namespace StartupHub.Site.Loading.Readers;

/// <summary>content/news/*.md → <see cref="NewsItem"/>.</summary>
internal static class NewsReader
{
    public static readonly string[] Keys = PublishingKeys.With("title", "date", "summary", "tags");

    public static NewsItem Read(Fields f, string slug, string sourcePath, string body) => new()
    {
        Slug = slug,
        SourcePath = sourcePath,
        Body = body,
        Publishing = f.Publishing(),
        Title = f.RequiredString("title"),
        Date = f.RequiredDateTime("date"),
        Summary = f.String("summary"),
        Tags = f.StringList("tags"),
    };
}
