using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Fluid;
using StartupHub.Site.Build.Incremental;
using StartupHub.Site.Views;

namespace StartupHub.Site.Templates;

/// <summary>
/// Wraps Fluid's accessor of every member of a content view (<see cref="IContentView"/>) so that reading any
/// of them records the view's file for the page being rendered (<see cref="PageReads"/>). One place covers every
/// member a theme may use, including members added later, and nothing is recorded outside a page render.
/// </summary>
internal sealed class TrackingAccessor(IMemberAccessor inner) : IMemberAccessor
{
    public object Get(object obj, string name, TemplateContext ctx)
    {
        if (obj is IContentView view)
        {
            PageReads.Record(view.ReadKey);
        }

        return inner.Get(obj, name, ctx);
    }

    /// <summary>What Fluid's registration reads of a view type, and so what trimming must keep (startuphub-native).</summary>
    private const DynamicallyAccessedMemberTypes ReadMembers =
        DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicMethods;

    /// <summary>Replaces the accessors <see cref="MemberAccessStrategyExtensions.Register(MemberAccessStrategy, Type)"/> made for a content view's members.</summary>
    public static void Wrap(MemberAccessStrategy strategy, [DynamicallyAccessedMembers(ReadMembers)] Type type)
    {
        if (!typeof(IContentView).IsAssignableFrom(type))
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = strategy.MemberNameStrategy(property);
            if (strategy.GetAccessor(type, name) is { } accessor and not TrackingAccessor)
            {
                strategy.Register(type, name, new TrackingAccessor(accessor));
            }
        }
    }
}
