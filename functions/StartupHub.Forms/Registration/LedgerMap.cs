using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace StartupHub.Forms.Registration;

/// <summary>
/// A string-keyed map for the ledger's indexes (registrations, the email index, idempotency keys) whose copy is
/// cheap. Every ledger write applies its batch to a copy of the committed ledger (readers keep the committed
/// one), and with plain dictionaries that copy cost O(registrations) and, past about 3,500 entries, large-object
/// allocations on every write: under load they caused a blocking gen-2 collection every few writes (measured
/// with the load test: 9 gen-2 collections in 5 s). A copy here shares a frozen base dictionary with its source
/// and copies only the overlay of changes made on top of it; when the overlay passes a bound it is folded into
/// a new base, so each change costs amortised O(1).
/// </summary>
/// <remarks>
/// Enumeration order is that of a <see cref="Dictionary{TKey,TValue}"/> without removals: the base's keys in
/// their order (with their newest values), then keys added since, in the order they were first added. Staff
/// views list registrations in that order. Not thread-safe for writers; copies may be read concurrently once
/// nobody changes them (the committed ledger is read-only).
/// </remarks>
public sealed class LedgerMap<TValue> : IDictionary<string, TValue>, IReadOnlyDictionary<string, TValue>
{
    /// <summary>A copy folds the overlay into a new base once it holds more than a quarter of the base's keys,
    /// and at most this many: each copy copies at most this much besides an occasional fold.</summary>
    private const int OverlayBound = 1024;

    private Dictionary<string, TValue> _base;

    /// <summary>True once a copy shares <see cref="_base"/>: from then on neither side changes it.</summary>
    private bool _baseShared;

    /// <summary>Changes on top of a shared base; a removed key maps to an absent slot.</summary>
    private Dictionary<string, Slot> _overlay;

    /// <summary>Keys the overlay holds that are not in the base, in the order they were first added.</summary>
    private List<string> _added;

    public LedgerMap()
    {
        _base = new Dictionary<string, TValue>(StringComparer.Ordinal);
        _overlay = new Dictionary<string, Slot>(StringComparer.Ordinal);
        _added = [];
    }

    private LedgerMap(LedgerMap<TValue> source)
    {
        _base = source._base;
        _baseShared = true;
        source._baseShared = true;
        _overlay = new Dictionary<string, Slot>(source._overlay, StringComparer.Ordinal);
        _added = [.. source._added];
        Count = source.Count;
    }

    public int Count { get; private set; }

    public bool IsReadOnly => false;

    public IEnumerable<string> Keys => this.Select(pair => pair.Key);

    public IEnumerable<TValue> Values => this.Select(pair => pair.Value);

    ICollection<string> IDictionary<string, TValue>.Keys => [.. Keys];

    ICollection<TValue> IDictionary<string, TValue>.Values => [.. Values];

    public TValue this[string key]
    {
        get => TryGetValue(key, out TValue? value) ? value : throw new KeyNotFoundException($"no entry for '{key}'");
        set => Set(key, value);
    }

    /// <summary>A copy that can be changed without affecting this map (and the other way round). This map is
    /// only read (it may be the committed ledger that readers hold); a large overlay is folded into the copy.</summary>
    public LedgerMap<TValue> Copy()
    {
        if (_overlay.Count <= Math.Min(OverlayBound, Math.Max(32, _base.Count / 4)))
        {
            return new LedgerMap<TValue>(this);
        }

        LedgerMap<TValue> folded = new();
        folded._base.EnsureCapacity(Count);
        foreach (KeyValuePair<string, TValue> pair in this)
        {
            folded._base.Add(pair.Key, pair.Value);
        }

        folded.Count = Count;
        return folded;
    }

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value)
    {
        if (_overlay.TryGetValue(key, out Slot slot))
        {
            value = slot.Value;
            return slot.Present;
        }

        return _base.TryGetValue(key, out value);
    }

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public void Add(string key, TValue value)
    {
        if (ContainsKey(key))
        {
            throw new ArgumentException($"an entry for '{key}' already exists", nameof(key));
        }

        Set(key, value);
    }

    public bool Remove(string key)
    {
        if (!ContainsKey(key))
        {
            return false;
        }

        if (_baseShared)
        {
            _overlay[key] = default;
        }
        else
        {
            _base.Remove(key);
        }

        Count--;
        return true;
    }

    public void Clear()
    {
        _base = new Dictionary<string, TValue>(StringComparer.Ordinal);
        _baseShared = false;
        _overlay.Clear();
        _added.Clear();
        Count = 0;
    }

    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator()
    {
        foreach (KeyValuePair<string, TValue> pair in _base)
        {
            if (!_overlay.TryGetValue(pair.Key, out Slot slot))
            {
                yield return pair;
            }
            else if (slot.Present)
            {
                yield return new KeyValuePair<string, TValue>(pair.Key, slot.Value!);
            }
        }

        foreach (string key in _added)
        {
            if (_overlay.TryGetValue(key, out Slot slot) && slot.Present)
            {
                yield return new KeyValuePair<string, TValue>(key, slot.Value!);
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    void ICollection<KeyValuePair<string, TValue>>.Add(KeyValuePair<string, TValue> item) => Add(item.Key, item.Value);

    bool ICollection<KeyValuePair<string, TValue>>.Contains(KeyValuePair<string, TValue> item) =>
        TryGetValue(item.Key, out TValue? value) && EqualityComparer<TValue>.Default.Equals(value, item.Value);

    void ICollection<KeyValuePair<string, TValue>>.CopyTo(KeyValuePair<string, TValue>[] array, int arrayIndex)
    {
        foreach (KeyValuePair<string, TValue> pair in this)
        {
            array[arrayIndex++] = pair;
        }
    }

    bool ICollection<KeyValuePair<string, TValue>>.Remove(KeyValuePair<string, TValue> item) =>
        ((ICollection<KeyValuePair<string, TValue>>)this).Contains(item) && Remove(item.Key);

    private void Set(string key, TValue value)
    {
        bool existed = ContainsKey(key);
        if (!_baseShared)
        {
            _base[key] = value;
        }
        else
        {
            if (!_base.ContainsKey(key) && !_overlay.ContainsKey(key))
            {
                _added.Add(key);
            }

            _overlay[key] = new Slot(value, Present: true);
        }

        Count += existed ? 0 : 1;
    }

    private readonly record struct Slot(TValue? Value, bool Present);
}
