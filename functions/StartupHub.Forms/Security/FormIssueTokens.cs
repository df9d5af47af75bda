using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace StartupHub.Forms.Security;

/// <summary>
/// A server-signed form-issue time: "{unix-ms}.{form-id}.{hmac}". The page fetches one when the form is
/// shown; a submission that arrives sooner than a person could fill the form, or more than a day later,
/// or with a token for another form, is refused. No cookies, no third party.
/// </summary>
public sealed class FormIssueTokens(FormSecrets secrets, TimeProvider time)
{
    public enum Verdict
    {
        Valid,
        Missing,
        Malformed,
        TooFast,
        Expired,
    }

    public string Issue(string formId)
    {
        long issuedMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        return $"{issuedMs}.{formId}.{FormSecrets.Base64Url(Sign(issuedMs, formId))}";
    }

    public Verdict Check(string? token, string formId, TimeSpan minimumFill, TimeSpan maximumAge)
    {
        if (string.IsNullOrEmpty(token))
        {
            return Verdict.Missing;
        }

        string[] parts = token.Split('.');
        if (token.Length > 200 || parts.Length != 3 || !long.TryParse(parts[0], out long issuedMs) || parts[1] != formId)
        {
            return Verdict.Malformed;
        }

        byte[] expected = Encoding.ASCII.GetBytes(FormSecrets.Base64Url(Sign(issuedMs, formId)));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(parts[2])))
        {
            return Verdict.Malformed;
        }

        TimeSpan age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(Math.Clamp(issuedMs, 0, 253402300799999));
        return age < minimumFill ? Verdict.TooFast : age > maximumAge ? Verdict.Expired : Verdict.Valid;
    }

    private byte[] Sign(long issuedMs, string formId)
    {
        byte[] form = Encoding.UTF8.GetBytes(formId);
        byte[] payload = new byte[8 + form.Length];
        BinaryPrimitives.WriteInt64BigEndian(payload, issuedMs);
        form.CopyTo(payload, 8);
        return secrets.SignFormIssue(payload);
    }
}
