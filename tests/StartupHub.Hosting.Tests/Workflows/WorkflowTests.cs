using System.Text.RegularExpressions;
using StartupHub.Cli;
using StartupHub.Hosting.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace StartupHub.Hosting.Tests.Workflows;

/// <summary>The GitHub Actions workflows parse and point at paths, scripts and CLI options that exist.</summary>
public sealed partial class WorkflowTests
{
    private static readonly string Folder = RepositoryRoot.Combine(".github", "workflows");

    public static TheoryData<string> Files() => [.. Names()];

    [Fact]
    public void The_three_workflows_exist() =>
        Assert.Equal(["ci.yml", "content-check.yml", "deploy.yml"], Names());

    private static List<string> Names() =>
        [.. Directory.EnumerateFiles(Folder, "*.yml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_workflow_parses_with_a_name_triggers_and_jobs_of_steps(string file)
    {
        var root = Load(file);
        Assert.False(string.IsNullOrWhiteSpace(Scalar(root, "name")));
        Assert.True(root.Children.ContainsKey("on"));
        var jobs = (YamlMappingNode)root["jobs"];
        Assert.NotEmpty(jobs.Children);
        foreach (var (_, job) in jobs.Children)
        {
            Assert.Equal("ubuntu-24.04", Scalar((YamlMappingNode)job, "runs-on"));
            Assert.NotEmpty(Steps((YamlMappingNode)job));
        }

        // Workflows get the least rights they need.
        Assert.True(root.Children.ContainsKey("permissions"));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_script_and_project_a_step_runs_exists(string file)
    {
        foreach (var run in Runs(Load(file)))
        {
            foreach (Match script in ScriptPath().Matches(run))
            {
                var relative = script.Groups["path"].Value;
                var path = RepositoryRoot.Combine(relative.StartsWith("./", StringComparison.Ordinal) ? relative[2..] : relative);
                Assert.True(File.Exists(path), $"{file}: {script.Value} does not exist");
            }

            foreach (Match project in ProjectPath().Matches(run))
            {
                Assert.True(Directory.Exists(RepositoryRoot.Combine(project.Groups["path"].Value)), $"{file}: {project.Value} does not exist");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Every_startuphub_option_a_step_uses_is_one_the_cli_knows(string file)
    {
        var usage = new StringWriter();
        Assert.Equal(0, await CliApp.RunAsync(["help"], usage, TextWriter.Null));
        foreach (var run in Runs(Load(file)).Where(r => r.Contains("site/StartupHub.Cli", StringComparison.Ordinal) && r.Contains(" -- ", StringComparison.Ordinal)))
        {
            var arguments = run[(run.IndexOf(" -- ", StringComparison.Ordinal) + 4)..];
            Assert.Matches("^(build|check|serve) ", arguments);
            foreach (Match option in Option().Matches(arguments))
            {
                Assert.Contains(option.Value, usage.ToString(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Ci_runs_the_readme_test_command_on_every_push_and_pull_request()
    {
        var root = Load("ci.yml");
        var on = (YamlMappingNode)root["on"];
        Assert.True(on.Children.ContainsKey("push"));
        Assert.True(on.Children.ContainsKey("pull_request"));
        Assert.Contains(Runs(root), r => r.Trim() is "./.ci/run" or "./test.sh");
        Assert.Contains("exec ./test.sh", File.ReadAllText(RepositoryRoot.Combine(".ci", "run")), StringComparison.Ordinal);
        Assert.Contains("./test.sh", File.ReadAllText(RepositoryRoot.Combine("README.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Content_check_runs_on_content_and_theme_changes_and_writes_the_japanese_summary()
    {
        var root = Load("content-check.yml");
        var paths = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)root["on"])["pull_request"])["paths"]).Select(p => ((YamlScalarNode)p).Value!).ToList();
        Assert.Equal(["content/**", "themes/**"], paths);
        Assert.All(paths, p => Assert.True(Directory.Exists(RepositoryRoot.Combine(p.TrimEnd('*', '/')))));
        var check = Assert.Single(Runs(root), r => r.Contains(" check ", StringComparison.Ordinal));
        Assert.Contains("--format github", check, StringComparison.Ordinal);
        Assert.Contains("--summary \"$GITHUB_STEP_SUMMARY\"", check, StringComparison.Ordinal);
        Assert.True(File.Exists(RepositoryRoot.Combine("docs", "editing", "guide.md")));
        Assert.Contains("## チェックのメッセージ", File.ReadAllText(RepositoryRoot.Combine("docs", "editing", "guide.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Deploy_uploads_the_built_site_and_the_published_api_with_named_secrets()
    {
        var root = Load("deploy.yml");
        var text = File.ReadAllText(Path.Combine(Folder, "deploy.yml"));
        var build = (YamlMappingNode)((YamlMappingNode)root["jobs"])["build_and_deploy"];
        var steps = Steps(build);
        var runs = steps.Where(s => s.Children.ContainsKey("run")).Select(s => Scalar(s, "run")).ToList();
        var deploy = Assert.Single(steps, s => s.Children.ContainsKey("uses") && Scalar(s, "uses").StartsWith("Azure/static-web-apps-deploy@", StringComparison.Ordinal));
        var with = (YamlMappingNode)deploy["with"];
        Assert.Equal("upload", Scalar(with, "action"));
        Assert.Equal("true", Scalar(with, "skip_app_build"));
        Assert.Equal("true", Scalar(with, "skip_api_build"));

        // The deployed folders are the ones earlier steps write: the generator's output and the published functions/.
        var app = Scalar(with, "app_location");
        var api = Scalar(with, "api_location");
        Assert.Contains(runs, r => r.Contains("site/StartupHub.Cli", StringComparison.Ordinal) && r.Contains($"build --out {app}", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.StartsWith("dotnet publish functions/", StringComparison.Ordinal) && r.EndsWith($"-o {api}", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.Contains("--preview", StringComparison.Ordinal));

        Assert.Equal("${{ secrets.AZURE_STATIC_WEB_APPS_API_TOKEN }}", Scalar(with, "azure_static_web_apps_api_token"));
        // Nothing that looks like a literal credential is committed.
        Assert.DoesNotMatch("(token|secret|password)\\s*:\\s*[\"']?[A-Za-z0-9_\\-]{16,}", text);
        Assert.True(((YamlMappingNode)root["jobs"]).Children.ContainsKey("close_preview"));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Actions_are_pinned_to_a_version(string file)
    {
        foreach (var step in ((YamlMappingNode)Load(file)["jobs"]).Children.Values.SelectMany(j => Steps((YamlMappingNode)j)))
        {
            if (step.Children.ContainsKey("uses"))
            {
                Assert.Matches("^[A-Za-z0-9-]+/[A-Za-z0-9-]+@v[0-9]+$", Scalar(step, "uses"));
            }
        }
    }

    private static YamlMappingNode Load(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(Folder, file))));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static List<YamlMappingNode> Steps(YamlMappingNode job) => [.. ((YamlSequenceNode)job["steps"]).Cast<YamlMappingNode>()];

    private static IEnumerable<string> Runs(YamlMappingNode root) =>
        ((YamlMappingNode)root["jobs"]).Children.Values.SelectMany(j => Steps((YamlMappingNode)j))
            .Where(s => s.Children.ContainsKey("run")).Select(s => Scalar(s, "run"));

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value ?? "";

    [GeneratedRegex(@"(?<path>\./[\w./-]+|scripts/[\w.-]+\.sh)")]
    private static partial Regex ScriptPath();

    [GeneratedRegex(@"(?:--project|publish|build) (?<path>(?:site|functions)/[\w.]+)")]
    private static partial Regex ProjectPath();

    [GeneratedRegex(@"--[a-z][a-z-]+")]
    private static partial Regex Option();
}
