using Microsoft.CodeAnalysis;

namespace Clerk.Generated.Generator.Diagnostics;

/// <summary>Every diagnostic the generator reports. Ids are documented in AnalyzerReleases.Unshipped.md.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Clerk.Generated";

    public static readonly DiagnosticDescriptor SpecUnreadable = new(
        "CLERKGEN001", "Clerk spec could not be read",
        "The Clerk spec could not be read: {0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor SpecInvalid = new(
        "CLERKGEN002", "Clerk spec is invalid",
        "The Clerk spec is invalid at {0}: {1}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedOpenApiVersion = new(
        "CLERKGEN003", "Unsupported OpenAPI version",
        "OpenAPI version '{0}' is not supported; use an OpenAPI 3.0.x document", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedSchema = new(
        "CLERKGEN004", "Unsupported schema construct",
        "Schema {0} uses {1}, which is not supported; it is generated as a JsonElement", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NameCollision = new(
        "CLERKGEN005", "Generated names collide",
        "{0} and {1} both map to the C# name '{2}'; the second is generated as '{3}'", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnresolvedReference = new(
        "CLERKGEN006", "Unresolved reference",
        "The reference '{0}' at {1} cannot be resolved; it is generated as a JsonElement", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor OperationSkipped = new(
        "CLERKGEN007", "Operation skipped",
        "Operation {0} is not generated: {1}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnknownTag = new(
        "CLERKGEN008", "Unknown tag in ClerkTags",
        "ClerkTags names '{0}', which is neither a tag nor a group of the spec", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidSetting = new(
        "CLERKGEN009", "Invalid generator setting",
        "{0} '{1}' is not valid: {2}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedContent = new(
        "CLERKGEN010", "Unsupported content type",
        "Operation {0} uses content type '{1}', which is not supported; use the raw endpoint for it", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor SpecWarning = new(
        "CLERKGEN011", "Clerk spec warning",
        "The Clerk spec has a problem at {0}: {1}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedSecurityScheme = new(
        "CLERKGEN012", "Unsupported security scheme",
        "Security scheme '{0}' ({1}) has no Clerk client option; the security alternatives that need it are left out, and an operation left with none fails with ClerkCredentialsRequiredException before sending (call it through SendRawAsync and add the credential to the request yourself)",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static DiagnosticDescriptor? Find(string id) => id switch
    {
        "CLERKGEN001" => SpecUnreadable,
        "CLERKGEN002" => SpecInvalid,
        "CLERKGEN003" => UnsupportedOpenApiVersion,
        "CLERKGEN004" => UnsupportedSchema,
        "CLERKGEN005" => NameCollision,
        "CLERKGEN006" => UnresolvedReference,
        "CLERKGEN007" => OperationSkipped,
        "CLERKGEN008" => UnknownTag,
        "CLERKGEN009" => InvalidSetting,
        "CLERKGEN010" => UnsupportedContent,
        "CLERKGEN011" => SpecWarning,
        "CLERKGEN012" => UnsupportedSecurityScheme,
        _ => null,
    };
}
