using StartupHub.E2E.Support;

namespace StartupHub.E2E.Flows;

/// <summary>
/// The served site for the visitor and staff flows: the repository's content plus a test-only event with one
/// seat per session (so the second person is waitlisted) and the OIP call's window stretched to include the
/// fixed "now" (the real call closed in August). The sample content itself is never changed.
/// </summary>
public sealed class FlowSite : IAsyncLifetime
{
    public const string TinyEvent = "e2e-tiny-event";

    public FlowSite()
        : this(null)
    {
    }

    internal FlowSite(IReadOnlyDictionary<string, object>? forms) => Site = new ServedSite(Prepare, forms);

    public ServedSite Site { get; }

    public Task InitializeAsync() => Site.InitializeAsync();

    public Task DisposeAsync() => Site.DisposeAsync();

    internal static void Prepare(string root)
    {
        File.WriteAllText(Path.Combine(root, "content", "events", TinyEvent + ".md"), """
            ---
            title: E2E 少人数イベント
            series: regular
            city: chiba
            venue: perie-hall
            start: 2025-11-20T18:00
            end: 2025-11-20T20:00
            summary: ブラウザーテスト用の、各枠の定員が1名のイベントです。
            registration:
              opens: 2025-09-01T10:00
              closes: 2025-11-19T17:00
            sessions:
              - id: talk
                kind: seminar
                title: 少人数セミナー
                start: "18:00"
                end: "19:00"
                capacity: 1
              - id: networking
                kind: networking
                title: 少人数交流会
                start: "19:00"
                end: "20:00"
                capacity: 1
            ---
            テスト用のイベントです。
            """);
        var oip = Path.Combine(root, "content", "forms", "oip-application.md");
        File.WriteAllText(oip, File.ReadAllText(oip).Replace("closes: 2025-08-31T17:00", "closes: 2025-12-31T17:00", StringComparison.Ordinal));
    }
}

[CollectionDefinition(Name)]
public sealed class FlowSiteCollection : ICollectionFixture<FlowSite>
{
    public const string Name = "flow site";
}
