using StartupHub.Forms.Audit;
using Xunit.Abstractions;

namespace StartupHub.Forms.Tests.Audit;

/// <summary>
/// 1,000 seeded random tamperings of a real log (flip a byte anywhere, delete, reorder, truncate, edit a
/// field with or without re-computing hashes, duplicate) must each be reported, at or before the entry
/// that was touched.
/// </summary>
public sealed class AuditTamperTests(ITestOutputHelper output)
{
    private const int Mutations = 1000;

    private enum Kind { FlipByte, Delete, Reorder, Truncate, EditField, EditFieldRehashOne, EditFieldRechain, Duplicate }

    [Fact]
    public async Task Every_one_of_1000_random_mutations_is_detected_at_or_before_the_touched_entry()
    {
        MemoryFormStore original = await BuildLogAsync();
        AuditVerification clean = await AuditTestLog.VerifyAsync(original);
        Assert.True(clean.Valid, clean.FirstProblem?.ToString());
        Dictionary<string, byte[]> pristine = original.Snapshot();

        Random random = new(20251001);
        int detected = 0;
        Dictionary<Kind, int> perKind = [];
        Dictionary<string, int> perReason = [];
        for (int n = 0; n < Mutations; n++)
        {
            Kind kind = (Kind)random.Next(Enum.GetValues<Kind>().Length);
            Dictionary<string, byte[]> copy = pristine.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
            (long touched, string description) = Mutate(kind, copy, random);
            AuditVerification result = await AuditTestLog.VerifyAsync(new MemoryFormStore(copy));

            Assert.False(result.Valid, $"mutation {n} ({description}) was not detected");
            Assert.True(result.FirstProblem!.Sequence <= touched,
                $"mutation {n} ({description}) reported at {result.FirstProblem}, after the touched entry {touched}");
            detected++;
            perKind[kind] = perKind.GetValueOrDefault(kind) + 1;
            perReason[result.FirstProblem.Reason] = perReason.GetValueOrDefault(result.FirstProblem.Reason) + 1;
        }

        output.WriteLine($"detected {detected}/{Mutations}; kinds: {string.Join(", ", perKind.OrderBy(k => k.Key).Select(k => $"{k.Key}={k.Value}"))}");
        output.WriteLine($"reasons: {string.Join(", ", perReason.OrderBy(k => k.Key).Select(k => $"{k.Key}={k.Value}"))}");
        Assert.Equal(Mutations, detected);
        Assert.Equal(Enum.GetValues<Kind>().Length, perKind.Count);
    }

    [Fact]
    public async Task A_re_computed_chain_is_caught_by_the_signed_checkpoint_and_reported_from_the_last_good_one()
    {
        Dictionary<string, byte[]> store = (await BuildLogAsync()).Snapshot();
        List<List<AuditEntry>> segments = Decode(store);
        List<AuditEntry> all = segments.SelectMany(s => s).ToList();
        // Entry 25 sits between checkpoints 20 and 30.
        int index = all.FindIndex(e => e.Sequence == 25);
        all[index] = all[index] with { Action = "view" };
        Rechain(all, index);
        Encode(store, segments, all);

        AuditVerification result = await AuditTestLog.VerifyAsync(new MemoryFormStore(store));
        Assert.Equal(AuditProblemReasons.CheckpointMismatch, result.FirstProblem?.Reason);
        Assert.Equal(21, result.FirstProblem!.Sequence);
    }

    [Fact]
    public async Task Cutting_the_tail_after_the_last_checkpoint_is_seen_through_the_head()
    {
        Dictionary<string, byte[]> store = (await BuildLogAsync()).Snapshot();
        List<List<AuditEntry>> segments = Decode(store);
        List<AuditEntry> all = segments.SelectMany(s => s).ToList();
        long last = all[^1].Sequence;
        Assert.NotEqual(0, last % 10); // the tail is past the last checkpoint
        all.RemoveAt(all.Count - 1);
        Encode(store, segments, all);

        AuditVerification result = await AuditTestLog.VerifyAsync(new MemoryFormStore(store));
        Assert.Equal(AuditProblemReasons.Truncated, result.FirstProblem?.Reason);
        Assert.Equal(last, result.FirstProblem!.Sequence);
    }

    private static async Task<MemoryFormStore> BuildLogAsync()
    {
        MemoryFormStore store = new();
        HashChainedAuditLog log = AuditTestLog.Create(store, checkpointEvery: 10);
        Random random = new(7);
        int i = 0;
        while (i < 63)
        {
            int burst = Math.Min(63 - i, random.Next(1, 6));
            await Task.WhenAll(Enumerable.Range(i, burst).Select(k => log.AppendAsync(AuditTestLog.Event(k), CancellationToken.None)));
            i += burst;
        }

        return store;
    }

    /// <summary>Applies one mutation; returns the first entry sequence it touched (long.MaxValue when only a
    /// checkpoint or the head was touched).</summary>
    private static (long Touched, string Description) Mutate(Kind kind, Dictionary<string, byte[]> store, Random random)
    {
        if (kind == Kind.FlipByte)
        {
            string key = store.Keys.Order(StringComparer.Ordinal).ElementAt(random.Next(store.Count));
            byte[] content = store[key];
            int at = random.Next(content.Length);
            long touched = AuditKeys.NumberOf(key, AuditKeys.SegmentPrefix) is long segment ? EntryAtByte(store, segment, at) : long.MaxValue;
            content[at] ^= (byte)random.Next(1, 256);
            return (touched, $"flip byte {at} of {key}");
        }

        List<List<AuditEntry>> segments = Decode(store);
        List<AuditEntry> all = segments.SelectMany(s => s).ToList();
        int i = random.Next(all.Count);
        switch (kind)
        {
            case Kind.Delete:
                all.RemoveAt(i);
                Encode(store, segments, all, removedAt: i);
                return (i + 1, $"delete entry {i + 1}");
            case Kind.Reorder:
                int j = random.Next(all.Count - 1);
                j = j >= i ? j + 1 : j;
                (all[i], all[j]) = (all[j], all[i]);
                Encode(store, segments, all);
                return (Math.Min(i, j) + 1, $"swap entries {i + 1} and {j + 1}");
            case Kind.Truncate:
                int keep = random.Next(all.Count);
                all.RemoveRange(keep, all.Count - keep);
                Encode(store, segments, all);
                return (keep + 1, $"truncate after {keep}");
            case Kind.Duplicate:
                int to = random.Next(i + 1, all.Count + 1);
                all.Insert(to, all[i]);
                Encode(store, segments, all, insertedAt: to);
                return (to + 1, $"duplicate entry {i + 1} at {to + 1}");
            default:
                all[i] = Edit(all[i], random);
                if (kind == Kind.EditFieldRehashOne)
                {
                    all[i] = all[i] with { Hash = all[i].ComputeHash() };
                }
                else if (kind == Kind.EditFieldRechain)
                {
                    Rechain(all, i);
                }

                Encode(store, segments, all);
                return (i + 1, $"{kind} entry {i + 1}");
        }
    }

    private static AuditEntry Edit(AuditEntry entry, Random random) => random.Next(6) switch
    {
        0 => entry with { Action = entry.Action == "view" ? "export" : "view" },
        1 => entry with { Form = entry.Form + "x" },
        2 => entry with { Subject = entry.Subject is null ? "s" : null },
        3 => entry with { Actor = "staff:intruder" },
        4 => entry with { At = entry.At.AddSeconds(random.Next(1, 3600)) },
        _ => entry with { Details = new Dictionary<string, string>(entry.Details) { ["status"] = "tampered" } },
    };

    private static void Rechain(List<AuditEntry> all, int from)
    {
        for (int k = from; k < all.Count; k++)
        {
            AuditEntry linked = all[k] with { PreviousHash = k == 0 ? AuditEntry.GenesisHash : all[k - 1].Hash };
            all[k] = linked with { Hash = linked.ComputeHash() };
        }
    }

    private static List<List<AuditEntry>> Decode(Dictionary<string, byte[]> store, string? skip = null) =>
        store.Where(p => p.Key.StartsWith(AuditKeys.SegmentPrefix, StringComparison.Ordinal) && p.Key != skip)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => AuditEncoding.ReadSegment(p.Value).Entries)
            .ToList();

    /// <summary>Writes the entries back with the original segment boundaries (a removal shrinks, an insertion
    /// grows the segment it happened in; a segment left empty disappears, leaving a gap in the numbers).</summary>
    private static void Encode(Dictionary<string, byte[]> store, List<List<AuditEntry>> segments, List<AuditEntry> all, int? removedAt = null, int? insertedAt = null)
    {
        List<int> sizes = segments.Select(s => s.Count).ToList();
        int start = 0;
        for (int s = 0; s < sizes.Count; s++)
        {
            if (removedAt is int r && r >= start && r < start + sizes[s])
            {
                sizes[s]--;
                removedAt = null;
            }
            else if (insertedAt is int ins && ins > start && ins <= start + sizes[s])
            {
                start += sizes[s];
                sizes[s]++;
                insertedAt = null;
                continue;
            }

            start += sizes[s];
        }

        int at = 0;
        for (int s = 0; s < sizes.Count; s++)
        {
            List<AuditEntry> part = all.Skip(at).Take(sizes[s]).ToList();
            at += part.Count;
            if (part.Count == 0)
            {
                store.Remove(AuditKeys.Segment(s));
            }
            else
            {
                store[AuditKeys.Segment(s)] = AuditEncoding.SegmentBytes(s, part);
            }
        }
    }

    /// <summary>The sequence of the entry whose bytes hold offset <paramref name="at"/> of an intact segment
    /// (the segment's opening counts as its first entry, its closing as its last).</summary>
    private static long EntryAtByte(Dictionary<string, byte[]> store, long segment, int at)
    {
        List<AuditEntry> entries = AuditEncoding.ReadSegment(store[AuditKeys.Segment(segment)]).Entries;
        int offset = System.Text.Encoding.UTF8.GetByteCount($"{{\"segment\":{segment},\"entries\":[");
        foreach (AuditEntry entry in entries)
        {
            offset += AuditEncoding.EntryBytes(entry, includeHash: true).Length + 1;
            if (at < offset)
            {
                return entry.Sequence;
            }
        }

        return entries[^1].Sequence;
    }
}
