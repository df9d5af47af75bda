using System.Text.RegularExpressions;
using StartupHub.Site.Content;

namespace StartupHub.Site.Templates;

/// <summary>Thrown by the strict-variable hook; carries the name Fluid could not resolve.</summary>
public sealed class UndefinedTemplateValueException(string name)
    : InvalidOperationException($"Undefined variable '{name}'")
{
    public string Name { get; } = name;
}

/// <summary>
/// Turns Fluid's messages into locations. Parse errors end with <c>at (line:col)</c>; render errors carry
/// no position, so the offending name is looked up in the sources of the templates involved.
/// </summary>
internal static partial class TemplateErrors
{
    public const string ParseErrorCode = "SH1101";
    public const string UndefinedVariableCode = "SH1102";
    public const string UndefinedFilterCode = "SH1103";
    public const string MissingLayoutCode = "SH1104";
    public const string RenderErrorCode = "SH1105";

    [GeneratedRegex(@"\s*at \((?<line>\d+):(?<col>\d+)\)\s*$")]
    private static partial Regex Position();

    [GeneratedRegex(@"\{\{.*?\}\}|\{%.*?%\}", RegexOptions.Singleline)]
    private static partial Regex LiquidSpan();

    [GeneratedRegex(@"Undefined filter '(?<name>[^']+)'")]
    private static partial Regex UndefinedFilter();

    /// <summary>Splits Fluid's <c>Unknown tag 'assing' at (2:10)\nSource: …</c> into the message and its position.</summary>
    public static (string Message, int Line, int Column) ParseError(string error)
    {
        var firstLine = error.Split('\n')[0].TrimEnd();
        var match = Position().Match(firstLine);
        return match.Success
            ? (firstLine[..match.Index], int.Parse(match.Groups["line"].Value), int.Parse(match.Groups["col"].Value))
            : (firstLine, 1, 1);
    }

    public static string? UndefinedFilterName(string message) =>
        UndefinedFilter().Match(message) is { Success: true } m ? m.Groups["name"].Value : null;

    /// <summary>First place, inside <c>{{ }}</c> or <c>{% %}</c>, where <paramref name="name"/> is used as a variable or filter.</summary>
    public static SourceLocation? Locate(IEnumerable<ParsedTemplate> templates, string name, bool asFilter)
    {
        var pattern = new Regex(asFilter
            ? @"\|\s*" + Regex.Escape(name) + @"(?![\w-])"
            // Not inside quotes: 'map: "kind"' names a member as text and cannot be the undefined variable.
            : @"(?<![\w\-""'])" + Regex.Escape(name) + @"(?![\w\-""'])");
        foreach (var template in templates)
        {
            foreach (Match span in LiquidSpan().Matches(template.Source))
            {
                var hit = pattern.Match(span.Value);
                if (hit.Success)
                {
                    var offset = span.Index + hit.Index + (asFilter ? hit.Value.Length - name.Length : 0);
                    return At(template, offset);
                }
            }
        }

        return null;
    }

    private static SourceLocation At(ParsedTemplate template, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (template.Source[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new SourceLocation(template.DisplayPath, line, offset - lineStart + 1);
    }
}
