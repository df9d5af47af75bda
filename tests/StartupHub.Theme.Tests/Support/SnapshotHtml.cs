using System.Text.RegularExpressions;
using AngleSharp.Html;
using AngleSharp.Html.Parser;

namespace StartupHub.Theme.Tests.Support;

/// <summary>
/// HTML as compared in snapshots: pretty-printed, with what changes on every build for reasons that are
/// not the theme's (asset fingerprints) replaced by placeholders.
/// </summary>
internal static partial class SnapshotHtml
{
    [GeneratedRegex(@"(/assets/[^""'\s]+?)\.[0-9a-fA-F]{6,}\.(css|js|svg|png|jpg|webp|woff2?)")]
    private static partial Regex Fingerprint();

    public static string Normalise(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        using var writer = new StringWriter();
        document.ToHtml(writer, new PrettyMarkupFormatter { Indentation = "  ", NewLine = "\n" });
        return Fingerprint().Replace(writer.ToString(), "$1.{hash}.$2").Trim() + "\n";
    }
}
