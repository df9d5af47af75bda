using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StartupHub.Forms.Audit;
using StartupHub.Forms.Security;
using StartupHub.Forms.Storage;
using StartupHub.Forms.Tests.Infrastructure;

namespace StartupHub.Forms.Tests.Audit;

internal static class AuditTestLog
{
    public static readonly AuditSigner Signer = new(new FormSecrets(FormsTestHost.Secret));

    public static HashChainedAuditLog Create(IFormStore store, int checkpointEvery = 10) =>
        new(store, Signer, Options.Create(new FormsOptions { Audit = new AuditOptions { CheckpointEvery = checkpointEvery } }),
            TimeProvider.System, NullLogger<HashChainedAuditLog>.Instance);

    public static AuditEvent Event(int i) => new(
        (i % 3) switch { 0 => "create", 1 => "cancel", _ => "promote" },
        "event-registration",
        $"2025-10-chiba/{i:D4}",
        $"public:{i:x6}",
        new Dictionary<string, string> { ["status"] = i % 2 == 0 ? "confirmed" : "waitlisted", ["session"] = "main" });

    public static Task<AuditVerification> VerifyAsync(IFormStore store) => new AuditLogVerifier(store, Signer).VerifyAsync(CancellationToken.None);
}
