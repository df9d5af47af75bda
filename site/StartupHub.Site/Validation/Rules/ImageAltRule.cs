using StartupHub.Site.Content;

namespace StartupHub.Site.Validation.Rules;

/// <summary>JIS X 8341-3 (1.1.1): every front matter image needs alternative text.</summary>
internal sealed class ImageAltRule : IContentRule
{
    public void Check(ValidationContext context)
    {
        var c = context.Content;
        foreach (var e in c.Events)
            Check(context, e, "image", e.Image);
        foreach (var p in c.People)
            Check(context, p, "photo", p.Photo);
        foreach (var company in c.Companies)
            Check(context, company, "logo", company.Logo);
    }

    private static void Check(ValidationContext context, ContentItem item, string key, ImageRef? image)
    {
        if (image is not null && string.IsNullOrWhiteSpace(image.Alt))
        {
            var at = context.Map.Value(item.SourcePath, $"{key}.alt") ?? context.Map.LocateKey(item, key);
            context.Error(at, Codes.ImageWithoutAlt, Messages.ImageWithoutAlt(key));
        }
    }
}
