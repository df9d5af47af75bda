using StartupHub.Site.Diagnostics;

namespace StartupHub.Cli.Reporting;

public enum OutputFormat
{
    /// <summary><c>path:line:col: error SHxxxx: message</c>, which editors and terminals link.</summary>
    Plain,

    /// <summary>GitHub Actions workflow commands, shown as annotations on the pull request's files.</summary>
    Github,
}

/// <summary>How diagnostics are printed, one line each.</summary>
public static class DiagnosticFormat
{
    public static string Line(Diagnostic diagnostic, OutputFormat format) => format switch
    {
        OutputFormat.Github =>
            $"::{(diagnostic.Severity == Severity.Error ? "error" : "warning")} file={Property(diagnostic.Location.Path)},line={diagnostic.Location.Line},col={diagnostic.Location.Column},title={Property(diagnostic.Code)}::{Data(diagnostic.Message)}",
        _ => diagnostic.ToString(),
    };

    /// <summary>The closing line: how many errors and warnings, in Japanese.</summary>
    public static string Summary(IReadOnlyList<Diagnostic> diagnostics, string action)
    {
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = diagnostics.Count - errors;
        return errors == 0
            ? $"{action}: エラーはありません（警告 {warnings} 件）。"
            : $"{action}: エラー {errors} 件、警告 {warnings} 件があります。上の各行の場所を直してください。";
    }

    // Escaping rules of GitHub's workflow commands: '%', CR and LF always; ':' and ',' in properties too.
    private static string Data(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string text) =>
        Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
