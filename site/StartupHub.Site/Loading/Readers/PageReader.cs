using StartupHub.Site.Content;

namespace StartupHub.Site.Loading.Readers;

/// <summary>content/pages/**/*.md → <see cref="Page"/>; a page in a subfolder has the slug <c>folder/name</c>.</summary>
internal static class PageReader
{
    public static readonly string[] Keys = PublishingKeys.With("title", "description", "layout", "weight", "menu", "noindex", "form", "schedule");

    private static readonly string[] StepKeys = ["period", "title", "detail"];

    public static Page Read(Fields f, string slug, string sourcePath, string body) => new()
    {
        Slug = slug,
        SourcePath = sourcePath,
        Body = body,
        Publishing = f.Publishing(),
        Title = f.RequiredString("title"),
        Description = f.String("description"),
        Layout = f.String("layout") ?? "page",
        Weight = f.Int("weight") ?? 0,
        Menu = f.Bool("menu") ?? false,
        Noindex = f.Bool("noindex") ?? false,
        Form = f.String("form"),
        Schedule = [.. f.MappingList("schedule", StepKeys).Select(s => new ScheduleStep(s.RequiredString("period"), s.RequiredString("title"), s.String("detail")))],
    };
}
