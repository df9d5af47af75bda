using StartupHub.Site.Build.Pages;
using StartupHub.Site.Views;

namespace StartupHub.Site.Build.Incremental;

/// <summary>
/// Whether two plans of the same page (before and after an edit) give the template the same <c>page</c> variable.
/// Views are new objects after every edit, so items compare by the file they show: what a template reads of
/// them is recorded per page (<see cref="PageReads"/>) and decided there. Every other member compares by
/// value, including members added to <see cref="PageView"/> later (the record's own equality).
/// </summary>
internal static class PlanComparer
{
    private static readonly IReadOnlyList<object> NoItems = [];
    private static readonly IReadOnlyList<Breadcrumb> NoCrumbs = [];

    public static bool Same(PagePlan before, PagePlan after) =>
        before.Origin == after.Origin
        && before.LastModified == after.LastModified
        && before.Item?.SourcePath == after.Item?.SourcePath
        && SameView(before.Page.Item, after.Page.Item)
        && before.Page.Items.Count == after.Page.Items.Count
        && before.Page.Items.Zip(after.Page.Items).All(pair => SameView(pair.First, pair.Second))
        && before.Page.Breadcrumbs.SequenceEqual(after.Page.Breadcrumbs)
        && Bare(before.Page) == Bare(after.Page);

    private static PageView Bare(PageView page) => page with { Item = null, Items = NoItems, Breadcrumbs = NoCrumbs };

    private static bool SameView(object? before, object? after) => (before, after) switch
    {
        (IContentView a, IContentView b) => a.GetType() == b.GetType() && a.ReadKey == b.ReadKey,
        _ => Equals(before, after),
    };
}
