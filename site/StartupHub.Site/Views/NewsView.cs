using StartupHub.Site.Content;

namespace StartupHub.Site.Views;

/// <summary>A news item (お知らせ).</summary>
public sealed class NewsView(NewsItem news, ViewIndex index) : IContentView
{
    string IContentView.ReadKey { get; } = Build.Incremental.PageReads.Item(news.SourcePath);

    internal NewsItem Item => news;

    public string Slug => news.Slug;

    public string Url => $"/news/{news.Slug}/";

    public string Title => news.Title;

    public DateTimeOffset Date => news.Date;

    public string? Summary => news.Summary;

    public IReadOnlyList<string> Tags => news.Tags;

    public string Content => index.Html(news);
}
