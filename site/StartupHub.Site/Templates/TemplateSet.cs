using System.Text;
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
    public string? Render(string layout, TemplateModel model, SourceLocation origin, DiagnosticBag diagnostics) =>
        Render(layout, model, origin, diagnostics, static text => text.ToString());

    /// <summary>
    /// Renders as above and hands the finished text to <paramref name="finish"/> while it is still in the layout
    /// buffer, so a caller that keeps something else (the page's UTF-8 bytes and link scan) never makes a page-sized string.
    /// The buffer is reused after <paramref name="finish"/> returns: nothing may keep it.
    /// </summary>
    public T? Render<T>(string layout, TemplateModel model, SourceLocation origin, DiagnosticBag diagnostics, Func<StringBuilder, T> finish)
        where T : class
    {
        var context = _engine.NewContext(model);
        var used = new List<ParsedTemplate>();
        var name = layout;
        var (body, output) = LayoutBuffers.Take();
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
                if (depth > 0)
                {
                    // The inner layout's text goes into the outer one as it is ({% renderbody %} copies the builder),
                    // never as a string of its own: that string was a page-sized allocation per page.
                    (body, output) = (output, body);
                    context.AmbientValues[LayoutTags.BodyKey] = body;
                }

                output.Clear();
                using (var writer = new StringWriter(output, System.Globalization.CultureInfo.InvariantCulture))
                {
                    parsed.Template.RenderAsync(writer, context, NullEncoder.Default, isolateContext: true).GetAwaiter().GetResult();
                }

                if (!context.AmbientValues.Remove(LayoutTags.LayoutKey, out var next))
                {
                    return finish(output);
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
        finally
        {
            LayoutBuffers.Return(body, output);
        }
    }
}

/// <summary>
/// Two text buffers per thread for a page's layout chain (the inner layout's text and the outer one being written),
/// reused page after page instead of growing new ones. A render that runs while another is using them (none does
/// today) takes fresh ones.
/// </summary>
internal static class LayoutBuffers
{
    /// <summary>Buffers grown beyond this (a very long list page) are let go rather than held by the thread.</summary>
    private const int KeepCapacity = 256 * 1024;

    [ThreadStatic]
    private static (StringBuilder, StringBuilder)? _kept;

    public static (StringBuilder Body, StringBuilder Output) Take()
    {
        if (_kept is { } kept)
        {
            _kept = null;
            return kept;
        }

        return (new StringBuilder(16 * 1024), new StringBuilder(16 * 1024));
    }

    public static void Return(StringBuilder body, StringBuilder output)
    {
        if (body.Capacity <= KeepCapacity && output.Capacity <= KeepCapacity)
        {
            body.Clear();
            output.Clear();
            _kept = (body, output);
        }
    }
}
