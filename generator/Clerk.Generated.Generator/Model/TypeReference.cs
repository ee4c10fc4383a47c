using System;

namespace Clerk.Generated.Generator.Model;

/// <summary>What a schema means as a C# type; emitters turn it into type names and read/write code.</summary>
internal enum TypeReferenceKind
{
    /// <summary>Any JSON value, kept as a JsonElement.</summary>
    Json,
    String,
    Int64,
    Double,
    Boolean,
    DateTimeOffset,
    /// <summary>A generated model, enum or union, by its C# name.</summary>
    Named,
    /// <summary>A JSON array of <see cref="TypeReference.Element"/>.</summary>
    List,
    /// <summary>A JSON object used as a string-keyed map of <see cref="TypeReference.Element"/>.</summary>
    Map,
    /// <summary>A binary upload (multipart only).</summary>
    File,
    /// <summary>A well-known runtime type (the spec's ClerkErrors and ClerkError).</summary>
    Runtime,
}

/// <summary>A reference from a property, parameter or response to a type.</summary>
/// <param name="IsEnum">A generated open enum: a struct, so nullable means <c>Nullable&lt;T&gt;</c>.</param>
internal sealed record TypeReference(TypeReferenceKind Kind, string? Name = null, TypeReference? Element = null, bool IsEnum = false)
{
    public static readonly TypeReference Json = new(TypeReferenceKind.Json);
    public static readonly TypeReference String = new(TypeReferenceKind.String);
    public static readonly TypeReference Int64 = new(TypeReferenceKind.Int64);
    public static readonly TypeReference Double = new(TypeReferenceKind.Double);
    public static readonly TypeReference Boolean = new(TypeReferenceKind.Boolean);
    public static readonly TypeReference DateTimeOffset = new(TypeReferenceKind.DateTimeOffset);
    public static readonly TypeReference File = new(TypeReferenceKind.File);

    public static TypeReference Named(string name) => new(TypeReferenceKind.Named, name);

    public static TypeReference Enum(string name) => new(TypeReferenceKind.Named, name, IsEnum: true);

    public static TypeReference Runtime(string name) => new(TypeReferenceKind.Runtime, name);

    public static TypeReference ListOf(TypeReference element) => new(TypeReferenceKind.List, null, element);

    public static TypeReference MapOf(TypeReference element) => new(TypeReferenceKind.Map, null, element);

    /// <summary>True for types that are C# value types (and need <c>?</c> to be nullable).</summary>
    public bool IsValueType => IsEnum || Kind is TypeReferenceKind.Int64 or TypeReferenceKind.Double or TypeReferenceKind.Boolean
        or TypeReferenceKind.DateTimeOffset or TypeReferenceKind.Json;

    /// <summary>A short, identifier-safe description used to name JsonTypeInfo properties of lists and maps.</summary>
    public string DisplayName => Kind switch
    {
        TypeReferenceKind.Named or TypeReferenceKind.Runtime => Name!,
        TypeReferenceKind.List => Element!.DisplayName + "List",
        TypeReferenceKind.Map => Element!.DisplayName + "Map",
        TypeReferenceKind.Json => "JsonElement",
        _ => Kind.ToString(),
    };

    public override string ToString() => DisplayName;
}
