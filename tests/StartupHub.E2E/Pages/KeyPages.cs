namespace StartupHub.E2E.Pages;

/// <summary>The pages a person checks by eye, named for their screenshot files; all exist in the repository's content.</summary>
public static class KeyPages
{
    public const string Home = "/";
    public const string Event = "/events/2025-10-chiba/";
    public const string Events = "/events/";
    public const string Company = "/companies/makuhari-ai-lab/";
    public const string Oip = "/oip/";
    public const string Videos = "/videos/";

    public static readonly IReadOnlyList<(string Name, string Path)> All =
        [("home", Home), ("event", Event), ("events", Events), ("company", Company), ("oip", Oip), ("videos", Videos)];
}
