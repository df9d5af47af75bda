namespace StartupHub.Site.Outputs.Common;

/// <summary>Machine names the outputs need (docs/content-model.md); Japanese labels come from <c>Content.Labels</c>.</summary>
internal static class OutputLabels
{
    /// <summary>YAML spelling of an enum value: <c>SupportOrg</c> → <c>support-org</c>.</summary>
    public static string Kebab<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
