using StartupHub.Site.Content;
using StartupHub.Site.Diagnostics;
using StartupHub.Site.Validation;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace StartupHub.Site.Loading;

/// <summary>Turns YAML text into a <see cref="YNode"/> tree, reporting syntax errors with their position.</summary>
internal static class YamlTreeReader
{
    /// <summary>
    /// Parses the first document of <paramref name="yaml"/>. <paramref name="firstLine"/> is the file line
    /// where the YAML text starts (2 for front matter after the opening <c>---</c>).
    /// Returns null (and reports) when the text is not valid YAML; an empty document is an empty mapping.
    /// </summary>
    public static YNode? Parse(string yaml, string path, int firstLine, DiagnosticBag diagnostics) =>
        FlatYaml.TryParse(yaml, firstLine) ?? ParseWithYamlDotNet(yaml, path, firstLine, diagnostics);

    /// <summary>The full YAML reader, for any text (<see cref="FlatYaml"/> declines all but the simplest).</summary>
    internal static YNode? ParseWithYamlDotNet(string yaml, string path, int firstLine, DiagnosticBag diagnostics)
    {
        var builder = new Builder(path, firstLine - 1, diagnostics);
        try
        {
            var parser = new Parser(new StringReader(yaml));
            parser.Consume<StreamStart>();
            if (!parser.TryConsume<DocumentStart>(out _))
                return new YMapping(new TextPosition(firstLine, 1), []);
            if (parser.Accept<DocumentEnd>(out _))
                return new YMapping(new TextPosition(firstLine, 1), []);
            return builder.ReadNode(parser);
        }
        catch (YamlException ex)
        {
            var at = new SourceLocation(path, (int)ex.Start.Line + firstLine - 1, (int)ex.Start.Column);
            diagnostics.Error(at, Codes.YamlSyntax, Messages.YamlSyntax(ex.Message));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner sometimes fails this way (e.g. an unclosed "[" before the end of the
            // front matter) without a position; point after the last value it could read.
            var last = builder.Last;
            diagnostics.Error(new SourceLocation(path, last.Line, last.Column), Codes.YamlSyntax, Messages.YamlSyntaxAfter());
            return null;
        }
    }

    private sealed class Builder(string path, int lineOffset, DiagnosticBag diagnostics)
    {
        private readonly Dictionary<string, YNode> _anchors = new(StringComparer.Ordinal);

        /// <summary>Where the last successfully read event started (for faults the parser cannot place).</summary>
        public TextPosition Last { get; private set; } = new(lineOffset + 1, 1);

        private TextPosition At(Mark mark)
        {
            Last = new((int)mark.Line + lineOffset, (int)mark.Column);
            return Last;
        }

        public YNode ReadNode(IParser parser)
        {
            if (parser.TryConsume<AnchorAlias>(out var alias))
            {
                if (_anchors.TryGetValue(alias.Value.Value, out var target))
                    return target;
                throw new YamlException(alias.Start, alias.End, $"Anchor '{alias.Value}' not found");
            }

            if (parser.TryConsume<Scalar>(out var scalar))
                return Remember(scalar.Anchor, new YScalar(At(scalar.Start), scalar.Value, scalar.Style == ScalarStyle.Plain));

            if (parser.TryConsume<SequenceStart>(out var sequenceStart))
            {
                var items = new List<YNode>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                    items.Add(ReadNode(parser));
                return Remember(sequenceStart.Anchor, new YSequence(At(sequenceStart.Start), items));
            }

            var mappingStart = parser.Consume<MappingStart>();
            var entries = new List<YEntry>();
            var seen = new Dictionary<string, YScalar>(StringComparer.Ordinal);
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyNode = ReadNode(parser);
                var value = ReadNode(parser);
                if (keyNode is not YScalar key)
                {
                    Report(keyNode.Start, Codes.WrongType, Messages.KeyNotScalar());
                    continue;
                }

                if (seen.TryGetValue(key.Value, out var first))
                {
                    Report(key.Start, Codes.DuplicateKey, Messages.DuplicateKey(key.Value, first.Start.Line));
                    continue;
                }

                seen.Add(key.Value, key);
                entries.Add(new YEntry(key, value));
            }

            return Remember(mappingStart.Anchor, new YMapping(At(mappingStart.Start), entries));
        }

        private YNode Remember(AnchorName anchor, YNode node)
        {
            if (!anchor.IsEmpty)
                _anchors[anchor.Value] = node;
            return node;
        }

        private void Report(TextPosition at, string code, string message) =>
            diagnostics.Error(new SourceLocation(path, at.Line, at.Column), code, message);
    }
}
