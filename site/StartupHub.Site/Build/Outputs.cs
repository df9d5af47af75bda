using System.Text;
using StartupHub.Site.Content;

namespace StartupHub.Site.Build;

/// <summary>Options of one build, from the command line.</summary>
public sealed record BuildOptions
{
    public required string RootDirectory { get; init; }
    public required string OutputDirectory { get; init; }
    public string ContentDirectory => Path.Combine(RootDirectory, "content");
    public string ThemeName { get; init; } = "default";

    /// <summary>Overrides site.yml base_url (e.g. a preview environment's address).</summary>
    public Uri? BaseUrl { get; init; }

    public bool IncludeDrafts { get; init; }

    /// <summary>A preview build marks every page noindex and disallows crawling.</summary>
    public bool Preview { get; init; }

    /// <summary>The clock used for scheduled publishing and event states; injectable for tests.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Run Pagefind over the output (needs node_modules); tests of other outputs may turn it off.</summary>
    public bool SearchIndex { get; init; } = true;
}

/// <summary>
/// A page after the render phase: its final HTML and what outputs need to know about it. The HTML is kept as the
/// UTF-8 bytes that are written, half the size of a string (ten thousand pages held as strings were a third of
/// the build's peak memory), and only until they are written (<see cref="PageHtml"/>).
/// </summary>
public sealed record RenderedPage(
    string Url,
    string OutputPath,
    string Title,
    string Kind,
    PageHtml Content,
    ContentItem? Item,
    DateTimeOffset? LastModified,
    bool Indexable)
{
    public RenderedPage(string url, string outputPath, string title, string kind, byte[] utf8Html, ContentItem? item, DateTimeOffset? lastModified, bool indexable)
        : this(url, outputPath, title, kind, new PageHtml(utf8Html), item, lastModified, indexable)
    {
    }

    public RenderedPage(string url, string outputPath, string title, string kind, string html, ContentItem? item, DateTimeOffset? lastModified, bool indexable)
        : this(url, outputPath, title, kind, Encoding.UTF8.GetBytes(html), item, lastModified, indexable)
    {
    }

    /// <summary>The UTF-8 HTML, from memory or, once written by the staging writer, from its file.</summary>
    public byte[] Utf8Html => Content.Bytes;

    /// <summary>The HTML as text, decoded on every read (tests, error reports); the build itself works on the bytes.</summary>
    public string Html => Encoding.UTF8.GetString(Utf8Html);
}

/// <summary>One file to write, relative to the output folder, with forward slashes.</summary>
public sealed record OutputFile(string Path, byte[] Content);

public sealed record OutputContext(SiteContent Content, BuildOptions Options, IReadOnlyList<RenderedPage> Pages, DateTimeOffset Now)
{
    /// <summary>The effective base URL: the command line override, else site.yml.</summary>
    public Uri BaseUrl => Options.BaseUrl ?? Content.Settings.BaseUrl;

    /// <summary>Each item's page last-modified time, built once for the generators that need it (feed, calendars).</summary>
    internal StartupHub.Site.Outputs.Common.PageDates PageDates => field ??= new(Pages);
}

/// <summary>One non-page output (sitemap, feed, calendar, manifest...). Each is one small class.</summary>
public interface IOutputGenerator
{
    string Name { get; }

    IEnumerable<OutputFile> Generate(OutputContext context);
}
