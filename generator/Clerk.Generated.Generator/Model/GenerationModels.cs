namespace Clerk.Generated.Generator.Model;

/// <summary>What the consumer chose on the spec item that shapes every file: namespace and visibility.</summary>
internal sealed record EmitSettings(string Namespace, bool IsPublic)
{
    public string Accessibility => IsPublic ? "public" : "internal";
}

/// <summary>The whole parse of one spec file: pure data, no Roslyn or OpenAPI objects inside.</summary>
internal sealed record SpecModel(
    EmitSettings Settings,
    SpecKind SpecKind,
    string ApiVersion,
    string Title,
    ServerModel Server,
    EquatableArray<TypeModel> Types,
    EquatableArray<GroupModel> Groups,
    EquatableArray<WebhookEventModel> WebhookEvents,
    EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>A type to emit, with the settings of the spec it came from (the unit of the per-type output).</summary>
internal sealed record TypeToEmit(EmitSettings Settings, TypeModel Type);

/// <summary>A group to emit, with its settings and its summary (which may name the API, so it is decided per spec).</summary>
internal sealed record GroupToEmit(EmitSettings Settings, string Summary, GroupModel Group)
{
    /// <summary>The group's own documentation as its summary, else which operations of which API (<c>info.title</c>) it holds.</summary>
    public static GroupToEmit Of(EmitSettings settings, string apiTitle, GroupModel group) =>
        new(settings, group.Documentation ?? "The " + group.Name + " operations of " + TitlePhrase(apiTitle) + ".", group);

    private static string TitlePhrase(string apiTitle) =>
        apiTitle.Length == 0 ? "the Clerk API"
        : apiTitle.StartsWith("the ", System.StringComparison.OrdinalIgnoreCase) ? apiTitle
        : "the " + apiTitle;
}

/// <summary>A webhook event type (<c>user.created</c>) and the model of its payload.</summary>
internal sealed record WebhookEventModel(string EventType, string Name, TypeReference DataType, string? Documentation);
