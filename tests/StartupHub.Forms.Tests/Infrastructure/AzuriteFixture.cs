using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace StartupHub.Forms.Tests.Infrastructure;

/// <summary>
/// A real Azurite blob service for the tests. Uses STARTUPHUB_TEST_AZURITE (a connection string, or
/// UseDevelopmentStorage=true) when set; otherwise starts the pinned Azurite from the repo's node_modules
/// on a free loopback port in a temp folder, and stops it when the test run ends.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string EnvironmentVariable = "STARTUPHUB_TEST_AZURITE";
    private const string DevAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private Process? _process;
    private string? _folder;

    public string ConnectionString { get; private set; } = "";

    public const string DataFolderVariable = "STARTUPHUB_TEST_AZURITE_DIR";

    /// <summary>Azurite's --location (its raw blob files): the one this fixture started, or
    /// STARTUPHUB_TEST_AZURITE_DIR for an external Azurite (scripts/start-azurite.sh prints it); null if unknown.</summary>
    public string? DataFolder => _folder ?? Environment.GetEnvironmentVariable(DataFolderVariable);

    public async Task InitializeAsync()
    {
        string? configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            ConnectionString = configured;
            return;
        }

        (_process, _folder, int port) = await StartAsync();
        ConnectionString = ConnectionStringFor(port);
    }

    public Task DisposeAsync()
    {
        Stop(_process, _folder);
        return Task.CompletedTask;
    }

    public static string ConnectionStringFor(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevAccountKey};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

    /// <summary>Starts azurite-blob; shared with the load test through copy, kept small on purpose.</summary>
    public static async Task<(Process Process, string Folder, int Port)> StartAsync()
    {
        string executable = FindAzurite()
            ?? throw new InvalidOperationException($"Azurite not found: run `npm ci` (or `npm install`) in the repository root, or set {EnvironmentVariable}.");
        int port = FreePort();
        string folder = Path.Combine(Path.GetTempPath(), "startuphub-azurite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        ProcessStartInfo start = new(executable)
        {
            ArgumentList = { "--blobHost", "127.0.0.1", "--blobPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--location", folder, "--skipApiVersionCheck", "--disableTelemetry", "--silent" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start Azurite");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        DateTime deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode}");
            }

            try
            {
                using TcpClient client = new();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return (process, folder, port);
            }
            catch (SocketException)
            {
                await Task.Delay(200);
            }
        }

        Stop(process, folder);
        throw new TimeoutException("Azurite did not start listening within 60 s");
    }

    public static void Stop(Process? process, string? folder)
    {
        if (process is not null)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(10_000);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            process.Dispose();
        }

        if (folder is not null)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static string? FindAzurite()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "node_modules", ".bin", "azurite-blob");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static int FreePort()
    {
        using TcpListener listener = new(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}
