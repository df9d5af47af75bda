using StartupHub.Site.Content;
using StartupHub.Site.Diagnostics;
using StartupHub.Site.Loading;

namespace StartupHub.Site.Validation;

/// <summary>What every rule needs: the content, where its values came from, and where to report.</summary>
internal sealed class ValidationContext(SiteContent content, DiagnosticBag diagnostics, LoadFaults faults, string settingsPath)
{
    public SiteContent Content { get; } = content;

    public SourceMap Map => Content.SourceMap;

    public LoadFaults Faults { get; } = faults;

    public string SettingsPath { get; } = settingsPath;

    /// <summary>True when the value was written and could be read (a rule comparing it would not be noise).</summary>
    public bool Usable(string path, string keyPath) =>
        Map.Value(path, keyPath) is not null && !Faults.IsFaulted(path, keyPath);

    public bool Usable(ContentItem item, params string[] keyPaths) => keyPaths.All(k => Usable(item.SourcePath, k));

    /// <summary>Reports at the value of <paramref name="keyPath"/> (or its nearest written parent).</summary>
    public void Error(string path, string keyPath, string code, string message) =>
        diagnostics.Error(Map.Locate(path, keyPath), code, message);

    public void Error(ContentItem item, string keyPath, string code, string message) =>
        Error(item.SourcePath, keyPath, code, message);

    /// <summary>Reports at the key itself (for faults about the entry rather than its value).</summary>
    public void ErrorAtKey(string path, string keyPath, string code, string message) =>
        diagnostics.Error(Map.LocateKey(path, keyPath), code, message);

    public void Error(SourceLocation location, string code, string message) => diagnostics.Error(location, code, message);
}
