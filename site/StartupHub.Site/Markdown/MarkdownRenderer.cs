using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using StartupHub.Site.Content;
using StartupHub.Site.Diagnostics;

namespace StartupHub.Site.Markdown;

/// <summary>Where a Markdown text sits in its file, so faults are reported at the file's own line numbers.</summary>
public sealed record MarkdownSource(string Path, int FirstLine);

/// <summary>
/// Markdown to HTML with one Markdig pipeline built once (it is immutable and thread-safe, so the
/// parallel render phase shares it). Raw HTML is escaped, never passed through: content is edited in a
/// CMS by staff, and the site must not carry scripts or third-party embeds that bypass the theme.
/// </summary>
public sealed class MarkdownRenderer
{
    public const string UnpublishedVideoCode = "SH1001";

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        // GitHub style keeps non-ASCII letters, so 「## 開催概要」 gets id="開催概要" instead of "section".
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseTaskLists()
        .UseEmphasisExtras()
        .Use<VideoShortcodeExtension>()
        .DisableHtml()
        .Build();

    /// <summary>
    /// Renders <paramref name="markdown"/>. Images without alt text and unknown video slugs are reported by
    /// validation (Validation/Rules/MarkdownBodyRule); here only a video that exists but is not published
    /// (a draft, or not yet public) is reported, since validation cannot know what this build publishes.
    /// </summary>
    public string Render(string markdown, MarkdownSource source, VideoResolver videos, DiagnosticBag diagnostics)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        var document = Markdig.Markdown.Parse(markdown, _pipeline);
        foreach (var video in document.Descendants<VideoBlock>())
        {
            video.Embed = videos.Published(video.Slug);
            if (video.Embed is null && videos.Exists(video.Slug))
            {
                diagnostics.Warning(new SourceLocation(source.Path, source.FirstLine + video.Line, video.Column + 1), UnpublishedVideoCode,
                    $"動画「{video.Slug}」はこのビルドでは公開されていない（下書きまたは公開日前）ため、埋め込みを省略しました。");
            }
        }

        MarkHeaderCells(document);
        // A new renderer per body. Markdig's pooled renderer (document.ToHtml(pipeline)) would spare 40 MB per
        // 10,000-page build, but it resets only part of a renderer's state when one comes back, and a CI run with it
        // saw one page differ between two builds of the same content; until that is understood, no sharing.
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        renderer.Render(document);
        return writer.ToString();
    }

    /// <summary>
    /// A pipe table's header row is one row of column headers: <c>scope="col"</c> says so to screen readers
    /// (JIS X 8341-3 / WCAG 1.3.1), which otherwise have to guess which cells a header labels.
    /// </summary>
    private static void MarkHeaderCells(MarkdownDocument document)
    {
        foreach (var row in document.Descendants<TableRow>().Where(r => r.IsHeader))
        {
            foreach (var cell in row.OfType<TableCell>())
            {
                cell.GetAttributes().AddPropertyIfNotExist("scope", "col");
            }
        }
    }

    /// <summary>Renders a short text for a template (<c>markdownify</c>): no shortcodes resolve, nothing is reported.</summary>
    public string RenderFragment(string markdown) =>
        Render(markdown, new MarkdownSource("(template)", 1), VideoResolver.None, new DiagnosticBag());
}

/// <summary>How the renderer finds videos: the published ones to embed, and all of them to tell a draft from a typo.</summary>
public sealed record VideoResolver(Func<string, VideoEmbed?> Published, Func<string, bool> Exists)
{
    public static readonly VideoResolver None = new(_ => null, _ => false);
}
