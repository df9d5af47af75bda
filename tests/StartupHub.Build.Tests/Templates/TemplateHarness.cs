using StartupHub.Site.Content;
using StartupHub.Site.Diagnostics;
using StartupHub.Site.Markdown;
using StartupHub.Site.Templates;

namespace StartupHub.Build.Tests.Templates;

/// <summary>Renders one inline template through the real engine (filters, strictness, error mapping).</summary>
internal sealed class TemplateHarness : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "startuphub-templates", Guid.NewGuid().ToString("N"));

    public TemplateHarness(string template, IDictionary<string, string>? partials = null)
    {
        Write("themes/default/layouts/t.liquid", template);
        foreach (var (name, text) in partials ?? new Dictionary<string, string>())
        {
            Write($"themes/default/partials/{name}.liquid", text);
        }

        Engine = new TemplateEngine(new TemplateDirectories(_root, "default"), new MarkdownRenderer(), [typeof(Model)]);
    }

    public TemplateEngine Engine { get; }

    public (string? Output, IReadOnlyList<Diagnostic> Diagnostics) Render(string baseUrl = "https://example.jp/", object? page = null)
    {
        var bag = new DiagnosticBag();
        var set = Engine.Load(bag);
        var model = new TemplateModel(new Model(), page ?? new Model(), new Dictionary<string, string> { ["css/site.css"] = "/assets/css/site.0123abcd.css" }, new Uri(baseUrl), "/test/");
        var output = set.HasErrors ? null : set.Render("t", model, new SourceLocation("content/site.yml", 1, 1), bag);
        return (output, bag.ToSortedList());
    }

    public string RenderOk(string baseUrl = "https://example.jp/")
    {
        var (output, diagnostics) = Render(baseUrl);
        Assert.True(output is not null && diagnostics.Count == 0, string.Join("\n", diagnostics));
        return output!.Trim();
    }

    public void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    public sealed class Model
    {
        public string Title => "タイトル";

        public DateTimeOffset Start => new(2025, 10, 15, 18, 0, 0, TimeSpan.FromHours(9));

        public string? Missing => null;
    }
}
