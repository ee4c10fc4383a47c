namespace Clerk.Generated.Generator.Model;

/// <summary>What a spec item describes, from its <c>ClerkSpec</c> metadata.</summary>
internal enum SpecKind
{
    /// <summary>An HTTP API (<c>ClerkSpec="true"</c>, <c>"bapi"</c>, <c>"fapi"</c> or <c>"platform"</c>): models, groups, client, catalogue, DI.</summary>
    Api,

    /// <summary>Clerk's webhook events (<c>ClerkSpec="webhooks"</c>): models and typed events, no client.</summary>
    Webhooks,
}

/// <summary>The per-kind facts every step agrees on: metadata values, default namespace, context name.</summary>
internal static class SpecKinds
{
    /// <summary>The namespace of an API spec's types unless <c>ClerkNamespace</c> says otherwise.</summary>
    public const string ApiNamespace = "Clerk.Generated";

    /// <summary>
    /// The namespace of webhook events unless <c>ClerkNamespace</c> says otherwise: both specs define models such as
    /// <c>User</c>, so the events get a namespace of their own.
    /// </summary>
    public const string WebhooksNamespace = "Clerk.Generated.WebhookEvents";

    /// <summary>What the diagnostic for an unknown <c>ClerkSpec</c> value tells the user to write.</summary>
    public const string AcceptedValues = "use 'true' for an API spec (or name it: 'bapi', 'fapi', 'platform'), 'webhooks' for Clerk's webhook events spec, or 'false' to leave the file out";

    /// <summary>Reads <c>ClerkSpec</c> (trimmed, any case); false for a value that names no kind.</summary>
    public static bool TryParse(string value, out SpecKind kind)
    {
        switch (value.Trim().ToLowerInvariant())
        {
            case "true":
            case "bapi":
            case "fapi":
            case "platform":
                kind = SpecKind.Api;
                return true;
            case "webhooks":
                kind = SpecKind.Webhooks;
                return true;
            default:
                kind = SpecKind.Api;
                return false;
        }
    }

    /// <summary>The API a <c>ClerkSpec</c> value names, or null when it leaves the spec to say (<c>"true"</c>).</summary>
    public static ApiKind? ApiKindOf(string value) => value.Trim().ToLowerInvariant() switch
    {
        "bapi" => ApiKind.Backend,
        "fapi" => ApiKind.Frontend,
        "platform" => ApiKind.Platform,
        _ => null,
    };

    /// <summary>True when <c>ClerkSpec</c> turns the item off (<c>"false"</c>), as if the metadata were absent.</summary>
    public static bool IsOff(string value) => string.IsNullOrWhiteSpace(value) || value.Trim().Equals("false", System.StringComparison.OrdinalIgnoreCase);

    public static string DefaultNamespace(SpecKind kind) => kind == SpecKind.Webhooks ? WebhooksNamespace : ApiNamespace;

    /// <summary>The name of the generated JSON context (distinct per kind, so both specs can share a namespace).</summary>
    public static string ContextName(SpecKind kind) => kind == SpecKind.Webhooks ? "ClerkWebhookJsonContext" : "ClerkJsonContext";
}
