using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace StartupHub.LoadTest;

/// <summary>Starts the repo's pinned azurite-blob on a free loopback port in a temp folder, and stops it.</summary>
internal sealed class Azurite : IDisposable
{
    private const string DevAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly Process _process;
    private readonly string _folder;

    private Azurite(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevAccountKey};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
    }

    public string ConnectionString { get; }

    /// <summary>CPU time Azurite's Node process has used so far (to show how much of the machine storage takes).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.HasExited ? TimeSpan.Zero : _process.TotalProcessorTime;
        }
    }

    public static async Task<Azurite> StartAsync(bool inMemory)
    {
        string executable = Find() ?? throw new InvalidOperationException("node_modules/.bin/azurite-blob not found: run `npm ci` in the repository root, or pass --connection.");
        int port;
        using (TcpListener probe = new(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        string folder = Path.Combine(Path.GetTempPath(), "startuphub-loadtest-azurite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        ProcessStartInfo start = new(executable)
        {
            ArgumentList = { "--blobHost", "127.0.0.1", "--blobPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--skipApiVersionCheck", "--disableTelemetry", "--silent" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Azurite refuses --location together with --inMemoryPersistence.
        string[] persistence = inMemory ? ["--inMemoryPersistence"] : ["--location", folder];
        foreach (string argument in persistence)
        {
            start.ArgumentList.Add(argument);
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start Azurite");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Azurite azurite = new(process, folder, port);
        for (DateTime deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            try
            {
                using TcpClient client = new();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return azurite;
            }
            catch (SocketException) when (!process.HasExited)
            {
            }
        }

        azurite.Dispose();
        throw new TimeoutException("Azurite did not start");
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string? Find()
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "node_modules", ".bin", "azurite-blob");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
