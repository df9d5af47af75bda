using System.Diagnostics;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using StartupHub.E2E.Support;
using Xunit.Abstractions;

namespace StartupHub.E2E.Pages;

[Collection(ServedSiteCollection.Name)]
public sealed class TmpProfile(ServedSite site, ITestOutputHelper output)
{
    [Fact]
    public async Task Profile()
    {
        await using var probe = await PageProbe.DesktopAsync(site);
        var paths = site.PagePaths().Take(12).ToList();
        var source = File.ReadAllText(Directory.EnumerateFiles(Path.GetDirectoryName(typeof(AxeResult).Assembly.Location)!, "axe.min.js", SearchOption.AllDirectories).FirstOrDefault() ?? "/dev/null");
        output.WriteLine($"source {source.Length}");
        var inject = new Stopwatch(); var run = new Stopwatch(); var full = new Stopwatch(); var only = new Stopwatch();
        var opts = new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, ResultTypes = [ResultType.Violations] };
        foreach (var p in paths)
        {
            await probe.VisitAsync(p);
            full.Start(); await probe.Page.RunAxe(opts); full.Stop();
            await probe.VisitAsync(p);
            if (source.Length > 10) { inject.Start(); await probe.Page.EvaluateAsync(source); inject.Stop(); }
            run.Start(); await probe.Page.EvaluateAsync("() => axe.run(document, {runOnly:{type:'tag',values:['wcag2a','wcag2aa','wcag21a','wcag21aa']}, resultTypes:['violations']}).then(r => r.violations.length)"); run.Stop();
            only.Start(); await probe.Page.EvaluateAsync("() => axe.run(document, {runOnly:{type:'rule',values:['color-contrast']}, resultTypes:['violations']}).then(r => r.violations.length)"); only.Stop();
        }
        output.WriteLine($"full {full.ElapsedMilliseconds} inject {inject.ElapsedMilliseconds} run {run.ElapsedMilliseconds} contrast {only.ElapsedMilliseconds}");
    }
}
