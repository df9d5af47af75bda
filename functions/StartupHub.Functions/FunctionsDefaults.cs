using StartupHub.Forms;

namespace StartupHub.Functions;

/// <summary>Settings that are facts of the Functions platform rather than choices.</summary>
public static class FunctionsDefaults
{
    /// <summary>
    /// In Azure the TCP peer of the worker is the platform's front end, which appends the real client as
    /// "ip:port" to X-Forwarded-For. Rate limiting must key on that entry, so the header is the default here
    /// (the local server, which faces clients directly, uses the TCP peer instead).
    /// </summary>
    public static void Apply(FormsOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ClientAddress.ForwardedHeader))
        {
            options.ClientAddress.ForwardedHeader = "X-Forwarded-For";
        }
    }
}
