using System.Reflection;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace StartupHub.E2E.Support;

/// <summary>
/// axe-core (the copy pinned inside Deque.AxeCore.Commons) run straight in the page, with results as Deque's
/// <see cref="AxeResult"/>. Deque.AxeCore.Playwright's <c>page.RunAxe</c> gives the same results but opens a
/// blank page per run to merge frame results (runPartial/finishRun); measured ~1.4 s against ~0.2 s per page,
/// which over 69 pages × 2 sizes is the difference between a 4-minute and a 1-minute suite. Our pages have no
/// same-origin iframes (the video player is third-party and only appears on click), so axe.run sees everything;
/// AxeAuditTests checks both report the same violations.
/// </summary>
public static class AxeAudit
{
    private static readonly Lazy<string> Source = new(() =>
    {
        using var stream = typeof(AxeResult).Assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")
            ?? throw new InvalidOperationException("Deque.AxeCore.Commons に axe.min.js がありません。");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>Injects axe (page evaluation is exempt from the CSP, as with RunAxe) and runs it on the document.</summary>
    public static async Task<AxeResult> RunAsync(IPage page, AxeRunOptions options)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(Source.Value);
        }

        var serialized = JsonConvert.SerializeObject(options, Formatting.None, new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore });
        // axe ignores option names it does not know; a wrongly cased runOnly would silently audit every rule.
        if (options.RunOnly is not null && !serialized.Contains("\"runOnly\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"axe のオプションが期待した形になりません: {serialized}");
        }

        var json = await page.EvaluateAsync<string>(
            "options => window.axe.run(document, JSON.parse(options)).then(r => JSON.stringify(r))",
            serialized);
        return new AxeResult(JObject.Parse(json));
    }
}
