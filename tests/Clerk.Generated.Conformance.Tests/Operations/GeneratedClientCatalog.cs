using System.Reflection;
using Clerk.Generated.Http;

namespace Clerk.Generated.Conformance.Tests.Operations;

/// <summary>One public method of a generated group and the operation it calls.</summary>
public sealed record GeneratedMethod(PropertyInfo Group, MethodInfo Method, string OperationId)
{
    public bool IsPaging => Method.ReturnType.IsGenericType && Method.ReturnType.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>);

    public override string ToString() => $"{Group.Name}.{Method.Name}({string.Join(", ", Method.GetParameters().Select(p => p.Name))}) -> {OperationId}";
}

/// <summary>
/// Finds, by reflection over <c>ClerkClient</c>, every group method and the operation it sends. The operation is
/// read from the method's IL: the generated code builds its <see cref="ClerkRequest"/> from a <c>ClerkEndpoints</c>
/// field (whose value names the operation) or passes the operationId as a string literal, in the method itself or in
/// the private helper or lambda it delegates to.
/// </summary>
public static class GeneratedClientCatalog
{
    public static IReadOnlyList<GeneratedMethod> Discover(Type clientType, IReadOnlySet<string> operationIds)
    {
        var methods = new List<GeneratedMethod>();
        foreach (var group in clientType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.PropertyType.Namespace == clientType.Namespace && p.PropertyType.Name.EndsWith("Api", StringComparison.Ordinal)))
        {
            foreach (var method in group.PropertyType.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                var found = StringsIn(method, depth: 0).Where(operationIds.Contains).Distinct(StringComparer.Ordinal).ToArray();
                if (found.Length == 1)
                {
                    methods.Add(new GeneratedMethod(group, method, found[0]));
                }
            }
        }

        return methods;
    }

    private static IEnumerable<string> StringsIn(MethodBase method, int depth)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var module = method.Module;
        for (var i = 0; i < il.Length; i++)
        {
            switch (il[i])
            {
                case 0x72 when i + 4 < il.Length: // ldstr <string token>
                    var text = Try<string>(() => module.ResolveString(BitConverter.ToInt32(il, i + 1)));
                    if (text is not null)
                    {
                        yield return text;
                    }

                    break;
                case 0x7E when i + 4 < il.Length: // ldsfld <field token>
                    var field = Try<FieldInfo>(() => module.ResolveField(BitConverter.ToInt32(il, i + 1), method.DeclaringType?.GetGenericArguments(), null));
                    if (field is { IsStatic: true } && field.FieldType == typeof(ClerkEndpoint) && field.GetValue(null) is ClerkEndpoint endpoint)
                    {
                        yield return endpoint.OperationId;
                    }

                    break;
                case 0x28 or 0x6F when depth < 3 && i + 4 < il.Length: // call / callvirt
                case 0xFE when depth < 3 && i + 5 < il.Length && il[i + 1] == 0x06: // ldftn (a lambda)
                    var tokenAt = il[i] == 0xFE ? i + 2 : i + 1;
                    var callee = Try<MethodBase>(() => module.ResolveMethod(BitConverter.ToInt32(il, tokenAt), method.DeclaringType?.GetGenericArguments(), null));
                    if (callee is not null && callee.Module == module && IsGeneratedHelper(callee, method))
                    {
                        foreach (var nested in StringsIn(callee, depth + 1))
                        {
                            yield return nested;
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>Only follow calls into the same group (its private cores, its other overloads) or its lambdas' closures.</summary>
    private static bool IsGeneratedHelper(MethodBase callee, MethodBase caller) =>
        callee.DeclaringType == caller.DeclaringType
        || callee.DeclaringType?.DeclaringType == caller.DeclaringType
        || callee.DeclaringType == caller.DeclaringType?.DeclaringType;

    private static T? Try<T>(Func<T?> read) where T : class
    {
        try
        {
            return read();
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (BadImageFormatException)
        {
            return null;
        }
    }
}
