namespace StartupHub.Forms.Registration;

/// <summary>Raises a shared counter to a value unless it is already higher (versions only ever move forward).</summary>
internal static class AtomicMax
{
    public static void Raise(ref long target, long value)
    {
        long current = Interlocked.Read(ref target);
        while (value > current)
        {
            long seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
