using StartupHub.Site.Content;
using StartupHub.Site.Diagnostics;
using StartupHub.Site.Loading;
using StartupHub.Site.Validation.Rules;

namespace StartupHub.Site.Validation;

/// <summary>The validate phase: runs every rule over the loaded content and collects all faults.</summary>
public static class ContentValidator
{
    private static readonly IContentRule[] Rules =
    [
        new SiteSettingsRule(),
        new SlugRule(),
        new VenueRule(),
        new EventTimesRule(),
        new SessionRule(),
        new ReferenceRule(),
        new PeriodRule(),
        new VideoIdRule(),
        new ImageAltRule(),
        new MarkdownBodyRule(),
    ];

    /// <param name="faults">Values the load phase could not read; comparisons involving them are skipped.</param>
    /// <param name="settingsPath">Where site.yml is, relative to the root (for base_url faults).</param>
    public static void Validate(SiteContent content, DiagnosticBag diagnostics, LoadFaults? faults = null, string settingsPath = "content/site.yml")
    {
        var context = new ValidationContext(content, diagnostics, faults ?? LoadFaults.None, settingsPath);
        foreach (var rule in Rules)
            rule.Check(context);
    }
}
