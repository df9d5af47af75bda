using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using StartupHub.Site.Content;

namespace StartupHub.Site.Validation.Rules;

/// <summary>
/// Checks Markdown bodies: images need alt text (<c>![説明](src)</c>), and <c>{{&lt; video slug &gt;}}</c>
/// must name an existing video. Positions are file lines (the body's offset after the front matter added).
/// </summary>
internal sealed partial class MarkdownBodyRule : IContentRule
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    public void Check(ValidationContext context)
    {
        var c = context.Content;
        IEnumerable<ContentItem> all = [.. c.Events, .. c.People, .. c.Companies, .. c.Videos, .. c.News, .. c.Pages, .. c.Supporters, .. c.Forms];
        var videos = c.Videos.Select(v => v.Slug).ToHashSet(StringComparer.Ordinal);
        foreach (var item in all.Where(i => i.Body.Length > 0))
        {
            var firstLine = context.Map.BodyFirstLine(item.SourcePath);
            // Every Markdown image, inline or by reference, starts with "![" and every shortcode with "{{<": a body
            // without them (most of them) needs neither a Markdown parse nor a line split. Ten thousand 1 KB bodies
            // took about a fifth of a second to parse here, on one core, before the render parses them again.
            if (item.Body.Contains("![", StringComparison.Ordinal))
                CheckImages(context, item, firstLine);
            if (item.Body.Contains("{{<", StringComparison.Ordinal))
                CheckVideoShortcodes(context, item, firstLine, videos);
        }
    }

    private static void CheckImages(ValidationContext context, ContentItem item, int firstLine)
    {
        var document = Markdig.Markdown.Parse(item.Body, Pipeline);
        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage))
        {
            var alt = string.Concat(image.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
            if (alt.Trim().Length == 0)
            {
                // Computed from the character offset: Markdig's inline Line is not reliable across blank lines.
                var offset = Math.Clamp(image.Span.Start, 0, item.Body.Length);
                var before = item.Body.AsSpan(0, offset);
                var line = before.Count('\n');
                var column = offset - (before.LastIndexOf('\n') + 1) + 1;
                var at = new SourceLocation(item.SourcePath, firstLine + line, column);
                context.Error(at, Codes.MarkdownImageWithoutAlt, Messages.MarkdownImageWithoutAlt(image.Url ?? ""));
            }
        }
    }

    private static void CheckVideoShortcodes(ValidationContext context, ContentItem item, int firstLine, HashSet<string> videos)
    {
        var lines = item.Body.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var match = VideoShortcode().Match(lines[i]);
            if (!match.Success || videos.Contains(match.Groups[1].Value) || context.Faults.IsUnreadable("videos", match.Groups[1].Value))
                continue;
            var slug = match.Groups[1].Value;
            var at = new SourceLocation(item.SourcePath, firstLine + i, match.Groups[1].Index + 1);
            var folder = Path.GetDirectoryName(context.SettingsPath)?.Replace('\\', '/') ?? "content";
            context.Error(at, Codes.MissingVideo, Messages.MissingReference("動画", slug, $"{folder}/videos/{slug}.yml", Suggestions.Closest(slug, videos)));
        }
    }

    [GeneratedRegex(@"^\s*\{\{<\s*video\s+([^\s>]+)\s*>\}\}\s*$")]
    private static partial Regex VideoShortcode();
}
