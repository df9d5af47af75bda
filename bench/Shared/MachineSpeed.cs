using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace StartupHub.Measuring;

/// <summary>
/// How fast this machine runs at the moment: the same fixed work on every core at once, timed, in three kinds
/// (arithmetic within the core's cache, reads that miss every cache, and system calls). The VM these figures
/// come from changes speed within minutes (the same build took 5.4 s of CPU in one run and 9.3 s in another),
/// so each report states the speed it ran at, and runs can be compared at equal speed.
/// </summary>
public static class MachineSpeed
{
    private const int Rounds = 3;

    /// <summary>Milliseconds per core for each kind of work (the median over cores and rounds; lower is faster).</summary>
    public readonly record struct Reading(double Compute, double Memory, double Bandwidth, double Kernel)
    {
        public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"compute {Compute:F1} ms, memory latency {Memory:F1} ms, fresh memory {Bandwidth:F1} ms, kernel {Kernel:F1} ms");
    }

    /// <summary>Takes about half a second. Its memory is native, so the measured process's GC heap is left as it was.</summary>
    public static unsafe Reading Measure()
    {
        const int Length = 8 * 1024 * 1024; // 32 MB: far beyond the caches, so every step of the chain waits on memory
        int* chain = (int*)NativeMemory.Alloc(Length, sizeof(int));
        try
        {
            Chain(chain, Length);
            Compute(1_000);
            Memory(chain, 1_000);
            Kernel(10);
            Copy(1);
            return new Reading(
                Median(() => Compute(6_000_000)),
                Median(() => Memory(chain, 1_000_000)),
                Median(() => Copy(4)),
                Median(() => Kernel(20_000)));
        }
        finally
        {
            NativeMemory.Free(chain);
        }
    }

    private static double Median(Func<int> work)
    {
        int cores = Environment.ProcessorCount;
        List<double> times = new(Rounds * cores);
        for (int round = 0; round < Rounds; round++)
        {
            double[] roundTimes = new double[cores];
            Thread[] threads = [.. Enumerable.Range(0, cores).Select(core => new Thread(() =>
            {
                long started = Stopwatch.GetTimestamp();
                work();
                roundTimes[core] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }))];
            foreach (Thread thread in threads)
            {
                thread.Start();
            }

            foreach (Thread thread in threads)
            {
                thread.Join();
            }

            times.AddRange(roundTimes);
        }

        times.Sort();
        return times[times.Count / 2];
    }

    /// <summary>Arithmetic over a 256 KB table (the core's own cache).</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static unsafe int Compute(int iterations)
    {
        const int Length = 64 * 1024;
        int* table = (int*)NativeMemory.AllocZeroed(Length, sizeof(int));
        try
        {
            uint state = 2463534242;
            int sum = 0;
            for (int i = 0; i < iterations; i++)
            {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                int slot = (int)(state & (Length - 1));
                table[slot] += i;
                sum += table[(slot + 1) & (Length - 1)];
            }

            return sum;
        }
        finally
        {
            NativeMemory.Free(table);
        }
    }

    /// <summary>One random cycle through the array (Sattolo's shuffle): each read depends on the previous one.</summary>
    private static unsafe void Chain(int* next, int length)
    {
        for (int i = 0; i < length; i++)
        {
            next[i] = i;
        }

        // A fixed xorshift sequence: the same cycle every time, and quicker to build than with System.Random.
        uint state = 2463534242;
        for (int i = length - 1; i > 0; i--)
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            int j = (int)(state % (uint)i);
            (next[i], next[j]) = (next[j], next[i]);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static unsafe int Memory(int* chain, int steps)
    {
        int at = 0;
        for (int i = 0; i < steps; i++)
        {
            at = chain[at];
        }

        return at;
    }

    /// <summary>Fills 64 MB of fresh memory and copies over it again (page faults, zeroing and copying, as a collector does with new regions).</summary>
    private static unsafe int Copy(int times)
    {
        const int Bytes = 64 * 1024 * 1024;
        byte* from = (byte*)NativeMemory.AllocZeroed(Bytes);
        byte* to = (byte*)NativeMemory.AllocZeroed(Bytes);
        try
        {
            for (int i = 0; i < times; i++)
            {
                Buffer.MemoryCopy(from, to, Bytes, Bytes);
            }

            return to[Bytes - 1];
        }
        finally
        {
            NativeMemory.Free(from);
            NativeMemory.Free(to);
        }
    }

    private static int Kernel(int calls)
    {
        int found = 0;
        for (int i = 0; i < calls; i++)
        {
            found += File.Exists("/") ? 1 : 0;
        }

        return found;
    }
}
