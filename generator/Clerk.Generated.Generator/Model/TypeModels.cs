namespace Clerk.Generated.Generator.Model;

internal enum TypeModelKind
{
    Object,
    Enum,
    Union,
}

/// <summary>One generated type: an object model, an open enum or a union, with everything its emitters need.</summary>
internal sealed record TypeModel(
    string Name,
    TypeModelKind Kind,
    string SchemaPointer,
    string? Documentation,
    bool IsDeprecated,
    EquatableArray<PropertyModel> Properties,
    EquatableArray<EnumMemberModel> EnumMembers,
    EquatableArray<UnionCaseModel> UnionCases,
    string? DiscriminatorProperty,
    bool IsPatchBody,
    bool IsFormBody);

/// <summary>One property of an object model.</summary>
/// <param name="IsRequired">Listed in the schema's <c>required</c>: a C# <c>required</c> member, always written, even when null.</param>
/// <param name="IsNullable">The spec allows null as a value (<c>nullable: true</c>).</param>
/// <param name="IsTriState">PATCH bodies: absent, null and a value are three different things.</param>
internal sealed record PropertyModel(
    string JsonName,
    string Name,
    TypeReference Type,
    bool IsRequired,
    bool IsNullable,
    bool IsTriState,
    string? Documentation,
    bool IsDeprecated)
{
    /// <summary>
    /// Whether the C# property admits null: when the spec allows null, or the property may be absent. A deprecated
    /// property cannot be a C# <c>required</c> member (CS9042), so it is nullable instead.
    /// </summary>
    public bool IsNullableInCSharp => IsNullable || !IsRequired || IsDeprecated;

    /// <summary>Whether the C# property carries the <c>required</c> modifier.</summary>
    public bool IsRequiredInCSharp => IsRequired && !IsDeprecated;
}

/// <summary>One known value of an open enum.</summary>
internal sealed record EnumMemberModel(string Value, string Name, string? Documentation);

/// <summary>One alternative of a union; <paramref name="DiscriminatorValue"/> is null for shape-matched unions.</summary>
/// <param name="RequiredJsonProperties">For shape matching: the properties an object must have to be this case.</param>
internal sealed record UnionCaseModel(
    string Name,
    TypeReference Type,
    string? DiscriminatorValue,
    EquatableArray<string> RequiredJsonProperties,
    EquatableArray<string> KnownJsonProperties);
