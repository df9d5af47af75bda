using System.Net;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace StartupHub.Site.Markdown;

/// <summary>What a <c>{{&lt; video slug &gt;}}</c> line needs to render its facade; resolved from the video items.</summary>
public sealed record VideoEmbed(string Slug, string Title, string EmbedUrl, string PageUrl);

/// <summary>A <c>{{&lt; video slug &gt;}}</c> line, resolved to a video after parsing.</summary>
public sealed class VideoBlock(BlockParser parser) : LeafBlock(parser)
{
    public string Slug { get; init; } = "";

    /// <summary>Set after parsing when the slug names a video; null renders nothing (a diagnostic says why).</summary>
    public VideoEmbed? Embed { get; set; }
}

/// <summary>Recognises a whole line <c>{{&lt; video slug &gt;}}</c> (Hugo's shortcode spelling).</summary>
public sealed partial class VideoBlockParser : BlockParser
{
    public VideoBlockParser() => OpeningCharacters = ['{'];

    [GeneratedRegex(@"^\{\{<\s*video\s+(?<slug>[^\s>]+)\s*>\}\}\s*$")]
    private static partial Regex Shortcode();

    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.IsCodeIndent)
        {
            return BlockState.None;
        }

        var match = Shortcode().Match(processor.Line.ToString());
        if (!match.Success)
        {
            return BlockState.None;
        }

        processor.NewBlocks.Push(new VideoBlock(this)
        {
            Slug = match.Groups["slug"].Value,
            Line = processor.LineIndex,
            Column = processor.Column,
            Span = new SourceSpan(processor.Start, processor.Line.End),
        });
        return BlockState.BreakDiscard;
    }
}

/// <summary>
/// Renders the click-to-load facade: no iframe and no third-party URL in src/href, so nothing is
/// requested from YouTube until the visitor presses the button (the theme's script swaps in the iframe).
/// </summary>
public sealed class VideoBlockRenderer : HtmlObjectRenderer<VideoBlock>
{
    public const string PlayLabel = "動画を再生（YouTubeが読み込まれます）";

    protected override void Write(HtmlRenderer renderer, VideoBlock block)
    {
        if (block.Embed is not { } video)
        {
            return;
        }

        var title = WebUtility.HtmlEncode(video.Title);
        renderer.EnsureLine();
        renderer.Write("<figure class=\"video-facade\">");
        renderer.Write($"<button type=\"button\" class=\"video-facade__button\" data-embed=\"{WebUtility.HtmlEncode(video.EmbedUrl + "?autoplay=1")}\" data-title=\"{title}\">");
        renderer.Write($"<span class=\"video-facade__title\">{title}</span>");
        renderer.Write($"<span class=\"video-facade__label\">{PlayLabel}</span>");
        renderer.Write("</button>");
        renderer.Write($"<figcaption><a href=\"{WebUtility.HtmlEncode(video.PageUrl)}\">{title}</a></figcaption>");
        renderer.WriteLine("</figure>");
    }
}

/// <summary>Adds the video shortcode to a Markdig pipeline.</summary>
public sealed class VideoShortcodeExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.BlockParsers.Contains<VideoBlockParser>())
        {
            // Before the paragraph parser, which would otherwise swallow the line as text.
            pipeline.BlockParsers.Insert(0, new VideoBlockParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<VideoBlockRenderer>())
        {
            html.ObjectRenderers.Insert(0, new VideoBlockRenderer());
        }
    }
}
