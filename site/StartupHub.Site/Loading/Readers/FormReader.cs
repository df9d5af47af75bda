using StartupHub.Site.Content;

namespace StartupHub.Site.Loading.Readers;

/// <summary>content/forms/*.md → <see cref="Form"/>; the body is the purpose-of-use notice.</summary>
internal static class FormReader
{
    public static readonly string[] Keys = PublishingKeys.With("title", "kind", "opens", "closes", "purpose_version");

    public static Form Read(Fields f, string slug, string sourcePath, string body) => new()
    {
        Slug = slug,
        SourcePath = sourcePath,
        Body = body,
        Publishing = f.Publishing(),
        Title = f.RequiredString("title"),
        Kind = f.RequiredEnum<FormKind>("kind"),
        Opens = f.DateTime("opens"),
        Closes = f.DateTime("closes"),
        // YAML writes 2025-08-01 unquoted; it is a version label, so keep the text as written.
        PurposeVersion = f.RequiredString("purpose_version"),
    };
}
