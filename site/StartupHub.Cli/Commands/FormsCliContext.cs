using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StartupHub.Forms;
using StartupHub.Forms.Audit;
using StartupHub.Forms.Security;

namespace StartupHub.Cli.Commands;

/// <summary>
/// The forms services as the Functions app configures them: section <c>Forms</c> from environment variables
/// (<c>Forms__Storage__ConnectionString</c>, <c>Forms__Encryption__Keys__{id}</c>, <c>Forms__HmacSecret</c>, ...),
/// defaulting to the local store <c>&lt;root&gt;/.data/forms</c>. Keys and secrets are only resolved when they
/// already exist, so a command never generates a fresh key next to data sealed under another one.
/// </summary>
internal sealed class FormsCliContext : IDisposable
{
    private readonly ServiceProvider _services;

    private FormsCliContext(ServiceProvider services, FormsOptions options)
    {
        _services = services;
        Options = options;
    }

    public FormsOptions Options { get; }

    public bool IsLocal => string.IsNullOrWhiteSpace(Options.Storage.ConnectionString);

    public string LocalRoot => Path.GetFullPath(Options.Storage.LocalPath);

    /// <summary>Where the data is, for messages and reports (never the connection string: it holds the account key).</summary>
    public string Location => IsLocal ? LocalRoot : $"Azure Blob Storage コンテナー {Options.Storage.Container}";

    public string LocalKeyFile => Path.Combine(LocalRoot, FormsServiceCollectionExtensions.LocalKeyFileName);

    public string LocalSecretFile => Path.Combine(LocalRoot, ".hmac-secret");

    public bool HasEncryptionKey => Options.Encryption.Keys.Count > 0 || (IsLocal && File.Exists(LocalKeyFile));

    public bool HasHmacSecret => !string.IsNullOrEmpty(Options.HmacSecret) || (IsLocal && File.Exists(LocalSecretFile));

    public static FormsCliContext Create(string root, IReadOnlyDictionary<string, string?>? overrides)
    {
        ConfigurationBuilder builder = new();
        builder.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Forms:Storage:LocalPath"] = Path.Combine(root, ".data", "forms"),
            ["Forms:ManifestPath"] = Path.Combine(root, "_site", "forms-manifest.json"),
        });
        builder.AddEnvironmentVariables();
        if (overrides is not null)
        {
            builder.AddInMemoryCollection(overrides);
        }

        IConfiguration configuration = builder.Build();
        ServiceCollection services = new();
        services.AddLogging();
        services.AddStartupHubForms(configuration);
        ServiceProvider provider = services.BuildServiceProvider();
        return new FormsCliContext(provider, provider.GetRequiredService<IOptions<FormsOptions>>().Value);
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public T Create<T>() => ActivatorUtilities.CreateInstance<T>(_services);

    /// <summary>The signer when the HMAC secret exists; null means the audit log can only be checked unsigned.</summary>
    public AuditSigner? SignerIfAvailable() => HasHmacSecret ? Get<AuditSigner>() : null;

    public RecordSealer RequireSealer() => HasEncryptionKey ? Get<RecordSealer>()
        : throw new InvalidOperationException("暗号鍵がありません（Forms:Encryption:Keys も、保存先フォルダーの .kek もありません）。");

    public void Dispose() => _services.Dispose();
}
