using System.Security.Cryptography;
using System.Text;

namespace StartupHub.Forms.Security;

/// <summary>
/// The server's HMAC key and everything derived from it. Separate purposes use separate derived keys, so
/// a value signed for one purpose (a form-issue time) can never be replayed as another (a cancellation
/// token).
/// </summary>
public sealed class FormSecrets
{
    public const int MinimumSecretLength = 32;

    [ThreadStatic]
    private static Dictionary<byte[], IncrementalHash>? t_macs;

    private readonly byte[] _formIssueKey;
    private readonly byte[] _cancelKey;
    private readonly byte[] _fingerprintKey;
    private readonly byte[] _clientKey;

    public FormSecrets(string secret)
    {
        if (secret.Length < MinimumSecretLength)
        {
            throw new ArgumentException($"Forms:HmacSecret must be at least {MinimumSecretLength} characters", nameof(secret));
        }

        byte[] master = Encoding.UTF8.GetBytes(secret);
        _formIssueKey = Derive(master, "form-issue");
        _cancelKey = Derive(master, "cancel");
        _fingerprintKey = Derive(master, "fingerprint");
        _clientKey = Derive(master, "client");
    }

    public byte[] SignFormIssue(ReadOnlySpan<byte> payload) => Mac(_formIssueKey, payload);

    /// <summary>The secret that goes in the cancellation link. Derived, not stored: the ledger keeps nothing
    /// that would let someone with read access to storage cancel other people's registrations.</summary>
    public string CancellationToken(string eventId, string registrationId) =>
        Base64Url(Mac(_cancelKey, Encoding.UTF8.GetBytes($"{eventId}\n{registrationId}")));

    public bool IsValidCancellationToken(string eventId, string registrationId, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return false;
        }

        byte[] expected = Encoding.ASCII.GetBytes(CancellationToken(eventId, registrationId));
        byte[] given = Encoding.UTF8.GetBytes(token);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>Keyed fingerprint for duplicate detection and idempotency: equal inputs match, but the
    /// value cannot be reversed by guessing emails without the key.</summary>
    public string Fingerprint(string purpose, ReadOnlySpan<byte> value)
    {
        byte[] prefix = Encoding.UTF8.GetBytes(purpose + "\n");
        byte[] data = new byte[prefix.Length + value.Length];
        prefix.CopyTo(data, 0);
        value.CopyTo(data.AsSpan(prefix.Length));
        return Convert.ToHexStringLower(Mac(_fingerprintKey, data).AsSpan(0, 16));
    }

    public string EmailFingerprint(string email) =>
        Fingerprint("email", Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant()));

    /// <summary>Clients appear in logs only as a short keyed hash of their address.</summary>
    public string ClientHash(string clientAddress) =>
        Convert.ToHexStringLower(Mac(_clientKey, Encoding.UTF8.GetBytes(clientAddress)).AsSpan(0, 6));

    internal static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// HMAC-SHA256 with a keyed hash object kept per thread and key, instead of setting the key up again for
    /// every call (a registration computes about six of these; measured as a visible share of its CPU). Per
    /// thread because a hash object must not be used by two threads at once; keyed by the key array itself.
    /// </summary>
    private static byte[] Mac(byte[] key, ReadOnlySpan<byte> data)
    {
        Dictionary<byte[], IncrementalHash> macs = t_macs ??= new(ReferenceEqualityComparer.Instance);
        if (!macs.TryGetValue(key, out IncrementalHash? mac))
        {
            if (macs.Count >= 32)
            {
                // Only tests make many FormSecrets; a host has four keys. Keep the cache small either way.
                foreach (IncrementalHash stale in macs.Values)
                {
                    stale.Dispose();
                }

                macs.Clear();
            }

            macs[key] = mac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        }

        mac.AppendData(data);
        return mac.GetHashAndReset();
    }

    private static byte[] Derive(byte[] master, string purpose) =>
        HMACSHA256.HashData(master, Encoding.UTF8.GetBytes("startuphub-forms/" + purpose));
}
