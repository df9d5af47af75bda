namespace StartupHub.Forms.Audit;

/// <summary>Configuration section "Forms:Audit".</summary>
public sealed class AuditOptions
{
    /// <summary>Forms:Audit:CheckpointEvery — a signed checkpoint is written for every N-th entry.</summary>
    public int CheckpointEvery { get; set; } = 100;

    /// <summary>Forms:Audit:RetryBufferLimit — entries kept in memory for a later retry when an append fails
    /// after the action it records already happened (oldest are dropped, and counted in the log, beyond it).</summary>
    public int RetryBufferLimit { get; set; } = 10_000;
}
