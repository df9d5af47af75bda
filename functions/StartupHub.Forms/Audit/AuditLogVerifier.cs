using System.Text.Json;
using StartupHub.Forms.Storage;

namespace StartupHub.Forms.Audit;

/// <summary>A verification's answer: <see cref="FirstProblem"/> is null when the whole log checks out.</summary>
public sealed record AuditVerification(
    long Entries,
    int Segments,
    int Checkpoints,
    AuditHead? Head,
    string LastHash,
    bool Signed,
    AuditProblem? FirstProblem)
{
    public bool Valid => FirstProblem is null;
}

/// <param name="Sequence">The first entry that cannot be trusted. For a chain that was re-computed after an
/// edit, only a range is known (from the last checkpoint that still agrees up to the one that does not);
/// this is its start, and <paramref name="Detail"/> names the range.</param>
/// <param name="Reason">One of <see cref="AuditProblemReasons"/>.</param>
public sealed record AuditProblem(long Sequence, string Reason, string Detail);

public static class AuditProblemReasons
{
    public const string HashMismatch = "hash-mismatch";
    public const string BrokenLink = "broken-link";
    public const string Gap = "gap";
    public const string Reorder = "reorder";
    public const string Duplicate = "duplicate";
    public const string Unreadable = "unreadable";
    public const string AlteredEncoding = "altered-encoding";
    public const string Truncated = "truncated";
    public const string CheckpointMismatch = "checkpoint-mismatch";
    public const string BadCheckpoint = "bad-checkpoint";
    public const string BadHead = "bad-head";
    public const string HeadMissing = "head-missing";
}

/// <summary>
/// Walks the segments, the checkpoints and the head and reports the first entry that cannot be trusted.
/// Segment by segment it checks that every entry's hash matches its content, that its sequence number is
/// the next one and its "previous hash" is the hash before it, and that the stored bytes are exactly the
/// canonical encoding. Checkpoints and the head must carry a valid signature (when the secret is at hand)
/// and agree with the chain; one that names an entry beyond the end shows that the tail was cut off.
/// </summary>
public sealed class AuditLogVerifier(IFormStore store, AuditSigner? signer)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        List<AuditProblem> problems = [];
        List<Read> entries = [];
        int segments = 0;
        AuditProblem? structural = null;
        long expectedSegment = 0;
        await foreach (string key in store.ListAsync(AuditKeys.SegmentPrefix, cancellationToken))
        {
            segments++;
            long position = entries.Count + 1;
            if (AuditKeys.NumberOf(key, AuditKeys.SegmentPrefix) is not long number)
            {
                structural = new AuditProblem(position, AuditProblemReasons.Unreadable, $"unexpected object {key}");
                break;
            }

            if (number != expectedSegment)
            {
                structural = new AuditProblem(position, AuditProblemReasons.Gap, $"segment {expectedSegment} is missing (next is {number})");
                break;
            }

            expectedSegment++;
            StoredObject? stored = await store.ReadAsync(key, cancellationToken);
            if (stored is null || ReadSegment(stored.Content) is not { } segment)
            {
                structural = new AuditProblem(position, AuditProblemReasons.Unreadable, $"segment {number} does not parse");
                break;
            }

            if (segment.Number != number)
            {
                structural = new AuditProblem(position, AuditProblemReasons.Reorder, $"segment object {number} holds segment {segment.Number}");
                break;
            }

            entries.AddRange(segment.Entries.Select(e => e with { Segment = number }));
            if (segment.Entries.Count == 0 || !AuditEncoding.SegmentBytes(number, segment.Entries.Select(e => e.Entry).ToList()).AsSpan().SequenceEqual(stored.Content.Span))
            {
                // Reported at the segment's first entry unless an entry check below finds something earlier or there.
                structural = new AuditProblem(position, AuditProblemReasons.AlteredEncoding, $"segment {number} is not in canonical form");
                break;
            }
        }

        (long verified, string lastHash, Dictionary<long, (string Hash, long Segment)> hashes, AuditProblem? chain) = WalkChain(entries);
        if (chain is not null)
        {
            problems.Add(chain);
        }
        else if (structural is not null)
        {
            problems.Add(structural);
        }

        bool tailKnown = chain is null && structural is null;
        (int checkpoints, List<long> goodCheckpoints) = await CheckCheckpointsAsync(verified, tailKnown, hashes, problems, cancellationToken);
        AuditHead? head = await CheckHeadAsync(verified, tailKnown, hashes, goodCheckpoints, problems, cancellationToken);

        AuditProblem? first = problems.OrderBy(p => p.Sequence).FirstOrDefault();
        return new AuditVerification(verified, segments, checkpoints, head, lastHash, signer is not null, first);
    }

    private static (long Verified, string LastHash, Dictionary<long, (string, long)> Hashes, AuditProblem? Problem) WalkChain(List<Read> entries)
    {
        Dictionary<long, (string, long)> hashes = [];
        HashSet<string> seen = new(StringComparer.Ordinal);
        string last = AuditEntry.GenesisHash;
        for (int i = 0; i < entries.Count; i++)
        {
            long expected = i + 1;
            AuditEntry entry = entries[i].Entry;
            string? problem = null;
            string reason = "";
            if (entry.ComputeHash() != entry.Hash)
            {
                (reason, problem) = (AuditProblemReasons.HashMismatch, "content does not match its hash");
            }
            else if (!entries[i].Canonical)
            {
                (reason, problem) = (AuditProblemReasons.AlteredEncoding, "entry is not in canonical form");
            }
            else if (entry.Sequence < expected)
            {
                (reason, problem) = seen.Contains(entry.Hash)
                    ? (AuditProblemReasons.Duplicate, $"entry {entry.Sequence} appears again")
                    : (AuditProblemReasons.Reorder, $"entry {entry.Sequence} appears after entry {expected - 1}");
            }
            else if (entry.Sequence > expected)
            {
                (reason, problem) = entries.Skip(i + 1).Any(e => e.Entry.Sequence == expected)
                    ? (AuditProblemReasons.Reorder, $"entry {entry.Sequence} appears before entry {expected}")
                    : (AuditProblemReasons.Gap, $"entry {expected} is missing (next is {entry.Sequence})");
            }
            else if (entry.PreviousHash != last)
            {
                // This entry is intact (its own hash holds) but links to something else: the entry before it
                // was replaced by one with a re-computed hash, so that one is the first to distrust.
                (reason, problem) = (AuditProblemReasons.BrokenLink, $"entry {expected} links to a different entry {expected - 1}");
            }

            if (problem is not null)
            {
                long at = reason == AuditProblemReasons.BrokenLink ? Math.Max(1, expected - 1) : expected;
                return (reason == AuditProblemReasons.BrokenLink ? Math.Max(0, i - 1) : i, last, hashes, new AuditProblem(at, reason, problem));
            }

            seen.Add(entry.Hash);
            hashes[entry.Sequence] = (entry.Hash, entries[i].Segment);
            last = entry.Hash;
        }

        return (entries.Count, last, hashes, null);
    }

    private async Task<(int Count, List<long> Good)> CheckCheckpointsAsync(
        long verified, bool tailKnown, Dictionary<long, (string Hash, long Segment)> hashes, List<AuditProblem> problems, CancellationToken cancellationToken)
    {
        int count = 0;
        List<long> good = [];
        await foreach (string key in store.ListAsync(AuditKeys.CheckpointPrefix, cancellationToken))
        {
            count++;
            if (AuditKeys.NumberOf(key, AuditKeys.CheckpointPrefix) is not long number)
            {
                problems.Add(new AuditProblem(verified + 1, AuditProblemReasons.BadCheckpoint, $"unexpected object {key}"));
                continue;
            }

            StoredObject? stored = await store.ReadAsync(key, cancellationToken);
            AuditCheckpoint? checkpoint = stored is null ? null : TryParse(stored.Content, AuditCheckpoint.Parse);
            if (checkpoint is null || checkpoint.Sequence != number || !checkpoint.ToBytes().AsSpan().SequenceEqual(stored!.Content.Span)
                || (signer is not null && !signer.Verify("checkpoint", checkpoint.SignedBytes(), checkpoint.Mac)))
            {
                problems.Add(new AuditProblem(number, AuditProblemReasons.BadCheckpoint, $"checkpoint {number} is unreadable, altered or not signed with this secret"));
                continue;
            }

            if (number > verified)
            {
                if (tailKnown)
                {
                    problems.Add(new AuditProblem(verified + 1, AuditProblemReasons.Truncated, $"checkpoint {number} vouches for entries after the last one ({verified})"));
                }

                continue;
            }

            if (!hashes.TryGetValue(number, out var entry) || entry.Hash != checkpoint.Hash)
            {
                long from = good.Count == 0 ? 1 : good[^1] + 1;
                problems.Add(new AuditProblem(from, AuditProblemReasons.CheckpointMismatch, $"checkpoint {number} disagrees with the chain: an entry in {from}–{number} was changed and the chain re-computed"));
                continue;
            }

            good.Add(number);
        }

        return (count, good);
    }

    private async Task<AuditHead?> CheckHeadAsync(
        long verified, bool tailKnown, Dictionary<long, (string Hash, long Segment)> hashes, List<long> goodCheckpoints, List<AuditProblem> problems, CancellationToken cancellationToken)
    {
        StoredObject? stored = await store.ReadAsync(AuditKeys.Head, cancellationToken);
        if (stored is null)
        {
            if (hashes.Count > 0 || !tailKnown)
            {
                problems.Add(new AuditProblem(verified + 1, AuditProblemReasons.HeadMissing, "the head pointer is missing, so a cut-off tail cannot be ruled out"));
            }

            return null;
        }

        AuditHead? head = TryParse(stored.Content, AuditHead.Parse);
        if (head is null || !head.ToBytes().AsSpan().SequenceEqual(stored.Content.Span)
            || (signer is not null && !signer.Verify("head", head.SignedBytes(), head.Mac)))
        {
            problems.Add(new AuditProblem(Math.Min(verified + 1, head?.Sequence ?? long.MaxValue), AuditProblemReasons.BadHead, "the head pointer is unreadable, altered or not signed with this secret"));
            return head;
        }

        if (head.Sequence > verified)
        {
            if (tailKnown)
            {
                problems.Add(new AuditProblem(verified + 1, AuditProblemReasons.Truncated, $"the head names entry {head.Sequence}, the chain ends at {verified}"));
            }
        }
        else if (head.Sequence > 0 && (!hashes.TryGetValue(head.Sequence, out var entry) || entry.Hash != head.Hash || entry.Segment != head.Segment))
        {
            long from = goodCheckpoints.Where(c => c < head.Sequence).DefaultIfEmpty(0).Max() + 1;
            problems.Add(new AuditProblem(from, AuditProblemReasons.CheckpointMismatch, $"the head disagrees with entry {head.Sequence}: an entry in {from}–{head.Sequence} was changed and the chain re-computed"));
        }

        return head;
    }

    private static T? TryParse<T>(ReadOnlyMemory<byte> content, Func<ReadOnlyMemory<byte>, T> parse)
        where T : class
    {
        try
        {
            return parse(content);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static ParsedSegment? ReadSegment(ReadOnlyMemory<byte> content)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(content);
            JsonElement root = document.RootElement;
            long number = root.GetProperty("segment").GetInt64();
            List<Read> entries = [];
            foreach (JsonElement element in root.GetProperty("entries").EnumerateArray())
            {
                AuditEntry entry = AuditEncoding.ReadEntry(element);
                bool canonical = AuditEncoding.EntryBytes(entry, includeHash: true).AsSpan().SequenceEqual(System.Text.Encoding.UTF8.GetBytes(element.GetRawText()));
                entries.Add(new Read(entry, canonical, number));
            }

            return new ParsedSegment(number, entries);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    private sealed record ParsedSegment(long Number, List<Read> Entries);

    private sealed record Read(AuditEntry Entry, bool Canonical, long Segment);
}
