using CsCheck;
using StartupHub.Site.Build.Incremental;

namespace StartupHub.Build.Tests.Incremental;

/// <summary>The readers index kept between rebuilds must always say what testing every page's reads would say.</summary>
public sealed class ReadersIndexTests
{
    private static readonly string[] Keys = ["item:a", "item:b", "item:c", "list:events", "list:news", "content/x.md", "*"];

    [Fact]
    public void After_any_sequence_of_replaced_reads_the_index_lists_exactly_the_pages_reading_each_key()
    {
        var keySet = Gen.Int[0, Keys.Length - 1].Array[0, 5].Select(indexes => indexes.Select(i => Keys[i]).ToHashSet(StringComparer.Ordinal));
        var gen = Gen.Select(keySet.Array[1, 8], Gen.Select(Gen.Int[0, 7], keySet).Array[0, 12], (pages, edits) => (pages, edits));
        gen.Sample(t =>
        {
            var reads = t.pages;
            var index = new ReadersIndex(reads.Length);
            Check(index.Update(reads), reads);
            foreach (var (page, keys) in t.edits)
            {
                reads[page % reads.Length] = keys; // a page rendered again gets a new set
                Check(index.Update(reads), reads);
            }
        });
    }

    [Fact]
    public void An_index_refuses_reads_for_another_number_of_pages()
    {
        var index = new ReadersIndex(2);
        var error = Assert.Throws<ArgumentException>(() => index.Update([new HashSet<string>()]));
        Assert.Contains("2 ページの索引に 1 ページ", error.Message, StringComparison.Ordinal);
    }

    private static void Check(IReadOnlyDictionary<string, List<int>> index, HashSet<string>[] reads)
    {
        foreach (var key in Keys)
        {
            var expected = Enumerable.Range(0, reads.Length).Where(p => reads[p].Contains(key));
            var actual = index.TryGetValue(key, out var pages) ? pages : [];
            Assert.Equal(expected, actual.Order());
            Assert.Equal(actual.Count, actual.Distinct().Count());
        }
    }
}
