using CsCheck;
using StartupHub.Site.Outputs.Feed;

namespace StartupHub.Outputs.Tests.Feed;

public sealed class NewestFirstTests
{
    private static readonly DateTimeOffset Start = new(2025, 4, 1, 0, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public void Picks_exactly_what_sorting_everything_by_date_then_key_would_pick()
    {
        // Few distinct dates and keys, so ties on the date, on the key and on both occur; offsets vary, as dates
        // compare as instants.
        var item = Gen.Select(Gen.Int[0, 40], Gen.Int[0, 60], Gen.Int[-3, 9], (day, key, offset) =>
            (Date: Start.AddHours(day * 7).ToOffset(TimeSpan.FromHours(offset)), Key: $"news/{key:D2}"));
        Gen.Select(item.Array[0, 400], Gen.Int[0, 80]).Sample((items, count) =>
        {
            var expected = items.Select((x, i) => (x.Date, x.Key, Index: i))
                .OrderByDescending(x => x.Date)
                .ThenBy(x => x.Key, StringComparer.Ordinal)
                .Take(count)
                .Select(x => x.Index)
                .ToList();
            var indexed = items.Select((x, i) => (x.Date, x.Key, Index: i)).ToList();
            var actual = NewestFirst.Take(indexed, x => x.Date, x => x.Key, count).Select(x => x.Index).ToList();
            Assert.Equal(expected, actual);
        }, iter: 500);
    }

    [Fact]
    public void Keys_only_the_items_that_can_be_among_the_newest()
    {
        var items = Enumerable.Range(0, 10_000).Select(i => Start.AddMinutes(i)).ToList();
        var keyed = 0;

        var newest = NewestFirst.Take(items, d => d, d => { keyed++; return d.ToString("O", System.Globalization.CultureInfo.InvariantCulture); }, 50);

        Assert.Equal(items[^1], newest[0]);
        Assert.Equal(items[^50], newest[^1]);
        Assert.Equal(50, keyed);
    }
}
