using Microsoft.CodeAnalysis;

namespace Clerk.Generated.Generator.Tests.Support;

/// <summary>
/// The public surface of generated code as sorted text, one signature per line: what users can see and call,
/// so a regeneration shows in review what changed for them. Bodies, private members and attributes other than
/// [Obsolete] are left out.
/// </summary>
internal static class PublicApi
{
    private static readonly SymbolDisplayFormat Format = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters | SymbolDisplayGenericsOptions.IncludeTypeConstraints,
        memberOptions: SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeParameters |
            SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeModifiers |
            SymbolDisplayMemberOptions.IncludeAccessibility | SymbolDisplayMemberOptions.IncludeExplicitInterface |
            SymbolDisplayMemberOptions.IncludeConstantValue | SymbolDisplayMemberOptions.IncludeRef,
        kindOptions: SymbolDisplayKindOptions.IncludeTypeKeyword,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName |
            SymbolDisplayParameterOptions.IncludeDefaultValue | SymbolDisplayParameterOptions.IncludeParamsRefOut |
            SymbolDisplayParameterOptions.IncludeExtensionThis | SymbolDisplayParameterOptions.IncludeOptionalBrackets,
        propertyStyle: SymbolDisplayPropertyStyle.ShowReadWriteDescriptor,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes |
            SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier |
            SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    /// <summary>Every public type and member declared in <paramref name="rootNamespace"/> (and below), sorted.</summary>
    public static List<string> Describe(Compilation compilation, string rootNamespace)
    {
        var lines = new List<string>();
        foreach (var type in Types(compilation.Assembly.GlobalNamespace).Where(t => IsVisible(t) && InNamespace(t, rootNamespace)))
        {
            lines.Add(Obsolete(type) + Accessibility(type) + type.ToDisplayString(Format) + Bases(type));
            foreach (var member in type.GetMembers().Where(m => !m.IsImplicitlyDeclared && IsVisible(m) && m is not INamedTypeSymbol))
            {
                if (member is IMethodSymbol { MethodKind: MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove })
                {
                    continue;
                }

                var required = member is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true } ? "required " : string.Empty;
                var text = member.ToDisplayString(Format);
                if (required.Length > 0 && !text.Contains(" required ", StringComparison.Ordinal))
                {
                    text = "[required] " + text;
                }

                lines.Add(Obsolete(member) + text);
            }
        }

        // Sorted by signature (an [Obsolete] mark does not move a member away from its type), then by the whole line.
        return lines
            .OrderBy(l => l.StartsWith("[Obsolete] ", StringComparison.Ordinal) ? l["[Obsolete] ".Length..] : l, StringComparer.Ordinal)
            .ThenBy(l => l, StringComparer.Ordinal)
            .ToList();
    }

    private static IEnumerable<INamedTypeSymbol> Types(INamespaceSymbol ns) =>
        ns.GetTypeMembers().SelectMany(Nested).Concat(ns.GetNamespaceMembers().SelectMany(Types));

    private static IEnumerable<INamedTypeSymbol> Nested(INamedTypeSymbol type) =>
        new[] { type }.Concat(type.GetTypeMembers().SelectMany(Nested));

    private static bool InNamespace(INamedTypeSymbol type, string root)
    {
        var ns = type.ContainingNamespace.ToDisplayString();
        return ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal);
    }

    private static bool IsVisible(ISymbol symbol)
    {
        for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            if (current.DeclaredAccessibility is not (Microsoft.CodeAnalysis.Accessibility.Public or Microsoft.CodeAnalysis.Accessibility.Protected or Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }

        return true;
    }

    private static string Accessibility(INamedTypeSymbol type) =>
        (type.IsStatic ? "static " : string.Empty) + (type.IsSealed && type.TypeKind == TypeKind.Class && !type.IsStatic ? "sealed " : string.Empty) +
        (type.IsAbstract && type.TypeKind == TypeKind.Class && !type.IsStatic ? "abstract " : string.Empty) +
        (type.IsReadOnly && type.TypeKind == TypeKind.Struct ? "readonly " : string.Empty);

    private static string Bases(INamedTypeSymbol type)
    {
        var bases = new List<string>();
        if (type.BaseType is { SpecialType: not (SpecialType.System_Object or SpecialType.System_ValueType or SpecialType.System_Enum) } baseType)
        {
            bases.Add(baseType.ToDisplayString(Format));
        }

        bases.AddRange(type.Interfaces.Select(i => i.ToDisplayString(Format)).Order(StringComparer.Ordinal));
        return bases.Count == 0 ? string.Empty : " : " + string.Join(", ", bases);
    }

    private static string Obsolete(ISymbol symbol) =>
        symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.ObsoleteAttribute") ? "[Obsolete] " : string.Empty;
}
