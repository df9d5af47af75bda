using StartupHub.Site.Content;

namespace StartupHub.Site.Diagnostics;

public enum Severity
{
    Error,
    Warning,
}

/// <summary>
/// A content or template fault as data: where it is and what to fix, in Japanese.
/// Rendered as <c>content/events/x.md:7:10: error: message</c> so editors and CI can read it.
/// </summary>
public sealed record Diagnostic(SourceLocation Location, Severity Severity, string Code, string Message)
{
    public static Diagnostic Error(SourceLocation location, string code, string message) =>
        new(location, Severity.Error, code, message);

    public static Diagnostic Warning(SourceLocation location, string code, string message) =>
        new(location, Severity.Warning, code, message);

    public override string ToString() =>
        $"{Location}: {(Severity == Severity.Error ? "error" : "warning")} {Code}: {Message}";
}
