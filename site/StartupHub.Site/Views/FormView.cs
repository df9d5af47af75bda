using StartupHub.Site.Content;
using StartupHub.Site.Loading;

namespace StartupHub.Site.Views;

/// <summary>A public form: its period, whether it accepts entries now, and its purpose-of-use notice (<c>content</c>).</summary>
public sealed class FormView(Form form, ViewIndex index) : IContentView
{
    string IContentView.ReadKey { get; } = Build.Incremental.PageReads.Item(form.SourcePath);

    internal Form Item => form;

    public string Slug => form.Slug;

    public string Title => form.Title;

    public string Kind => KebabCase.Of(form.Kind);

    public string KindLabel => Labels.Of(form.Kind);

    public DateTimeOffset? Opens => form.Opens;

    public DateTimeOffset? Closes => form.Closes;

    public string PurposeVersion => form.PurposeVersion;

    /// <summary>Open when site.yml says forms are open and the clock is inside the optional period.</summary>
    public bool IsOpen => index.FormsOpen
        && (form.Opens is null || index.Now >= form.Opens)
        && (form.Closes is null || index.Now < form.Closes);

    public string StateLabel => IsOpen ? "受付中" : form.Opens is { } opens && index.Now < opens && index.FormsOpen ? "受付前" : "受付終了";

    public string Content => index.Html(form);
}
