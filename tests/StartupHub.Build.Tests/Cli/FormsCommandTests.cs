using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StartupHub.Cli;
using StartupHub.Forms;
using StartupHub.Forms.Manifest;
using StartupHub.Forms.Registration;

namespace StartupHub.Build.Tests.Cli;

/// <summary>
/// <c>startuphub forms audit-verify | export | purge</c> end to end on a local store whose keys were generated
/// by the forms library itself (<c>.kek</c>, <c>.hmac-secret</c>), as with <c>serve</c>.
/// </summary>
public sealed class FormsCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "startuphub-forms-cli-" + Guid.NewGuid().ToString("N"));

    public FormsCommandTests() => Directory.CreateDirectory(_root);

    private string Data => Path.Combine(_root, ".data", "forms");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        using StringWriter stdout = new();
        using StringWriter stderr = new();
        int exit = await CliApp.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Three registrations through the real registration service (sealed records, audit entries).</summary>
    private async Task RegisterAsync()
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Forms:Storage:LocalPath"] = Data })
            .Build();
        ServiceCollection services = new();
        services.AddLogging();
        services.AddStartupHubForms(configuration);
        await using ServiceProvider provider = services.BuildServiceProvider();
        RegistrationService registrations = provider.GetRequiredService<RegistrationService>();
        ManifestEvent evt = new("cli-event", "テストイベント", "chiba", "notable", "/events/cli-event/",
            DateTimeOffset.Parse("2099-10-15T18:00:00+09:00", CultureInfo.InvariantCulture),
            DateTimeOffset.Parse("2099-10-15T21:00:00+09:00", CultureInfo.InvariantCulture),
            "scheduled",
            new ManifestWindow(DateTimeOffset.Parse("2020-01-01T00:00:00+09:00", CultureInfo.InvariantCulture), null),
            [new ManifestSession("main", "seminar", "本編", null, null, 2, true)]);
        for (int i = 0; i < 3; i++)
        {
            string email = $"cli{i}@example.jp";
            ValidRegistration valid = new(new Registrant("千葉 花子", "ちば はなこ", email, "株式会社テスト", "startup", null, null, null), ["main"], "2025-08-01");
            Assert.IsType<RegisterOutcome.Created>(await registrations.RegisterAsync(evt, valid, null, System.Text.Encoding.UTF8.GetBytes(email), CancellationToken.None));
        }
    }

    [Fact]
    public async Task Verify_export_and_purge_work_on_the_local_store_and_tampering_is_reported()
    {
        await RegisterAsync();
        Assert.True(File.Exists(Path.Combine(Data, ".kek")));

        (int exit, string stdout, string stderr) = await Run("forms", "audit-verify", "--root", _root);
        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("監査ログ", stdout, StringComparison.Ordinal);
        Assert.Contains(": 3 件", stdout, StringComparison.Ordinal);
        Assert.Contains("問題は見つかりませんでした。", stdout, StringComparison.Ordinal);

        // Tampering with the log is reported with the entry and reason, exit code 1.
        string segment = Directory.EnumerateFiles(Path.Combine(Data, "audit", "segments")).Order(StringComparer.Ordinal).First();
        byte[] original = await File.ReadAllBytesAsync(segment);
        await File.WriteAllBytesAsync(segment, System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(original).Replace("\"create\"", "\"cancel\"", StringComparison.Ordinal)));
        (exit, stdout, _) = await Run("forms", "audit-verify", "--root", _root);
        Assert.Equal(1, exit);
        Assert.Contains("改ざんまたは欠落を検出しました: 1 番 hash-mismatch", stdout, StringComparison.Ordinal);
        await File.WriteAllBytesAsync(segment, original);

        string export = Path.Combine(_root, "export");
        (exit, stdout, stderr) = await Run("forms", "export", "--root", _root, "--out", export);
        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("イベント参加申込 cli-event: 3 件", stdout, StringComparison.Ordinal);
        Assert.Contains("cli2@example.jp", await File.ReadAllTextAsync(Path.Combine(export, "registrations", "cli-event.json")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(export, "manifest.json")));

        string report = Path.Combine(_root, "report", "deletion.json");
        (exit, _, stderr) = await Run("forms", "purge", "--root", _root, "--report", report);
        Assert.Equal(2, exit);
        Assert.Contains("--confirm", stderr, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(Data, "ledgers")), "purge without --confirm deleted something");

        (exit, stdout, stderr) = await Run("forms", "purge", "--root", _root, "--report", report, "--confirm");
        Assert.True(exit == 0, stdout + stderr);
        Assert.True(File.Exists(report));
        string markdown = await File.ReadAllTextAsync(Path.ChangeExtension(report, ".md"));
        Assert.Contains("個人情報等の削除報告書", markdown, StringComparison.Ordinal);
        Assert.Contains("`.kek`", markdown, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Data, ".kek")));
        Assert.False(File.Exists(Path.Combine(Data, ".hmac-secret")));
        string[] left = Directory.EnumerateFiles(Data, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Data, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("audit/", StringComparison.Ordinal) && f != ".lock").ToArray();
        Assert.Empty(left);

        // The kept audit log still verifies (unsigned now: the secret went with the keys): 3 creates, the export, the purge.
        (exit, stdout, _) = await Run("forms", "audit-verify", "--root", _root);
        Assert.Equal(0, exit);
        Assert.Contains("署名は確認していません", stdout, StringComparison.Ordinal);
        Assert.Contains(": 5 件", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_forms_subcommands_are_usage_errors()
    {
        (int exit, _, string stderr) = await Run("forms", "shred");
        Assert.Equal(2, exit);
        Assert.Contains("shred", stderr, StringComparison.Ordinal);
    }
}
