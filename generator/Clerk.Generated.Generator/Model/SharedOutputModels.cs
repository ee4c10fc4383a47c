using System.Linq;

namespace Clerk.Generated.Generator.Model;

// The files shared by a whole spec each get the narrowest value-equal model they are emitted from, so an edit that
// does not touch what a file shows (a schema's description, an operation's parameters) leaves that file cached.

/// <summary>A group as the client, its interface and the DI registration see it: names and docs, no operations.</summary>
internal sealed record GroupSummary(string Name, string PropertyName, string ClassName, string InterfaceName, string? Documentation)
{
    public static GroupSummary Of(GroupModel group) =>
        new(group.Name, group.PropertyName, group.ClassName, group.InterfaceName, group.Documentation);
}

/// <summary>What <c>ClerkClient</c>, <c>IClerkClient</c> and <c>ClerkApiInfo</c> are emitted from.</summary>
internal sealed record ClientModel(EmitSettings Settings, string Title, string ApiVersion, ServerModel Server, EquatableArray<GroupSummary> Groups)
{
    public static ClientModel Of(SpecModel spec) =>
        new(spec.Settings, spec.Title, spec.ApiVersion, spec.Server, spec.Groups.Select(GroupSummary.Of).ToEquatableArray());
}

/// <summary>What <c>AddClerkClient</c> is emitted from: the namespace, visibility and the group interfaces it registers.</summary>
internal sealed record ServiceRegistrationModel(EmitSettings Settings, ApiKind Kind, EquatableArray<GroupSummary> Groups)
{
    public static ServiceRegistrationModel Of(ClientModel client) => new(client.Settings, client.Server.Kind, client.Groups);
}

/// <summary>One entry of the <c>ClerkEndpoints</c> catalogue: its field name and what the runtime's <c>ClerkEndpoint</c> holds.</summary>
/// <param name="Security">The operation's own security; null when it follows the spec's.</param>
internal sealed record EndpointModel(string Name, string OperationId, string HttpMethod, string PathTemplate, string Group, string? Summary, bool IsDeprecated, SecurityModel? Security);

/// <summary>What the <c>ClerkEndpoints</c> catalogue is emitted from.</summary>
internal sealed record EndpointsModel(EmitSettings Settings, EquatableArray<EndpointModel> Endpoints)
{
    public static EndpointsModel Of(SpecModel spec) => new(
        spec.Settings,
        spec.Groups
            .SelectMany(g => g.Operations)
            .Select(o => new EndpointModel(o.EndpointName, o.OperationId, o.HttpMethod, o.PathTemplate, o.Group, o.Summary, o.IsDeprecated, o.Security))
            .ToEquatableArray());
}

/// <summary>What the JSON context is emitted from: every type it holds metadata for, in order.</summary>
internal sealed record ContextModel(EmitSettings Settings, SpecKind SpecKind, string Title, EquatableArray<TypeReference> Types);

/// <summary>What the typed webhook events are emitted from.</summary>
internal sealed record WebhookEventsModel(EmitSettings Settings, EquatableArray<WebhookEventModel> WebhookEvents)
{
    public static WebhookEventsModel Of(SpecModel spec) => new(spec.Settings, spec.WebhookEvents);
}
