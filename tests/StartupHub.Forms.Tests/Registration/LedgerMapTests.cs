using System.Text.Json;
using CsCheck;
using StartupHub.Forms.Registration;

namespace StartupHub.Forms.Tests.Registration;

/// <summary>
/// <see cref="LedgerMap{TValue}"/> replaced plain dictionaries in the ledger so that each write's copy is cheap.
/// It must behave like a dictionary that is copied in full: random sets, removals and copies are applied both to
/// maps and to a model of plain dictionaries (each map with its own model), and after every step every map must
/// hold exactly what its model holds, and survive JSON as the snapshot stores it. Without removals (the
/// registrations are never removed) the order is the order of first addition, as a dictionary's is.
/// </summary>
public sealed class LedgerMapTests
{
    private sealed record Step(int Kind, int Key, int Map, int Value);

    // Few keys so that sets, overrides, removals and re-adds of the same key are frequent; kind 0 copies a map.
    private static readonly Gen<Step> StepGen = Gen.Select(Gen.Int[0, 9], Gen.Int[0, 60], Gen.Int[0, 7], Gen.Int[0, 1000], (k, key, m, v) => new Step(k, key, m, v));

    [Fact]
    public void Copies_behave_like_independent_dictionaries_under_random_changes()
    {
        StepGen.Array[1, 400].Sample(steps =>
        {
            List<LedgerMap<string>> maps = [new()];
            List<Dictionary<string, string>> models = [new(StringComparer.Ordinal)];
            // Keys in order of first addition, for maps that never saw a removal (a dictionary reuses a removed
            // key's slot, so neither it nor the map promises an order after removals).
            List<List<string>?> orders = [[]];
            foreach (Step step in steps)
            {
                int i = step.Map % maps.Count;
                string key = "k" + step.Key;
                switch (step.Kind)
                {
                    case 0:
                        maps.Add(maps[i].Copy());
                        models.Add(new Dictionary<string, string>(models[i], StringComparer.Ordinal));
                        orders.Add(orders[i] is { } order ? [.. order] : null);
                        break;
                    case 1 or 2:
                        bool removed = models[i].Remove(key);
                        Assert.Equal(removed, maps[i].Remove(key));
                        orders[i] = removed ? null : orders[i];
                        break;
                    default:
                        if (!models[i].ContainsKey(key))
                        {
                            orders[i]?.Add(key);
                        }

                        models[i][key] = "v" + step.Value;
                        maps[i][key] = "v" + step.Value;
                        break;
                }

                for (int m = 0; m < maps.Count; m++)
                {
                    Assert.Equal(models[m].Count, maps[m].Count);
                    Assert.Equal(models[m].OrderBy(p => p.Key, StringComparer.Ordinal), maps[m].OrderBy(p => p.Key, StringComparer.Ordinal));
                    if (orders[m] is { } order)
                    {
                        Assert.Equal(order, maps[m].Keys);
                    }
                    Assert.Equal(models[m].ContainsKey(key), maps[m].ContainsKey(key));
                }
            }
        }, iter: 300);
    }

    /// <summary>A map large enough that copies fold their overlay into a new base, many times over.</summary>
    [Fact]
    public void A_long_chain_of_copies_keeps_every_version_intact()
    {
        LedgerMap<string> current = new();
        List<(LedgerMap<string> Map, int Count, string Last)> versions = [];
        for (int batch = 0; batch < 300; batch++)
        {
            current = current.Copy();
            for (int j = 0; j < 25; j++)
            {
                current[$"r{batch:D3}-{j:D2}"] = $"v{batch}";
            }

            current[$"r{batch / 2:D3}-00"] = $"changed in {batch}";
            versions.Add((current, current.Count, $"r{batch:D3}-24"));
        }

        for (int v = 0; v < versions.Count; v++)
        {
            (LedgerMap<string> map, int count, string last) = versions[v];
            Assert.Equal(count, map.Count);
            Assert.Equal((v + 1) * 25, map.Count);
            Assert.Equal(last, map.Keys.Last());
            Assert.Equal($"changed in {v}", map[$"r{v / 2:D3}-00"]);
            Assert.False(map.ContainsKey($"r{v + 1:D3}-00"));
        }
    }

    [Fact]
    public void Round_trips_through_json_as_a_plain_object_with_its_order()
    {
        LedgerMap<string> map = new();
        map["b"] = "1";
        map["a"] = "2";
        LedgerMap<string> copy = map.Copy();
        copy["c"] = "3";
        copy["b"] = "changed";
        copy.Remove("a");

        string json = JsonSerializer.Serialize(copy, FormsJson.Options);
        LedgerMap<string> back = JsonSerializer.Deserialize<LedgerMap<string>>(json, FormsJson.Options)!;

        Assert.Equal("""{"b":"changed","c":"3"}""", json);
        Assert.Equal(copy, back);
        Assert.Equal(["b", "a"], map.Keys);
        Assert.Equal("1", map["b"]);
    }

    [Fact]
    public void Adding_an_existing_key_or_reading_a_missing_one_fails_like_a_dictionary()
    {
        LedgerMap<string> map = new() { ["a"] = "1" };
        LedgerMap<string> copy = map.Copy();

        Assert.Throws<ArgumentException>(() => copy.Add("a", "2"));
        Assert.Throws<KeyNotFoundException>(() => copy["missing"]);
        Assert.False(copy.Remove("missing"));
    }
}
