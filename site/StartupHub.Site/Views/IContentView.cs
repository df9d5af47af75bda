using StartupHub.Site.Build.Incremental;

namespace StartupHub.Site.Views;

/// <summary>
/// A view whose members show one content file's front matter. Templates read them through accessors that
/// record <see cref="ReadKey"/> for the page being rendered (Templates/TrackingAccessor.cs), so an edit of
/// that file re-renders exactly the pages that showed any of it.
/// </summary>
internal interface IContentView
{
    /// <summary><see cref="PageReads.Item"/> of the file the members come from (for a session: its event's file).</summary>
    string ReadKey { get; }
}
