using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StartupHub.Forms.Http;
using StartupHub.Forms.Manifest;
using StartupHub.Forms.Notifications;
using StartupHub.Forms.Registration;
using StartupHub.Forms.Security;
using StartupHub.Forms.Storage;

namespace StartupHub.Forms;

/// <summary>Registers the forms API in any host: the Functions worker or the local `serve` server.</summary>
public static class FormsServiceCollectionExtensions
{
    /// <summary>
    /// Binds section "Forms" and registers the handlers and their dependencies. Everything is added with
    /// TryAdd, so a host (or a test) may register its own <see cref="IFormStore"/>, <see cref="TimeProvider"/>
    /// or <see cref="IFormsManifestProvider"/> first.
    /// </summary>
    public static IServiceCollection AddStartupHubForms(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FormsOptions>().Bind(configuration.GetSection(FormsOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IFormsManifestProvider, FileFormsManifestProvider>();
        services.TryAddSingleton<IFormStore>(CreateStore);
        services.TryAddSingleton(CreateSecrets);
        services.TryAddSingleton(CreateSealer);
        services.TryAddSingleton<FormIssueTokens>();
        services.TryAddSingleton<Audit.AuditSigner>();
        services.TryAddSingleton<Audit.HashChainedAuditLog>();
        services.TryAddSingleton<Audit.IAuditLog>(sp => sp.GetRequiredService<Audit.HashChainedAuditLog>());
        services.TryAddSingleton<Audit.AuditRecorder>();
        services.TryAddSingleton<ClientAddressResolver>();
        services.TryAddSingleton<ClientRateLimiter>();
        services.TryAddSingleton<LoadShedder>();
        services.TryAddSingleton<Registration.Journal.LedgerAuditPump>();
        services.AddHostedService<Registration.Journal.LedgerAuditCatchUpService>();
        services.TryAddSingleton<LedgerCoordinator>();
        services.AddStartupHubNotifications();
        services.TryAddSingleton<RegistrationService>();
        services.TryAddSingleton<RequestGuard>();
        services.TryAddSingleton<FormsHandlers>();
        services.TryAddSingleton<FormPostRateLimiter>();
        services.TryAddSingleton<FormTokenGate>();
        services.TryAddSingleton<ApplicationHandlers>();
        // Staff API (docs/staff-api.md); TryAdd also for the submission store, which the applications register too.
        services.TryAddSingleton<Applications.SubmissionStore>();
        services.TryAddSingleton<Staff.EventRegistrationReader>();
        services.TryAddSingleton<Staff.StaffQueries>();
        services.TryAddSingleton<StaffHandlers>();
        return services;
    }

    private static IFormStore CreateStore(IServiceProvider services)
    {
        FormsStorageOptions storage = services.GetRequiredService<IOptions<FormsOptions>>().Value.Storage;
        return string.IsNullOrWhiteSpace(storage.ConnectionString)
            ? new LocalFolderFormStore(storage.LocalPath)
            : new AzureBlobFormStore(storage.ConnectionString, storage.Container);
    }

    /// <summary>
    /// With Azure storage a configured secret is mandatory (every instance must sign alike). With the local
    /// store a secret is generated once and kept beside the data, so cancellation links keep working
    /// across `serve` restarts without anyone having to configure anything.
    /// </summary>
    private static FormSecrets CreateSecrets(IServiceProvider services)
    {
        FormsOptions options = services.GetRequiredService<IOptions<FormsOptions>>().Value;
        if (!string.IsNullOrEmpty(options.HmacSecret))
        {
            return new FormSecrets(options.HmacSecret);
        }

        if (!string.IsNullOrWhiteSpace(options.Storage.ConnectionString))
        {
            throw new InvalidOperationException("Forms:HmacSecret must be configured when Forms:Storage:ConnectionString is set.");
        }

        string folder = Path.GetFullPath(options.Storage.LocalPath);
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, ".hmac-secret");
        if (!File.Exists(path))
        {
            try
            {
                using FileStream stream = new(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                stream.Write(System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(48))));
                if (services.GetService<ILoggerFactory>()?.CreateLogger(typeof(FormsServiceCollectionExtensions)) is { } logger)
                {
                    Log.SecretGenerated(logger, DateTimeOffset.UtcNow, path);
                }
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first; use theirs.
            }
        }

        return new FormSecrets(File.ReadAllText(path).Trim());
    }

    /// <summary>
    /// Configured keys are mandatory with Azure storage. With the local store a key is generated once and
    /// kept beside the data (like the HMAC secret), so `serve` needs no set-up; deleting the folder deletes
    /// the key with the data.
    /// </summary>
    private static RecordSealer CreateSealer(IServiceProvider services)
    {
        FormsOptions options = services.GetRequiredService<IOptions<FormsOptions>>().Value;
        FormsEncryptionOptions encryption = options.Encryption;
        if (encryption.Keys.Count > 0)
        {
            Dictionary<string, byte[]> keys = encryption.Keys.ToDictionary(k => k.Key, k => DecodeKey(k.Key, k.Value), StringComparer.Ordinal);
            string active = encryption.ActiveKeyId ?? (keys.Count == 1 ? keys.Keys.Single()
                : throw new InvalidOperationException("Forms:Encryption:ActiveKeyId must name one of Forms:Encryption:Keys."));
            return new RecordSealer(keys, active);
        }

        if (!string.IsNullOrWhiteSpace(options.Storage.ConnectionString))
        {
            throw new InvalidOperationException("Forms:Encryption:Keys must be configured when Forms:Storage:ConnectionString is set.");
        }

        string folder = Path.GetFullPath(options.Storage.LocalPath);
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, LocalKeyFileName);
        if (!File.Exists(path))
        {
            try
            {
                using FileStream stream = new(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                stream.Write(System.Text.Encoding.ASCII.GetBytes("local-1=" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first; use theirs.
            }
        }

        string[] parts = File.ReadAllText(path).Trim().Split('=', 2);
        return new RecordSealer(new Dictionary<string, byte[]> { [parts[0]] = DecodeKey(parts[0], parts[1]) }, parts[0]);
    }

    /// <summary>The local store's generated key-encryption key, "id=base64".</summary>
    public const string LocalKeyFileName = ".kek";

    private static byte[] DecodeKey(string id, string base64)
    {
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException($"Forms:Encryption:Keys:{id} is not base64.", ex);
        }
    }
}
