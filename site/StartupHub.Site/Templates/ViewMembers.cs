using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using Fluid;

namespace StartupHub.Site.Templates;

/// <summary>
/// Makes the members of a view type readable from templates. With the JIT this is Fluid's own registration (compiled
/// delegates). Ahead-of-time compiled (<c>startuphub-native</c>) those cannot be made: Fluid builds
/// <c>Func&lt;T, TResult&gt;</c> and its invoker with <c>MakeGenericType</c>, which needs code generated at run time
/// for value-type results, so members are read through reflection instead (the native project keeps this
/// assembly's metadata with <c>TrimmerRootAssembly</c>). Both register the same names for the same members, which
/// the native build's output test holds byte for byte (tests/StartupHub.Build.Tests/Native).
/// </summary>
internal static class ViewMembers
{
    /// <summary>What Fluid's registration reads of a type (and so what trimming must keep).</summary>
    public const DynamicallyAccessedMemberTypes Read =
        DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicMethods;

    public static void Register(MemberAccessStrategy strategy, [DynamicallyAccessedMembers(Read)] Type type)
    {
        if (RuntimeFeature.IsDynamicCodeSupported)
        {
            RegisterCompiled(strategy, type);
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetGetMethod() is not null && property.GetIndexParameters().Length == 0)
            {
                strategy.Register(type, strategy.MemberNameStrategy(property), new PropertyAccessor(property));
            }
        }

        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            strategy.Register(type, strategy.MemberNameStrategy(field), new FieldAccessor(field));
        }
    }

    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Called only when dynamic code is supported (the JIT).")]
    private static void RegisterCompiled(MemberAccessStrategy strategy, [DynamicallyAccessedMembers(Read)] Type type) => strategy.Register(type);

    private sealed class PropertyAccessor(PropertyInfo property) : IMemberAccessor
    {
        public object? Get(object obj, string name, TemplateContext ctx) => property.GetValue(obj);
    }

    private sealed class FieldAccessor(FieldInfo field) : IMemberAccessor
    {
        public object? Get(object obj, string name, TemplateContext ctx) => field.GetValue(obj);
    }
}
