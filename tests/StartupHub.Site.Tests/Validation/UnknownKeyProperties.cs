using CsCheck;
using StartupHub.Site.Loading;
using StartupHub.Site.Tests.Support;
using StartupHub.Site.Validation;

namespace StartupHub.Site.Tests.Validation;

/// <summary>Random typos of real keys must always be caught, located at the key, and usually explained.</summary>
public class UnknownKeyProperties
{
    private static readonly string[] NewsKeys = ["title", "date", "summary", "tags", "draft", "publish_date", "expiry_date"];

    /// <summary>One random edit (swap, drop, double or replace a letter) of a news key that is not itself a key.</summary>
    private static readonly Gen<(string Key, string Typo)> Typos =
        from key in Gen.OneOf(NewsKeys)
        from edit in Gen.Int[0, 3]
        from position in Gen.Int[0, key.Length - 2]
        from letter in Gen.Char['a', 'z']
        let typo = edit switch
        {
            0 => key[..position] + key[position + 1] + key[position] + key[(position + 2)..],
            1 => key.Remove(position, 1),
            2 => key.Insert(position, key[position].ToString()),
            _ => key[..position] + letter + key[(position + 1)..],
        }
        where !NewsKeys.Contains(typo) && typo.Length > 0
        select (key, typo);

    [Fact]
    public void A_typo_of_a_known_key_is_an_unknown_key_at_the_key_with_a_suggestion()
    {
        using var site = new TempSite();
        var counter = 0;
        Typos.Sample(
            pair =>
            {
                // The typo sits on line 4 beside the real keys; only its own diagnostic may appear.
                var path = $"news/n{Interlocked.Increment(ref counter)}.md";
                var (_, diagnostics) = site.With(path, $"---\ntitle: t\ndate: 2025-09-01T10:00\n{pair.Typo}: x\n---\n").Load();
                site.With(path, null);
                File.Delete(Path.Combine(site.ContentDirectory, path));

                var d = diagnostics.Where(d => d.Location.Path == $"content/{path}").ToList();
                return d.Count == 1
                    && d[0].Code == Codes.UnknownKey
                    && d[0].Location.Line == 4 && d[0].Location.Column == 1
                    && d[0].Message.StartsWith($"不明なキー '{pair.Typo}'。'", StringComparison.Ordinal)
                    && d[0].Message.EndsWith("' の誤りではありませんか？", StringComparison.Ordinal);
            },
            iter: 60,
            threads: 1);
    }

    [Fact]
    public void Suggestions_prefer_the_key_one_edit_away()
    {
        Gen.OneOf(NewsKeys).SelectMany(k => Gen.Int[0, k.Length - 1], (k, i) => (k, i)).Sample(pair =>
        {
            var (key, i) = pair;
            var typo = key.Remove(i, 1);
            return NewsKeys.Contains(typo) || Suggestions.Distance(typo, Suggestions.Closest(typo, NewsKeys) ?? "") <= 1;
        });
    }

    [Fact]
    public void Kebab_case_round_trips_for_every_enum_value()
    {
        static void RoundTrip<T>()
            where T : struct, Enum
        {
            foreach (var value in Enum.GetValues<T>())
            {
                Assert.True(KebabCase.TryParse<T>(KebabCase.Of(value), out var back));
                Assert.Equal(value, back);
            }
        }

        RoundTrip<StartupHub.Site.Content.EventSeries>();
        RoundTrip<StartupHub.Site.Content.SessionKind>();
        RoundTrip<StartupHub.Site.Content.SupporterKind>();
        RoundTrip<StartupHub.Site.Content.FormKind>();
        RoundTrip<StartupHub.Site.Content.CompanyStatus>();
    }
}
