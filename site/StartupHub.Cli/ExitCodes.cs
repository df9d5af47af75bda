namespace StartupHub.Cli;

public static class ExitCodes
{
    public const int Ok = 0;
    public const int ContentErrors = 1;
    public const int Usage = 2;

    /// <summary>The GC heap limit was reached (MemoryLimit.cs); the message says what the command left behind.</summary>
    public const int OutOfMemory = 3;
}
