namespace StartupHub.Site.Templates;

/// <summary>The three variables every layout gets (docs/content-model.md), plus the base URL filters need.</summary>
public sealed record TemplateModel(object Site, object Page, Dictionary<string, string> Assets, Uri BaseUrl, string PageUrl);
