using Fluid;
using StartupHub.Site.Content;
using StartupHub.Site.Diagnostics;

namespace StartupHub.Site.Templates;

/// <summary>The layouts and partials of one build, parsed; rendering is thread-safe (a context per page).</summary>
public sealed class TemplateSet
{
    private const int MaxLayoutDepth = 8;
    private readonly TemplateEngine _engine;

    internal TemplateSet(TemplateEngine engine, IReadOnlyDictionary<string, ParsedTemplate> layouts, IReadOnlyDictionary<string, ParsedTemplate> partials)
    {
        _engine = engine;
        Layouts = layouts;
        Partials = partials;
    }

    public IReadOnlyDictionary<string, ParsedTemplate> Layouts { get; }

    public IReadOnlyDictionary<string, ParsedTemplate> Partials { get; }

    public bool HasErrors => Layouts.Values.Concat(Partials.Values).Any(t => t.Template is null);

    public bool HasLayout(string name) => Layouts.ContainsKey(name);

    /// <summary>
    /// Renders <paramref name="layout"/> and the base layouts it names. Returns null after reporting a
    /// diagnostic (at the template's line when it can be found, else at <paramref name="origin"/>).
    /// </summary>
    public string? Render(string layout, TemplateModel model, SourceLocation origin, DiagnosticBag diagnostics)
    {
        var context = _engine.NewContext(model);
        var used = new List<ParsedTemplate>();
        var name = layout;
        string? body = null;
        try
        {
            for (var depth = 0; depth < MaxLayoutDepth; depth++)
            {
                if (!Layouts.TryGetValue(name, out var parsed) || parsed.Template is null)
                {
                    if (parsed is null)
                    {
                        diagnostics.Error(origin, TemplateErrors.MissingLayoutCode,
                            $"レイアウト「{name}.liquid」が見つかりません（layouts/ と themes/{_engine.Directories.ThemeName}/layouts/ を探しました）。");
                    }

                    return null;
                }

                used.Add(parsed);
                if (body is not null)
                {
                    context.AmbientValues[LayoutTags.BodyKey] = body;
                }

                body = parsed.Template.Render(context);
                if (!context.AmbientValues.Remove(LayoutTags.LayoutKey, out var next))
                {
                    return body;
                }

                name = (string)next;
            }

            diagnostics.Error(origin, TemplateErrors.RenderErrorCode, $"レイアウト「{layout}」の {{% layout %}} が{MaxLayoutDepth}段を超えて入れ子になっています（循環していませんか）。");
            return null;
        }
        catch (UndefinedTemplateValueException e)
        {
            var at = TemplateErrors.Locate(used.AsEnumerable().Reverse().Concat(Partials.Values), e.Name, asFilter: false);
            diagnostics.Error(at ?? origin, TemplateErrors.UndefinedVariableCode,
                $"テンプレートの変数「{e.Name}」は定義されていません（{model.PageUrl} を表示中）。綴りと docs/content-model.md のテンプレート変数を確認してください。");
            return null;
        }
        catch (Exception e) when (e is FluidException or InvalidOperationException or ArgumentException or FormatException or NullReferenceException or InvalidCastException)
        {
            var filter = TemplateErrors.UndefinedFilterName(e.Message);
            if (filter is not null)
            {
                var at = TemplateErrors.Locate(used.AsEnumerable().Reverse().Concat(Partials.Values), filter, asFilter: true);
                diagnostics.Error(at ?? origin, TemplateErrors.UndefinedFilterCode,
                    $"テンプレートのフィルター「{filter}」はありません。使えるフィルターは docs/content-model.md を確認してください。");
                return null;
            }

            var location = used.Count > 0 ? new SourceLocation(used[^1].DisplayPath, 1, 1) : origin;
            diagnostics.Error(location, TemplateErrors.RenderErrorCode,
                $"テンプレートの表示中にエラーが起きました（{model.PageUrl}）: {e.Message.Split('\n')[0]}");
            return null;
        }
    }
}
