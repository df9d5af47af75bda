using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace StartupHub.Theme.Tests.Support;

/// <summary>One HTML file of the output, parsed.</summary>
public sealed record HtmlPage(string RelativePath, string Html, IDocument Document)
{
    private static readonly HtmlParser Parser = new();

    public static HtmlPage Load(string outputDirectory, string file)
    {
        var html = File.ReadAllText(file);
        var relative = Path.GetRelativePath(outputDirectory, file).Replace('\\', '/');
        return new HtmlPage(relative, html, Parser.ParseDocument(html));
    }

    public override string ToString() => RelativePath;
}
