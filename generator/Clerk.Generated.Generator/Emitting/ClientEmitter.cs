using System.Linq;
using Clerk.Generated.Generator.Model;
using Clerk.Generated.Generator.Parsing;

namespace Clerk.Generated.Generator.Emitting;

/// <summary>
/// Emits what ties the groups together: <c>ClerkClient</c> (one property per group, the raw escape hatch),
/// <c>ClerkApiInfo</c>, the <c>ClerkEndpoints</c> catalogue of every operation, and <c>AddClerkClient</c> for DI.
/// </summary>
internal static class ClientEmitter
{
    public static string EmitClient(SpecModel spec)
    {
        var settings = spec.Settings;
        var transport = CSharpTypes.Runtime + ".ClerkHttpTransport";
        var options = CSharpTypes.Runtime + ".ClerkClientOptions";
        var writer = FileHeader.Start();
        writer.Line("namespace " + settings.Namespace);
        writer.OpenBlock();
        writer.Line("/// <summary>The Clerk Backend API: one property per group of operations.</summary>");
        writer.Line("/// <remarks>Thread-safe; create one per application (or register it with <c>AddClerkClient</c>).</remarks>");
        writer.Line(CSharpTypes.GeneratedCodeAttribute);
        writer.OpenBlock(settings.Accessibility + " sealed partial class ClerkClient");
        writer.Line("/// <summary>Creates a client over the runtime's shared, connection-recycling HTTP client (no DI needed).</summary>");
        writer.Line("public ClerkClient(" + options + " options)");
        writer.Indent().Line(": this(new " + transport + "(options, global::" + settings.Namespace + ".ClerkApiInfo.Version))").Outdent();
        writer.OpenBlock();
        writer.CloseBlock();
        writer.Line();
        writer.Line("/// <summary>Creates a client over an existing <see cref=\"global::System.Net.Http.HttpClient\"/> (for example from IHttpClientFactory).</summary>");
        writer.Line("public ClerkClient(global::System.Net.Http.HttpClient httpClient, " + options + " options)");
        writer.Indent().Line(": this(new " + transport + "(httpClient, options, global::" + settings.Namespace + ".ClerkApiInfo.Version))").Outdent();
        writer.OpenBlock();
        writer.CloseBlock();
        writer.Line();
        writer.Line("/// <summary>Creates a client over a configured transport.</summary>");
        writer.OpenBlock("public ClerkClient(" + transport + " transport)");
        writer.Line("Transport = transport ?? throw new global::System.ArgumentNullException(nameof(transport));");
        foreach (var group in spec.Groups)
        {
            writer.Line(group.PropertyName + " = new global::" + settings.Namespace + "." + group.ClassName + "(transport);");
        }

        writer.CloseBlock();
        writer.Line();
        writer.Line("/// <summary>The transport every operation goes through.</summary>");
        writer.Line("public " + transport + " Transport { get; }");
        foreach (var group in spec.Groups)
        {
            writer.Line();
            writer.Doc("summary", group.Documentation ?? "The " + group.Name + " operations.");
            writer.Line("public global::" + settings.Namespace + "." + group.ClassName + " " + group.PropertyName + " { get; }");
        }

        writer.Line();
        writer.Line("/// <summary>Calls any operation of the catalogue directly and returns the raw response (the caller disposes it).</summary>");
        writer.Line("/// <param name=\"endpoint\">The operation, from <see cref=\"global::" + settings.Namespace + ".ClerkEndpoints\"/>.</param>");
        writer.Line("/// <param name=\"pathParameters\">Values for the placeholders of the path template.</param>");
        writer.Line("/// <param name=\"configure\">Adds query parameters or a body before sending.</param>");
        writer.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        writer.OpenBlock("public global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> SendRawAsync(" + CSharpTypes.Runtime + ".ClerkEndpoint endpoint, global::System.Collections.Generic.IReadOnlyDictionary<string, string>? pathParameters = null, global::System.Action<" + CSharpTypes.Runtime + ".ClerkRequest>? configure = null, global::System.Threading.CancellationToken cancellationToken = default)");
        writer.Line("var request = " + CSharpTypes.Runtime + ".ClerkRequest.ForEndpoint(endpoint, pathParameters);");
        writer.Line("configure?.Invoke(request);");
        writer.Line("return Transport.SendRawAsync(request, cancellationToken);");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.Line();
        writer.Line("/// <summary>What the client was generated from.</summary>");
        writer.Line(CSharpTypes.GeneratedCodeAttribute);
        writer.OpenBlock(settings.Accessibility + " static class ClerkApiInfo");
        writer.Line("/// <summary>The spec's version, sent as the Clerk-API-Version header.</summary>");
        writer.Line("public const string Version = " + Naming.Literal(spec.ApiVersion) + ";");
        writer.Line();
        writer.Line("/// <summary>The spec's title.</summary>");
        writer.Line("public const string Title = " + Naming.Literal(spec.Title) + ";");
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }

    public static string EmitEndpoints(SpecModel spec)
    {
        var settings = spec.Settings;
        var endpoint = CSharpTypes.Runtime + ".ClerkEndpoint";
        var writer = FileHeader.Start();
        writer.Line("namespace " + settings.Namespace);
        writer.OpenBlock();
        writer.Line("/// <summary>Every operation of the spec: its id, HTTP method, path template and group.</summary>");
        writer.Line(CSharpTypes.GeneratedCodeAttribute);
        writer.OpenBlock(settings.Accessibility + " static partial class ClerkEndpoints");
        var names = new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal) { "All", "ClerkEndpoints" };
        var fields = new System.Collections.Generic.List<string>();
        foreach (var operation in spec.Groups.SelectMany(g => g.Operations))
        {
            var name = Naming.Unique(Naming.Pascal(operation.OperationId), names);
            fields.Add(name);
            writer.Doc("summary", operation.HttpMethod + " " + operation.PathTemplate + (operation.Summary is null ? string.Empty : ": " + operation.Summary));
            writer.Line("public static readonly " + endpoint + " " + name + " = new(" + Naming.Literal(operation.OperationId) + ", " +
                Naming.Literal(operation.HttpMethod) + ", " + Naming.Literal(operation.PathTemplate) + ", " + Naming.Literal(operation.Group) + ", " +
                (operation.IsDeprecated ? "true" : "false") + ");");
            writer.Line();
        }

        writer.Line("/// <summary>All operations, in spec order.</summary>");
        writer.Line("public static global::System.Collections.Generic.IReadOnlyList<" + endpoint + "> All { get; } = new " + endpoint + "[]");
        writer.OpenBlock();
        foreach (var field in fields)
        {
            writer.Line(field + ",");
        }

        writer.CloseBlock(";");
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }

    public static string EmitServiceCollectionExtensions(SpecModel spec)
    {
        var settings = spec.Settings;
        var writer = FileHeader.Start();
        writer.Line("namespace " + settings.Namespace);
        writer.OpenBlock();
        writer.Line("/// <summary>Registers <see cref=\"global::" + settings.Namespace + ".ClerkClient\"/> with dependency injection.</summary>");
        writer.Line(CSharpTypes.GeneratedCodeAttribute);
        writer.OpenBlock(settings.Accessibility + " static class ClerkServiceCollectionExtensions");
        writer.Line("/// <summary>");
        writer.Line("/// Adds <see cref=\"global::" + settings.Namespace + ".ClerkClient\"/> as a typed HTTP client, with options bound from the");
        writer.Line("/// <c>Clerk</c> configuration section and then <paramref name=\"configure\"/>.");
        writer.Line("/// </summary>");
        writer.Line("/// <param name=\"services\">The service collection.</param>");
        writer.Line("/// <param name=\"configure\">Adjusts the options after configuration binding.</param>");
        writer.Line("/// <returns>The HTTP client builder, to add handlers or a resilience pipeline.</returns>");
        writer.OpenBlock("public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder AddClerkClient(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, global::System.Action<" + CSharpTypes.Runtime + ".ClerkClientOptions>? configure = null)");
        writer.Line("return " + CSharpTypes.Runtime + ".ClerkServiceCollectionExtensions.AddClerkClient(services, static (httpClient, options) => new global::" + settings.Namespace + ".ClerkClient(httpClient, options), configure);");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }
}
