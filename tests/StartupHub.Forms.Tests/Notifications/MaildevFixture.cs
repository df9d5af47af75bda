using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace StartupHub.Forms.Tests.Notifications;

/// <summary>
/// A real maildev (SMTP server + REST API). Uses STARTUPHUB_TEST_MAILDEV_SMTP and STARTUPHUB_TEST_MAILDEV_WEB
/// when set (test.sh starts one with scripts/start-maildev.sh); otherwise starts the pinned maildev from the
/// repo's node_modules on free loopback ports. If neither works the tests fail — they never skip, so CI
/// cannot pass without having checked the mails.
/// </summary>
public sealed class MaildevFixture : IAsyncLifetime
{
    public const string SmtpVariable = "STARTUPHUB_TEST_MAILDEV_SMTP";
    public const string WebVariable = "STARTUPHUB_TEST_MAILDEV_WEB";

    private Process? _process;

    public int SmtpPort { get; private set; }

    public HttpClient Web { get; private set; } = new();

    /// <summary>Forms settings that send through this maildev (it speaks plain SMTP, hence Security=None).</summary>
    public Dictionary<string, string?> SmtpSettings() => new()
    {
        ["Forms:Mail:Smtp:Host"] = "127.0.0.1",
        ["Forms:Mail:Smtp:Port"] = SmtpPort.ToString(CultureInfo.InvariantCulture),
        ["Forms:Mail:Smtp:Security"] = "None",
        ["Forms:Mail:FromAddress"] = "no-reply@startup-hub.example.jp",
    };

    public async Task InitializeAsync()
    {
        string? smtp = Environment.GetEnvironmentVariable(SmtpVariable);
        string? web = Environment.GetEnvironmentVariable(WebVariable);
        if (!string.IsNullOrWhiteSpace(smtp) && !string.IsNullOrWhiteSpace(web))
        {
            SmtpPort = int.Parse(smtp, CultureInfo.InvariantCulture);
            Web = new HttpClient { BaseAddress = new Uri(web) };
            return;
        }

        string executable = FindMaildev()
            ?? throw new InvalidOperationException($"maildev not found: run `npm ci` in the repository root, or set {SmtpVariable} and {WebVariable} (scripts/start-maildev.sh).");
        SmtpPort = FreePort();
        int webPort = FreePort();
        ProcessStartInfo start = new(executable)
        {
            ArgumentList = { "--smtp", SmtpPort.ToString(CultureInfo.InvariantCulture), "--ip", "127.0.0.1",
                "--web", webPort.ToString(CultureInfo.InvariantCulture), "--web-ip", "127.0.0.1", "--silent" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start maildev");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Web = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}") };
        DateTime deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"maildev exited with code {_process.ExitCode}");
            }

            if (await ListensAsync(SmtpPort) && await ListensAsync(webPort))
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("maildev did not start listening within 60 s");
    }

    public Task DisposeAsync()
    {
        Web.Dispose();
        if (_process is not null)
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
        }

        return Task.CompletedTask;
    }

    /// <summary>Every mail maildev holds for <paramref name="address"/> (GET /api/email), in arrival order.</summary>
    public async Task<List<JsonElement>> MailsToAsync(string address)
    {
        JsonElement all = await Web.GetFromJsonAsync<JsonElement>("/api/email");
        return all.EnumerateArray()
            .Where(m => m.GetProperty("to").EnumerateArray().Any(t => string.Equals(t.GetProperty("address").GetString(), address, StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    /// <summary>Waits until <paramref name="count"/> mails to <paramref name="address"/> have arrived.</summary>
    public async Task<List<JsonElement>> WaitForAsync(string address, int count = 1, double seconds = 15)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            List<JsonElement> mails = await MailsToAsync(address);
            if (mails.Count >= count || DateTime.UtcNow > deadline)
            {
                Assert.True(mails.Count >= count, $"expected {count} mail(s) to {address} at maildev, got {mails.Count}");
                return mails;
            }

            await Task.Delay(100);
        }
    }

    private static async Task<bool> ListensAsync(int port)
    {
        try
        {
            using TcpClient client = new();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Above the test binaries, or (with --artifacts-path elsewhere) above this source file.</summary>
    private static string? FindMaildev([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (DirectoryInfo? dir = start.Length == 0 ? null : new(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "node_modules", ".bin", "maildev");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public static int FreePort()
    {
        using TcpListener listener = new(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class MaildevCollection : ICollectionFixture<MaildevFixture>
{
    public const string Name = "maildev";
}
