using System.Diagnostics;
using System.Security.Cryptography;
using StartupHub.E2E.Support;
using StartupHub.Forms.Tests.Infrastructure;

namespace StartupHub.E2E.Flows;

/// <summary>
/// The flow site once more, with the forms API on Azure Blob storage (Azurite) as in production: a unique
/// container per run, and the settings Azure storage makes mandatory (HMAC secret, encryption key). The settings go
/// into the temporary site's appsettings.json, not into environment variables, because <c>serve</c> runs inside
/// the test process and the other served sites must keep the local store.
/// </summary>
public sealed class AzuriteFlowSite : IAsyncLifetime
{
    private Process? _azurite;
    private string? _azuriteFolder;
    private FlowSite? _flow;

    public ServedSite Site => _flow?.Site ?? throw new InvalidOperationException("AzuriteFlowSite is not initialised.");

    /// <summary>The blob container this run writes to (never shared with another run or test project).</summary>
    public string Container { get; } = "e2e-" + Guid.NewGuid().ToString("N");

    /// <summary>The Azurite connection string the site's API uses.</summary>
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var connection = Environment.GetEnvironmentVariable(AzuriteFixture.EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(connection))
        {
            // In CI a missing Azurite is a broken pipeline, not a reason to test less.
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(
                    $"{AzuriteFixture.EnvironmentVariable} が設定されていません。CI では Azurite の接続文字列が必要です（test.sh が scripts/start-azurite.sh で起動して設定します）。");
            }

            (_azurite, _azuriteFolder, var port) = await AzuriteFixture.StartAsync();
            connection = AzuriteFixture.ConnectionStringFor(port);
        }

        ConnectionString = connection;
        _flow = new FlowSite(new Dictionary<string, object>
        {
            ["Storage"] = new Dictionary<string, string> { ["ConnectionString"] = connection, ["Container"] = Container },
            ["HmacSecret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            ["Encryption"] = new Dictionary<string, object>
            {
                ["Keys"] = new Dictionary<string, string> { ["k1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
                ["ActiveKeyId"] = "k1",
            },
        });
        await _flow.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (_flow is not null)
        {
            await _flow.DisposeAsync();
        }

        AzuriteFixture.Stop(_azurite, _azuriteFolder);
    }
}
