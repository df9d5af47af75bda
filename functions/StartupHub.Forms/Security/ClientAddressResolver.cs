using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace StartupHub.Forms.Security;

/// <summary>
/// Finds the address to rate-limit by. Behind Azure's front end the TCP peer is the platform, and the
/// client address is the entry the platform appended to X-Forwarded-For, often as "ip:port". Entries to
/// its left were sent by the client and can say anything, so only the configured number of trusted hops
/// counted from the right is used. Without a configured header (local host) the TCP peer is the client.
/// </summary>
public sealed class ClientAddressResolver(IOptions<FormsOptions> options)
{
    public string Resolve(HttpRequest request)
    {
        ClientAddressOptions config = options.Value.ClientAddress;
        if (!string.IsNullOrWhiteSpace(config.ForwardedHeader))
        {
            string[] entries = request.Headers[config.ForwardedHeader]
                .SelectMany(v => (v ?? "").Split(','))
                .Select(e => e.Trim())
                .Where(e => e.Length > 0)
                .ToArray();
            int index = entries.Length - Math.Max(1, config.TrustedProxies);
            if (index >= 0 && TryParseAddress(entries[index], out IPAddress? forwarded) && forwarded is not null)
            {
                return Canonical(forwarded);
            }

            // The header is missing or unparsable: group such requests together rather than trusting anything.
            return "unknown";
        }

        IPAddress? peer = request.HttpContext.Connection.RemoteIpAddress;
        return peer is null ? "unknown" : Canonical(peer);
    }

    /// <summary>Accepts "1.2.3.4", "1.2.3.4:5678", "::1", "[::1]", "[2001:db8::1]:443".</summary>
    public static bool TryParseAddress(string value, out IPAddress? address)
    {
        address = null;
        string candidate = value.Trim().Trim('"');
        if (candidate.StartsWith('['))
        {
            int close = candidate.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            string rest = candidate[(close + 1)..];
            if (rest.Length > 0 && !(rest[0] == ':' && ushort.TryParse(rest[1..], out _)))
            {
                return false;
            }

            candidate = candidate[1..close];
        }
        else if (candidate.Count(c => c == ':') == 1)
        {
            // IPv4 with a port. A bare IPv6 address has at least two colons.
            int colon = candidate.IndexOf(':', StringComparison.Ordinal);
            if (!ushort.TryParse(candidate[(colon + 1)..], out _))
            {
                return false;
            }

            candidate = candidate[..colon];
        }

        if (candidate.Contains('%', StringComparison.Ordinal) || !IPAddress.TryParse(candidate, out IPAddress? parsed))
        {
            return false;
        }

        // IPAddress.TryParse accepts shorthand like "1" or "1.2"; a forwarded header never legitimately has those.
        if (parsed.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && candidate.Count(c => c == '.') != 3)
        {
            return false;
        }

        address = parsed;
        return true;
    }

    /// <summary>Rate limits apply per IPv4 address, and per /64 for IPv6 (one household or host gets a whole /64).</summary>
    private static string Canonical(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            byte[] bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }

        return address.ToString();
    }
}
