namespace StartupHub.Cli;

public static class ExitCodes
{
    public const int Ok = 0;
    public const int ContentErrors = 1;
    public const int Usage = 2;

    /// <summary>The heap limit was reached (MemoryLimit.cs); nothing was written.</summary>
    public const int OutOfMemory = 3;
}
