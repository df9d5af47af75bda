using StartupHub.Site.Content;
using StartupHub.Site.Diagnostics;
using StartupHub.Site.Loading.Readers;
using StartupHub.Site.Validation;

namespace StartupHub.Site.Loading;

/// <summary>
/// The load phase: reads every file under content/ into typed records (with a source map of positions),
/// then runs the validation rules. Every fault lands in the bag; nothing stops at the first one.
/// </summary>
public static class ContentReader
{
    /// <summary>
    /// Loads and validates <paramref name="contentDirectory"/>. Source paths are relative to
    /// <paramref name="rootDirectory"/> with forward slashes. Returns null only when site.yml is missing or not YAML.
    /// </summary>
    public static SiteContent? Read(string contentDirectory, string rootDirectory, DiagnosticBag diagnostics) =>
        Read(contentDirectory, rootDirectory, diagnostics, out _);

    /// <param name="frontMatters">Each Markdown file's front matter text by source path (for the dev server's body-only rebuilds).</param>
    internal static SiteContent? Read(string contentDirectory, string rootDirectory, DiagnosticBag diagnostics, out IReadOnlyDictionary<string, string> frontMatters)
    {
        var files = new ContentFiles(contentDirectory, rootDirectory, diagnostics);
        frontMatters = files.FrontMatters;

        var settings = files.ReadYamlMapping("site.yml", required: true) is { } site
            ? SiteSettingsReader.Read(files.Fields(site, SiteSettingsReader.Keys))
            : null;
        if (settings is null)
            return null;

        var content = new SiteContent
        {
            Settings = settings,
            Venues = ReadVenues(files),
            Events = files.ReadCollection("events", ".md", EventReader.Keys, EventReader.Read),
            People = files.ReadCollection("people", ".md", PersonReader.Keys, PersonReader.Read),
            Companies = files.ReadCollection("companies", ".md", CompanyReader.Keys, CompanyReader.Read),
            Videos = files.ReadCollection("videos", ".yml", VideoReader.Keys, VideoReader.Read),
            News = files.ReadCollection("news", ".md", NewsReader.Keys, NewsReader.Read),
            Pages = files.ReadCollection("pages", ".md", PageReader.Keys, PageReader.Read, nested: true),
            Supporters = files.ReadCollection("supporters", ".md", SupporterReader.Keys, SupporterReader.Read),
            Forms = files.ReadCollection("forms", ".md", FormReader.Keys, FormReader.Read),
            SourceMap = files.SourceMap,
        };

        ContentValidator.Validate(content, diagnostics, files.Faults, files.RelativePath("site.yml"));
        return content;
    }

    private static IReadOnlyList<Venue> ReadVenues(ContentFiles files)
    {
        var node = files.ReadYaml("venues.yml", required: false, out var path);
        switch (node)
        {
            case null or YScalar { IsNull: true }:
                return [];
            case YSequence sequence:
                var venues = new List<Venue>();
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    if (sequence.Items[i] is YMapping mapping)
                        venues.Add(VenueReader.Read(new Fields(mapping, path, KeyPaths.Item("", i), VenueReader.Keys, files.Diagnostics, files.Faults)));
                    else
                        files.Diagnostics.Error(new SourceLocation(path, sequence.Items[i].Start.Line, sequence.Items[i].Start.Column), Codes.WrongType, Messages.ExpectedMapping("venues"));
                }

                return venues;
            default:
                files.Diagnostics.Error(new SourceLocation(path, node.Start.Line, node.Start.Column), Codes.WrongType, Messages.ExpectedList("venues"));
                return [];
        }
    }
}
