using System.Net;
using CsCheck;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using StartupHub.Forms.Security;
using StartupHub.Forms.Tests.Infrastructure;

namespace StartupHub.Forms.Tests.Security;

public sealed class ClientAddressResolverTests
{
    private static string Resolve(string? forwarded, string peer = "10.0.0.1", string? header = "X-Forwarded-For", int hops = 1)
    {
        ClientAddressResolver resolver = new(Options.Create(new FormsOptions { ClientAddress = new ClientAddressOptions { ForwardedHeader = header, TrustedProxies = hops } }));
        DefaultHttpContext context = new();
        context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
        if (forwarded is not null)
        {
            context.Request.Headers["X-Forwarded-For"] = forwarded;
        }

        return resolver.Resolve(context.Request);
    }

    [Theory]
    [InlineData("203.0.113.7:51234", "203.0.113.7")]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("[2001:db8:1:2:3:4:5:6]:443", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [InlineData("1.1.1.1, 203.0.113.7:51234", "203.0.113.7")]
    [InlineData("evil, 203.0.113.7:1", "203.0.113.7")]
    public void Uses_the_rightmost_platform_entry_in_any_form(string header, string expected) =>
        Assert.Equal(expected, Resolve(header));

    [Theory]
    [InlineData("203.0.113.7:notaport")]
    [InlineData("1")]
    [InlineData("[::1")]
    [InlineData("")]
    public void Unparsable_entries_never_become_an_address(string header) =>
        Assert.Equal("unknown", Resolve(header));

    [Fact]
    public void A_client_cannot_choose_its_identity_by_prepending_entries()
    {
        Gen.Int[0, 255].Array[4].Sample(octets =>
        {
            string spoof = string.Join('.', octets);
            return Resolve($"{spoof}, 198.51.100.9:4000") == "198.51.100.9";
        }, iter: 200);
    }

    [Fact]
    public void Without_a_configured_header_the_tcp_peer_is_used_and_headers_are_ignored() =>
        Assert.Equal("192.0.2.5", Resolve("203.0.113.7", peer: "192.0.2.5", header: null));

    [Fact]
    public void Two_trusted_proxies_skip_one_more_entry() =>
        Assert.Equal("203.0.113.7", Resolve("9.9.9.9, 203.0.113.7:80, 10.1.1.1:80", hops: 2));
}

public sealed class FormIssueTokenTests
{
    private static readonly FormSecrets Secrets = new(FormsTestHost.Secret);

    [Fact]
    public void Fresh_tokens_are_too_fast_then_valid_then_expired()
    {
        ManualTimeProvider clock = new(new DateTimeOffset(2025, 9, 1, 0, 0, 0, TimeSpan.Zero));
        FormIssueTokens tokens = new(Secrets, clock);
        string token = tokens.Issue("event-registration");
        Assert.Equal(FormIssueTokens.Verdict.TooFast, tokens.Check(token, "event-registration", TimeSpan.FromSeconds(3), TimeSpan.FromDays(1)));
        clock.Now += TimeSpan.FromSeconds(4);
        Assert.Equal(FormIssueTokens.Verdict.Valid, tokens.Check(token, "event-registration", TimeSpan.FromSeconds(3), TimeSpan.FromDays(1)));
        clock.Now += TimeSpan.FromDays(1);
        Assert.Equal(FormIssueTokens.Verdict.Expired, tokens.Check(token, "event-registration", TimeSpan.FromSeconds(3), TimeSpan.FromDays(1)));
    }

    [Fact]
    public void Tampered_tokens_and_tokens_for_other_forms_are_malformed()
    {
        FormIssueTokens tokens = new(Secrets, TimeProvider.System);
        string token = tokens.Issue("event-registration");
        string[] parts = token.Split('.');
        string earlier = $"{long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) - 60_000}.{parts[1]}.{parts[2]}";
        Assert.Equal(FormIssueTokens.Verdict.Malformed, tokens.Check(earlier, "event-registration", TimeSpan.Zero, TimeSpan.FromDays(1)));
        Assert.Equal(FormIssueTokens.Verdict.Malformed, tokens.Check(token, "oip-application", TimeSpan.Zero, TimeSpan.FromDays(1)));
        Assert.Equal(FormIssueTokens.Verdict.Missing, tokens.Check(null, "event-registration", TimeSpan.Zero, TimeSpan.FromDays(1)));
        Gen.String.Sample(garbage => tokens.Check(garbage, "event-registration", TimeSpan.Zero, TimeSpan.FromDays(1)) is FormIssueTokens.Verdict.Malformed or FormIssueTokens.Verdict.Missing, iter: 500);
    }

    [Fact]
    public void Cancellation_tokens_bind_event_and_registration()
    {
        string token = Secrets.CancellationToken("e1", "r1");
        Assert.True(Secrets.IsValidCancellationToken("e1", "r1", token));
        Assert.False(Secrets.IsValidCancellationToken("e1", "r2", token));
        Assert.False(Secrets.IsValidCancellationToken("e2", "r1", token));
        Assert.False(new FormSecrets(FormsTestHost.Secret + "x").IsValidCancellationToken("e1", "r1", token));
    }
}

public sealed class RateLimiterTests
{
    [Fact]
    public void Each_client_gets_its_burst_then_a_retry_after()
    {
        using ClientRateLimiter limiter = new(Options.Create(new FormsOptions { RateLimit = new FormsRateLimitOptions { Burst = 3, PermitsPerMinute = 6 } }));
        Assert.Null(limiter.TryAcquire("a"));
        Assert.Null(limiter.TryAcquire("a"));
        Assert.Null(limiter.TryAcquire("a"));
        TimeSpan? wait = limiter.TryAcquire("a");
        Assert.NotNull(wait);
        Assert.InRange(wait.Value, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(11));
        Assert.Null(limiter.TryAcquire("b"));
    }
}
