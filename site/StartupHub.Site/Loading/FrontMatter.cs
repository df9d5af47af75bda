namespace StartupHub.Site.Loading;

/// <summary>A Markdown file split into its YAML front matter and its body, with the file lines where each starts.</summary>
internal sealed record FrontMatter(string Yaml, int YamlFirstLine, string Body, int BodyFirstLine)
{
    /// <summary>
    /// Splits <c>---\nyaml\n---\nbody</c>. Returns null when the file does not open with <c>---</c> or the
    /// closing <c>---</c> is missing; <paramref name="faultLine"/> then says where to look.
    /// </summary>
    public static FrontMatter? Split(string text, out int faultLine)
    {
        faultLine = 1;
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
            return null;

        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() is "---" or "...")
            {
                var yaml = string.Join('\n', lines[1..i]);
                var body = string.Join('\n', lines[(i + 1)..]);
                return new FrontMatter(yaml, 2, body, i + 2);
            }
        }

        faultLine = lines.Length;
        return null;
    }
}
