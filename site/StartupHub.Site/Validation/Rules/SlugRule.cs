using System.Text.RegularExpressions;
using StartupHub.Site.Content;

namespace StartupHub.Site.Validation.Rules;

/// <summary>
/// File names become URLs: they must be lower-case ASCII with hyphens, unique ignoring case (Static Web Apps
/// and Windows editors do not tell Foo.md from foo.md), and pages must not shadow a list page like /events/.
/// </summary>
internal sealed partial class SlugRule : IContentRule
{
    private static readonly string[] ReservedPageSlugs =
        ["events", "people", "companies", "videos", "news", "supporters", "search", "assets", "images", "api", "pagefind", "forms"];

    public void Check(ValidationContext context)
    {
        var c = context.Content;
        IEnumerable<IReadOnlyList<ContentItem>> collections = [c.Events, c.People, c.Companies, c.Videos, c.News, c.Pages, c.Supporters, c.Forms];
        foreach (var items in collections)
        {
            var seen = new Dictionary<string, ContentItem>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in items)
            {
                if (!IsValid(item))
                    context.Error(new SourceLocation(item.SourcePath, 1, 1), Codes.InvalidSlug, Messages.InvalidSlug(item.Slug));
                if (seen.TryGetValue(item.Slug, out var first))
                    context.Error(new SourceLocation(item.SourcePath, 1, 1), Codes.DuplicateSlug, Messages.DuplicateSlug(item.Slug, first.SourcePath));
                else
                    seen.Add(item.Slug, item);
            }
        }

        foreach (var page in c.Pages.Where(IsReserved))
            context.Error(new SourceLocation(page.SourcePath, 1, 1), Codes.DuplicateSlug, Messages.ReservedSlug(page.Slug));
    }

    /// <summary>Pages may sit in subfolders (<c>forms/cancel</c>): every folder name follows the file-name rule.</summary>
    private static bool IsValid(ContentItem item) =>
        item is Page ? item.Slug.Split('/').All(SlugPattern().IsMatch) : SlugPattern().IsMatch(item.Slug);

    /// <summary>
    /// A page must not take a generated route: neither the reserved name itself nor, for a page in a subfolder,
    /// a folder under it — except <c>forms/</c>, which is where the form result and cancellation pages live.
    /// </summary>
    private static bool IsReserved(Page page)
    {
        var first = page.Slug.Split('/')[0];
        var nested = page.Slug.Contains('/', StringComparison.Ordinal);
        return ReservedPageSlugs.Contains(first, StringComparer.OrdinalIgnoreCase) && !(nested && first.Equals("forms", StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    internal static partial Regex SlugPattern();
}
