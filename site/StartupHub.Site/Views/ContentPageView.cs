using StartupHub.Site.Content;

namespace StartupHub.Site.Views;

/// <summary>A page from content/pages (about, the OIP call, policies), at <c>/{slug}/</c>.</summary>
public sealed class ContentPageView(Page page, ViewIndex index) : IContentView
{
    string IContentView.ReadKey { get; } = Build.Incremental.PageReads.Item(page.SourcePath);

    internal Page Item => page;

    public string Slug => page.Slug;

    public string Url => $"/{page.Slug}/";

    public string Title => page.Title;

    public string? Description => page.Description;

    public string Layout => page.Layout;

    public int Weight => page.Weight;

    public bool Menu => page.Menu;

    public bool Noindex => page.Noindex;

    public string? Form => page.Form;

    /// <summary>The form this page shows the status and period of (e.g. the OIP application).</summary>
    public FormView? FormItem => page.Form is { } slug ? index.Form(slug) : null;

    public IReadOnlyList<ScheduleStep> Schedule => page.Schedule;

    public string Content => index.Html(page);
}
