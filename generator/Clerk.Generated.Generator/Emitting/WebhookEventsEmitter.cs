using Clerk.Generated.Generator.Model;
using Clerk.Generated.Generator.Parsing;

namespace Clerk.Generated.Generator.Emitting;

/// <summary>
/// Emits the catalogue of webhook event types from the webhooks spec: a constant per event type and a typed
/// reader for each event's <c>data</c>.
/// </summary>
internal static class WebhookEventsEmitter
{
    public static string Emit(SpecModel spec)
    {
        var settings = spec.Settings;
        var contextName = ContextEmitter.ContextName(spec.SpecKind);
        var writer = FileHeader.Start("#pragma warning disable CS0618 // Obsolete payloads are part of the wire format.");
        writer.Line("namespace " + settings.Namespace);
        writer.OpenBlock();
        writer.Line("/// <summary>The webhook event types of the spec, and typed readers for their <c>data</c>.</summary>");
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
        foreach (var webhookEvent in spec.WebhookEvents)
        {
            var dataType = CSharpTypes.Name(webhookEvent.DataType, settings);
            writer.Line();
            writer.Line("/// <summary>Reads the <c>data</c> of a <c>" + Naming.XmlEscape(webhookEvent.EventType) + "</c> event.</summary>");
            writer.Line("public static " + dataType + " Read" + webhookEvent.Name + "(" + CSharpTypes.JsonElement + " data) =>");
            writer.Indent();
            writer.Line("global::System.Text.Json.JsonSerializer.Deserialize(data, " + CSharpTypes.TypeInfo(webhookEvent.DataType, settings, contextName) + ")");
            writer.Indent().Line("?? throw new global::System.Text.Json.JsonException(\"The event carries no data.\");").Outdent();
            writer.Outdent();
        }

        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }
}
