using Clerk.Generated.Generator.Model;
using Clerk.Generated.Generator.Parsing;

namespace Clerk.Generated.Generator.Emitting;

/// <summary>
/// Emits the typed webhook events of the webhooks spec: one event class per event type (over the runtime's
/// <c>ClerkWebhookEvent&lt;TData&gt;</c>), <c>ClerkWebhookEvents</c> with the type names and a resolver that turns an
/// envelope into its typed event (null for types this version does not know, which then stay raw), and
/// <c>OnUserCreated(...)</c>-style registrations on the runtime's handler registry.
/// </summary>
internal static class WebhookEventsEmitter
{
    public static string Emit(WebhookEventsModel spec)
    {
        var settings = spec.Settings;
        var contextName = SpecKinds.ContextName(SpecKind.Webhooks);
        var writer = FileHeader.Start("#pragma warning disable CS0618 // Obsolete payloads are part of the wire format.");
        writer.OpenBlock("namespace " + settings.Namespace);
        EmitCatalogue(writer, spec);
        foreach (var webhookEvent in spec.WebhookEvents)
        {
            writer.Line();
            EmitEventClass(writer, settings, contextName, webhookEvent);
        }

        writer.Line();
        EmitHandlerExtensions(writer, spec);
        writer.CloseBlock();
        return writer.ToString();
    }

    private static string EventClass(WebhookEventModel webhookEvent) => webhookEvent.Name + "Event";

    private static void EmitCatalogue(SourceWriter writer, WebhookEventsModel spec)
    {
        var settings = spec.Settings;
        writer.Line("/// <summary>The webhook event types of the spec, and the resolver from an envelope to its typed event.</summary>");
        writer.Line(CSharpTypes.GeneratedCodeAttribute);
        writer.OpenBlock(settings.Accessibility + " static partial class ClerkWebhookEvents");
        foreach (var webhookEvent in spec.WebhookEvents)
        {
            writer.Doc("summary", webhookEvent.Documentation ?? webhookEvent.EventType);
            writer.Line("public const string " + webhookEvent.Name + " = " + Naming.Literal(webhookEvent.EventType) + ";");
            writer.Line();
        }

        writer.Line("/// <summary>Every event type the spec describes.</summary>");
        writer.Line("public static global::System.Collections.Generic.IReadOnlyList<string> All { get; } = new[]");
        writer.OpenBlock();
        foreach (var webhookEvent in spec.WebhookEvents)
        {
            writer.Line(webhookEvent.Name + ",");
        }

        writer.CloseBlock(";");
        writer.Line();
        writer.Line("/// <summary>The typed event for <paramref name=\"envelope\"/>, or null when its type is not in this spec.</summary>");
        writer.Line("/// <exception cref=\"global::System.Text.Json.JsonException\">The event's data does not match its type.</exception>");
        writer.OpenBlock("public static " + CSharpTypes.Webhooks + ".ClerkWebhookEvent? Resolve(" + CSharpTypes.Webhooks + ".ClerkWebhookEnvelope envelope)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(envelope);");
        writer.Line("return envelope.Type switch");
        writer.OpenBlock();
        foreach (var webhookEvent in spec.WebhookEvents)
        {
            writer.Line(webhookEvent.Name + " => " + EventClass(webhookEvent) + ".FromEnvelope(envelope),");
        }

        writer.Line("_ => null,");
        writer.CloseBlock(";");
        writer.CloseBlock();
        writer.CloseBlock();
    }

    private static void EmitEventClass(SourceWriter writer, EmitSettings settings, string contextName, WebhookEventModel webhookEvent)
    {
        var dataType = CSharpTypes.Name(webhookEvent.DataType, settings);
        var className = EventClass(webhookEvent);
        writer.Doc("summary", "The <c>" + webhookEvent.EventType + "</c> event" + (webhookEvent.Documentation is { } doc ? ": " + doc : "."));
        var typeInfo = CSharpTypes.TypeInfo(webhookEvent.DataType, settings, contextName);
        // A struct payload cannot be null; a class payload can, and a null data object is a malformed event.
        var orThrow = webhookEvent.DataType.IsValueType
            ? string.Empty
            : " ?? throw new global::System.Text.Json.JsonException(\"The " + webhookEvent.EventType + " event carries no data.\")";
        writer.Lines($$"""
            {{CSharpTypes.GeneratedCodeAttribute}}
            {{settings.Accessibility}} sealed partial class {{className}} : {{CSharpTypes.Webhooks}}.ClerkWebhookEvent<{{dataType}}>
            {
                /// <summary>Creates the event from its envelope and its data.</summary>
                public {{className}}({{CSharpTypes.Webhooks}}.ClerkWebhookEnvelope envelope, {{dataType}} data)
                    : base(envelope, data)
                {
                }

                /// <summary>Reads the event's <c>data</c> into its model.</summary>
                /// <exception cref="global::System.Text.Json.JsonException">The data does not match the model.</exception>
                public static {{className}} FromEnvelope({{CSharpTypes.Webhooks}}.ClerkWebhookEnvelope envelope)
                {
                    global::System.ArgumentNullException.ThrowIfNull(envelope);
                    var data = global::System.Text.Json.JsonSerializer.Deserialize(envelope.Data, {{typeInfo}}){{orThrow}};
                    return new {{className}}(envelope, data);
                }
            }
            """);
    }

    private static void EmitHandlerExtensions(SourceWriter writer, WebhookEventsModel spec)
    {
        var settings = spec.Settings;
        var handlers = CSharpTypes.Webhooks + ".ClerkWebhookHandlers";
        writer.Lines($$"""
            /// <summary>Typed registrations for each event type of the spec.</summary>
            {{CSharpTypes.GeneratedCodeAttribute}}
            {{settings.Accessibility}} static partial class ClerkWebhookHandlersExtensions
            {
                /// <summary>Makes every handler receive typed events (and <c>UnknownClerkWebhookEvent</c> for types not in this spec).</summary>
                public static {{handlers}} UseTypedEvents(this {{handlers}} handlers) => handlers.UseEventResolver(ClerkWebhookEvents.Resolve);
            """);
        writer.Indent();
        foreach (var webhookEvent in spec.WebhookEvents)
        {
            var className = EventClass(webhookEvent);
            writer.Lines($$"""

                /// <summary>Runs <paramref name="handler"/> for every <c>{{Naming.XmlEscape(webhookEvent.EventType)}}</c> event.</summary>
                public static {{handlers}} On{{webhookEvent.Name}}(this {{handlers}} handlers, global::System.Func<{{className}}, global::System.Threading.CancellationToken, global::System.Threading.Tasks.Task> handler) =>
                    handlers.On(ClerkWebhookEvents.{{webhookEvent.Name}}, {{className}}.FromEnvelope, handler);
                """);
        }

        writer.CloseBlock();
    }
}
