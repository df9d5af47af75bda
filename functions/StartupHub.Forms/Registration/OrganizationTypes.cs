namespace StartupHub.Forms.Registration;

/// <summary>The organisation types the form offers; the wire value is the slug, the label is what people see.</summary>
public static class OrganizationTypes
{
    public static readonly IReadOnlyList<(string Slug, string Label)> All =
    [
        ("startup", "スタートアップ"),
        ("aspiring", "起業予定"),
        ("large-company", "大企業"),
        ("vc", "ベンチャーキャピタル"),
        ("financial-institution", "金融機関"),
        ("support-organization", "支援機関"),
        ("university", "大学・研究機関"),
        ("municipality", "自治体"),
        ("other", "その他"),
    ];

    public static bool IsKnown(string slug) => All.Any(t => string.Equals(t.Slug, slug, StringComparison.Ordinal));

    /// <summary>People planning to start a company, and "other", may not have an organisation to name.</summary>
    public static bool RequiresOrganization(string slug) => slug is not ("aspiring" or "other");
}
