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
    private const string Webhooks = "global::Clerk.Generated.Webhooks";

    public static string Emit(WebhookEventsModel spec)
    {
        var settings = spec.Settings;
        var contextName = SpecKinds.ContextName(SpecKind.Webhooks);
        var writer = FileHeader.Start("#pragma warning disable CS0618 // Obsolete payloads are part of the wire format.");
        writer.Line("namespace " + settings.Namespace);
        writer.OpenBlock();
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
        writer.OpenBlock("public static " + Webhooks + ".ClerkWebhookEvent? Resolve(" + Webhooks + ".ClerkWebhookEnvelope envelope)");
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
        writer.Line(CSharpTypes.GeneratedCodeAttribute);
        writer.OpenBlock(settings.Accessibility + " sealed partial class " + className + " : " + Webhooks + ".ClerkWebhookEvent<" + dataType + ">");
        writer.Line("/// <summary>Creates the event from its envelope and its data.</summary>");
        writer.Line("public " + className + "(" + Webhooks + ".ClerkWebhookEnvelope envelope, " + dataType + " data)");
        writer.Indent().Line(": base(envelope, data)").Outdent();
        writer.OpenBlock();
        writer.CloseBlock();
        writer.Line();
        writer.Line("/// <summary>Reads the event's <c>data</c> into its model.</summary>");
        writer.Line("/// <exception cref=\"global::System.Text.Json.JsonException\">The data does not match the model.</exception>");
        writer.OpenBlock("public static " + className + " FromEnvelope(" + Webhooks + ".ClerkWebhookEnvelope envelope)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(envelope);");
        if (webhookEvent.DataType.IsValueType)
        {
            writer.Line("var data = global::System.Text.Json.JsonSerializer.Deserialize(envelope.Data, " + CSharpTypes.TypeInfo(webhookEvent.DataType, settings, contextName) + ");");
        }
        else
        {
            writer.Line("var data = global::System.Text.Json.JsonSerializer.Deserialize(envelope.Data, " + CSharpTypes.TypeInfo(webhookEvent.DataType, settings, contextName) + ")");
            writer.Indent().Line("?? throw new global::System.Text.Json.JsonException(\"The " + webhookEvent.EventType + " event carries no data.\");").Outdent();
        }
        writer.Line("return new " + className + "(envelope, data);");
        writer.CloseBlock();
        writer.CloseBlock();
    }

    private static void EmitHandlerExtensions(SourceWriter writer, WebhookEventsModel spec)
    {
        var settings = spec.Settings;
        var handlers = Webhooks + ".ClerkWebhookHandlers";
        writer.Line("/// <summary>Typed registrations for each event type of the spec.</summary>");
        writer.Line(CSharpTypes.GeneratedCodeAttribute);
        writer.OpenBlock(settings.Accessibility + " static partial class ClerkWebhookHandlersExtensions");
        writer.Line("/// <summary>Makes every handler receive typed events (and <c>UnknownClerkWebhookEvent</c> for types not in this spec).</summary>");
        writer.Line("public static " + handlers + " UseTypedEvents(this " + handlers + " handlers) => handlers.UseEventResolver(ClerkWebhookEvents.Resolve);");
        foreach (var webhookEvent in spec.WebhookEvents)
        {
            var className = EventClass(webhookEvent);
            writer.Line();
            writer.Line("/// <summary>Runs <paramref name=\"handler\"/> for every <c>" + Naming.XmlEscape(webhookEvent.EventType) + "</c> event.</summary>");
            writer.Line("public static " + handlers + " On" + webhookEvent.Name + "(this " + handlers + " handlers, global::System.Func<" + className + ", global::System.Threading.CancellationToken, global::System.Threading.Tasks.Task> handler) =>");
            writer.Indent().Line("handlers.On(ClerkWebhookEvents." + webhookEvent.Name + ", " + className + ".FromEnvelope, handler);").Outdent();
        }

        writer.CloseBlock();
    }
}
