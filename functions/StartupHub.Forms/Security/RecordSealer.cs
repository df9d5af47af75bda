using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace StartupHub.Forms.Security;

/// <summary>
/// Envelope encryption for personal data at rest. Every record gets a fresh 256-bit data key; the record is
/// sealed with AES-GCM under that key, and the data key is itself sealed (wrapped) with AES-GCM under the
/// active key-encryption key (KEK) from configuration. The caller's associated data (the record's storage
/// key or id) is bound into both seals, so a sealed record copied to another id does not open.
/// Layout (binary): magic "SHR1" | kid length (1) | kid (ASCII) | wrap nonce (12) | wrapped key (32) |
/// wrap tag (16) | nonce (12) | tag (16) | ciphertext.
/// </summary>
public sealed class RecordSealer
{
    private static readonly byte[] Magic = "SHR1"u8.ToArray();
    private const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    [ThreadStatic]
    private static Dictionary<byte[], AesGcm>? t_keyCiphers;

    private readonly IReadOnlyDictionary<string, byte[]> _keys;

    /// <param name="keys">Key-encryption keys by id (32 bytes each). Old ids stay so old records still open.</param>
    /// <param name="activeKeyId">The id new records are sealed under.</param>
    public RecordSealer(IReadOnlyDictionary<string, byte[]> keys, string activeKeyId)
    {
        foreach ((string id, byte[] key) in keys)
        {
            if (key.Length != KeySize)
            {
                throw new ArgumentException($"key-encryption key '{id}' must be {KeySize} bytes, not {key.Length}", nameof(keys));
            }

            if (id.Length is 0 or > 64 || id.Any(c => c is < '!' or > '~'))
            {
                throw new ArgumentException($"key id '{id}' must be 1–64 printable ASCII characters", nameof(keys));
            }
        }

        if (!keys.ContainsKey(activeKeyId))
        {
            throw new ArgumentException($"the active key id '{activeKeyId}' has no key", nameof(activeKeyId));
        }

        _keys = keys;
        ActiveKeyId = activeKeyId;
    }

    public string ActiveKeyId { get; }

    /// <summary>The ids of every configured key (the deletion report lists them).</summary>
    public IReadOnlyCollection<string> KeyIds => _keys.Keys.ToList();

    /// <summary>True when <paramref name="content"/> starts like a sealed record (plaintext JSON never does).</summary>
    public static bool IsSealed(ReadOnlySpan<byte> content) => content.StartsWith(Magic);

    public byte[] Seal(string associatedData, ReadOnlySpan<byte> plaintext)
    {
        byte[] aad = Encoding.UTF8.GetBytes(associatedData);
        byte[] kid = Encoding.ASCII.GetBytes(ActiveKeyId);
        byte[] dataKey = RandomNumberGenerator.GetBytes(KeySize);
        try
        {
            int headerLength = Magic.Length + 1 + kid.Length;
            byte[] output = new byte[headerLength + NonceSize + KeySize + TagSize + NonceSize + TagSize + plaintext.Length];
            Span<byte> span = output;
            Magic.CopyTo(span);
            span[Magic.Length] = (byte)kid.Length;
            kid.CopyTo(span[(Magic.Length + 1)..]);
            Span<byte> wrapNonce = span.Slice(headerLength, NonceSize);
            Span<byte> wrapped = span.Slice(headerLength + NonceSize, KeySize);
            Span<byte> wrapTag = span.Slice(headerLength + NonceSize + KeySize, TagSize);
            Span<byte> nonce = span.Slice(headerLength + NonceSize + KeySize + TagSize, NonceSize);
            Span<byte> tag = span.Slice(headerLength + NonceSize + KeySize + TagSize + NonceSize, TagSize);
            Span<byte> ciphertext = span[(headerLength + NonceSize + KeySize + TagSize + NonceSize + TagSize)..];
            RandomNumberGenerator.Fill(wrapNonce);
            RandomNumberGenerator.Fill(nonce);
            KeyCipher(_keys[ActiveKeyId]).Encrypt(wrapNonce, dataKey, wrapped, wrapTag, WrapAad(aad, kid));

            using AesGcm gcm = new(dataKey, TagSize);
            gcm.Encrypt(nonce, plaintext, ciphertext, tag, aad);
            return output;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <exception cref="RecordSealException">Unknown key, wrong associated data, or the bytes were changed.</exception>
    public byte[] Open(string associatedData, ReadOnlySpan<byte> sealedRecord)
    {
        if (!IsSealed(sealedRecord) || sealedRecord.Length < Magic.Length + 1)
        {
            throw new RecordSealException("not a sealed record");
        }

        int kidLength = sealedRecord[Magic.Length];
        int headerLength = Magic.Length + 1 + kidLength;
        if (sealedRecord.Length < headerLength + NonceSize + KeySize + TagSize + NonceSize + TagSize)
        {
            throw new RecordSealException("sealed record is truncated");
        }

        byte[] kid = sealedRecord.Slice(Magic.Length + 1, kidLength).ToArray();
        string keyId = Encoding.ASCII.GetString(kid);
        if (!_keys.TryGetValue(keyId, out byte[]? kek))
        {
            throw new RecordSealException($"sealed under key '{keyId}', which is not configured");
        }

        byte[] aad = Encoding.UTF8.GetBytes(associatedData);
        ReadOnlySpan<byte> rest = sealedRecord[headerLength..];
        byte[] dataKey = new byte[KeySize];
        try
        {
            KeyCipher(kek).Decrypt(rest[..NonceSize], rest.Slice(NonceSize, KeySize), rest.Slice(NonceSize + KeySize, TagSize), dataKey, WrapAad(aad, kid));

            int at = NonceSize + KeySize + TagSize;
            ReadOnlySpan<byte> ciphertext = rest[(at + NonceSize + TagSize)..];
            byte[] plaintext = new byte[ciphertext.Length];
            using AesGcm gcm = new(dataKey, TagSize);
            gcm.Decrypt(rest.Slice(at, NonceSize), ciphertext, rest.Slice(at + NonceSize, TagSize), plaintext, aad);
            return plaintext;
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new RecordSealException("sealed record does not open: it was changed, or belongs to another id", ex);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>The wrapped key is bound to the record and to the key id it names.</summary>
    /// <summary>
    /// The key-encryption key's cipher, set up once per thread instead of per record (measured: importing the
    /// key was a visible share of a registration's CPU). Per thread because an AesGcm instance must not be used
    /// by two threads at once; keyed by the key array itself, which a sealer keeps for its lifetime.
    /// </summary>
    private static AesGcm KeyCipher(byte[] kek)
    {
        Dictionary<byte[], AesGcm> ciphers = t_keyCiphers ??= new(ReferenceEqualityComparer.Instance);
        if (!ciphers.TryGetValue(kek, out AesGcm? cipher))
        {
            if (ciphers.Count >= 16)
            {
                // Only tests make many sealers; a host has a handful of keys. Keep the cache small either way.
                foreach (AesGcm stale in ciphers.Values)
                {
                    stale.Dispose();
                }

                ciphers.Clear();
            }

            ciphers[kek] = cipher = new AesGcm(kek, TagSize);
        }

        return cipher;
    }

    private static byte[] WrapAad(byte[] aad, byte[] kid)
    {
        byte[] result = new byte[4 + kid.Length + aad.Length];
        BinaryPrimitives.WriteInt32BigEndian(result, kid.Length);
        kid.CopyTo(result, 4);
        aad.CopyTo(result, 4 + kid.Length);
        return result;
    }
}

/// <summary>A sealed record could not be opened. Never carries plaintext.</summary>
public sealed class RecordSealException(string message, Exception? inner = null) : Exception(message, inner);
