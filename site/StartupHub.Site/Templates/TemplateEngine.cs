using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Fluid;
using StartupHub.Site.Diagnostics;
using StartupHub.Site.Markdown;
using StartupHub.Site.Templates.Filters;

namespace StartupHub.Site.Templates;

/// <summary>
/// Fluid set up once: parser with the layout tags, options with snake_case members, strict variables and
/// filters, the site filters and the partial lookup. <see cref="Load"/> parses only files that changed
/// since the last call, so <c>serve</c> rebuilds reuse every untouched template.
/// </summary>
public sealed class TemplateEngine
{
    private readonly FluidParser _parser = new(new FluidParserOptions { AllowFunctions = false });
    private readonly TemplateOptions _options;
    private readonly ConcurrentDictionary<string, ParsedTemplate> _parsed = new(StringComparer.Ordinal);
    private readonly PartialFileProvider _partials = new();

    [UnconditionalSuppressMessage("Trimming", "IL2072",
        Justification = "The view types are listed in SiteView.TemplateTypes; startuphub-native keeps all of this assembly's metadata (TrimmerRootAssembly).")]
    public TemplateEngine(TemplateDirectories directories, MarkdownRenderer markdown, IEnumerable<Type> modelTypes)
    {
        Directories = directories;
        LayoutTags.Register(_parser);

        _options = new TemplateOptions
        {
            FileProvider = _partials,
            TemplateCache = _partials,
            DefaultFileExtension = ".liquid",
            CultureInfo = CultureInfo.GetCultureInfo("ja-JP"),
            TimeZone = TimeZoneInfo.CreateCustomTimeZone("JST", JapaneseDates.JstOffset, "JST", "JST"),
            StrictFilters = true,
            // StrictVariables would also reject a member that exists but is null (page.paginator on a
            // detail page), so strictness comes from the Undefined hook, which fires only for unknown names.
            Undefined = name => throw new UndefinedTemplateValueException(name),
        };
        _options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        foreach (var type in modelTypes)
        {
            // With the JIT, Fluid compiles accessor delegates; without dynamic code (startuphub-native) it reads
            // members through reflection, which needs the metadata kept (TrimmerRootAssembly there).
            _options.MemberAccessStrategy.Register(type);
            TrackingAccessor.Wrap(_options.MemberAccessStrategy, type);
        }

        SiteFilters.Register(_options.Filters, markdown);
    }

    public TemplateDirectories Directories { get; }

    /// <summary>Scans the layout and partial folders and parses what is new or changed; parse errors become diagnostics.</summary>
    public TemplateSet Load(DiagnosticBag diagnostics)
    {
        var layouts = new Dictionary<string, ParsedTemplate>(StringComparer.Ordinal);
        foreach (var directory in Directories.Layouts)
        {
            foreach (var file in LiquidFiles(directory, topOnly: true))
            {
                // The first folder wins: the site's override shadows the theme's file of the same name.
                layouts.TryAdd(Path.GetFileNameWithoutExtension(file), Parse(file, diagnostics));
            }
        }

        var partials = new Dictionary<string, ParsedTemplate>(StringComparer.Ordinal);
        foreach (var directory in Directories.Partials)
        {
            foreach (var file in LiquidFiles(directory, topOnly: false))
            {
                var name = Path.GetRelativePath(directory, file).Replace('\\', '/');
                partials.TryAdd(name, Parse(file, diagnostics));
            }
        }

        // Fluid asks for "name.liquid" (DefaultFileExtension) relative to the partials folders.
        _partials.Use(partials);
        return new TemplateSet(this, layouts, partials);
    }

    internal TemplateContext NewContext(TemplateModel model)
    {
        var context = new TemplateContext(_options);
        context.SetValue("site", model.Site);
        context.SetValue("page", model.Page);
        context.SetValue("assets", model.Assets);
        context.AmbientValues[SiteFilters.BaseUrlKey] = model.BaseUrl;
        return context;
    }

    private static IEnumerable<string> LiquidFiles(string directory, bool topOnly) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.liquid", topOnly ? SearchOption.TopDirectoryOnly : SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal)
            : [];

    private ParsedTemplate Parse(string file, DiagnosticBag diagnostics)
    {
        var stamp = FileStamp.Of(file);
        if (_parsed.TryGetValue(file, out var cached) && cached.Stamp == stamp)
        {
            Report(cached, diagnostics);
            return cached;
        }

        var source = File.ReadAllText(file);
        var display = Directories.Relative(file);
        var parsed = _parser.TryParse(source, out var template, out var error)
            ? new ParsedTemplate(file, display, source, template, stamp)
            : new ParsedTemplate(file, display, source, null, stamp) { Error = error };
        _parsed[file] = parsed;
        Report(parsed, diagnostics);
        return parsed;
    }

    /// <summary>A cached broken template is reported again on every build until it is fixed.</summary>
    private static void Report(ParsedTemplate parsed, DiagnosticBag diagnostics)
    {
        if (parsed.Error is null)
        {
            return;
        }

        var (message, line, column) = TemplateErrors.ParseError(parsed.Error);
        diagnostics.Error(new(parsed.DisplayPath, line, column), TemplateErrors.ParseErrorCode,
            $"テンプレートを解析できません: {message}");
    }
}
