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
    private const string Transport = CSharpTypes.Runtime + ".ClerkHttpTransport";
    private const string Options = CSharpTypes.Runtime + ".ClerkClientOptions";
    private const string ApiDescription = CSharpTypes.Runtime + ".ClerkApiDescription";

    private static string ApiKindMember(ApiKind kind) => CSharpTypes.Runtime + ".ClerkApiKind." + kind;

    private static string ApiName(ApiKind kind) => "The Clerk " + kind + " API";

    public static string EmitClient(ClientModel spec)
    {
        var settings = spec.Settings;
        var ns = settings.Namespace;
        var apiInfo = CSharpTypes.Generated("ClerkApiInfo", settings);
        var writer = FileHeader.Start();
        writer.Line("namespace " + ns);
        writer.OpenBlock();
        writer.Lines($$"""
            /// <summary>{{ApiName(spec.Server.Kind)}}: one property per group of operations.</summary>
            /// <remarks>Thread-safe; create one per application (or register it with <c>AddClerkClient</c>).</remarks>
            {{CSharpTypes.GeneratedCodeAttribute}}
            {{settings.Accessibility}} sealed partial class ClerkClient : {{CSharpTypes.Generated("IClerkClient", settings)}}
            {
                /// <summary>Creates a client over the runtime's shared, connection-recycling HTTP client (no DI needed).</summary>
                public ClerkClient({{Options}} options)
                    : this(new {{Transport}}(options, {{apiInfo}}.Api))
                {
                }

                /// <summary>Creates a client over an existing <see cref="global::System.Net.Http.HttpClient"/> (for example from IHttpClientFactory).</summary>
                public ClerkClient(global::System.Net.Http.HttpClient httpClient, {{Options}} options)
                    : this(new {{Transport}}(httpClient, options, {{apiInfo}}.Api))
                {
                }

                /// <summary>Creates a client over a configured transport.</summary>
                public ClerkClient({{Transport}} transport)
                {
                    Transport = transport ?? throw new global::System.ArgumentNullException(nameof(transport));
            """);
        writer.Indent().Indent();
        foreach (var group in spec.Groups)
        {
            writer.Line(group.PropertyName + " = new " + CSharpTypes.Generated(group.ClassName, settings) + "(transport);");
        }

        writer.CloseBlock();
        writer.Line();
        writer.Line("/// <summary>The transport every operation goes through.</summary>");
        writer.Line("public " + Transport + " Transport { get; }");
        foreach (var group in spec.Groups)
        {
            writer.Line();
            writer.Doc("summary", GroupSummary(group));
            writer.Line("public " + CSharpTypes.Generated(group.ClassName, settings) + " " + group.PropertyName + " { get; }");
        }

        writer.Line();
        foreach (var group in spec.Groups)
        {
            writer.Line(CSharpTypes.Generated(group.InterfaceName, settings) + " " + CSharpTypes.Generated("IClerkClient", settings) + "." + group.PropertyName + " => " + group.PropertyName + ";");
        }

        writer.Line();
        writer.Line("/// <inheritdoc />");
        writer.Signature("public " + SendRawReturnType + " SendRawAsync", SendRawParameters);
        writer.Lines($$"""
            {
                var request = {{CSharpTypes.Runtime}}.ClerkRequest.ForEndpoint(endpoint, pathParameters);
                configure?.Invoke(request);
                return Transport.SendRawAsync(request, cancellationToken);
            }
            """);
        writer.CloseBlock();
        writer.Lines($$"""

            /// <summary>What the client was generated from.</summary>
            {{CSharpTypes.GeneratedCodeAttribute}}
            {{settings.Accessibility}} static class ClerkApiInfo
            {
                /// <summary>The spec's version, sent as the Clerk-API-Version header.</summary>
                public const string Version = {{Naming.Literal(spec.ApiVersion)}};

                /// <summary>The spec's title.</summary>
                public const string Title = {{Naming.Literal(spec.Title)}};

                /// <summary>The spec's server URL as written (variables in braces).</summary>
                public const string ServerUrl = {{Naming.Literal(spec.Server.Url)}};

                /// <summary>
                /// What the transport needs from the spec: the API, its version, the base path every operation's path
                /// follows, and the security of operations without their own.
                /// </summary>
            """);
        writer.Indent();
        writer.Line("public static readonly " + ApiDescription + " Api = new(" + ApiKindMember(spec.Server.Kind) + ", Version, " + Naming.Literal(spec.Server.BasePath) + ")");
        writer.OpenBlock();
        SecurityEmitter.Write(writer, "Security", spec.Server.Security, ",");
        writer.CloseBlock(";");
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }

    /// <summary>
    /// <c>IClerkClient</c>: the groups as their interfaces and the raw escape hatch, what application code depends on
    /// and tests stub.
    /// </summary>
    public static string EmitClientInterface(ClientModel spec)
    {
        var settings = spec.Settings;
        var writer = FileHeader.Start();
        writer.Line("namespace " + settings.Namespace);
        writer.OpenBlock();
        writer.Lines($$"""
            /// <summary>{{ApiName(spec.Server.Kind)}}: one property per group of operations.</summary>
            /// <remarks>Implemented by <see cref="{{CSharpTypes.Generated("ClerkClient", settings)}}"/>; registered by <c>AddClerkClient</c>.</remarks>
            {{CSharpTypes.GeneratedCodeAttribute}}
            {{settings.Accessibility}} partial interface IClerkClient
            """);
        writer.OpenBlock();
        foreach (var group in spec.Groups)
        {
            writer.Doc("summary", GroupSummary(group));
            writer.Line(CSharpTypes.Generated(group.InterfaceName, settings) + " " + group.PropertyName + " { get; }");
            writer.Line();
        }

        writer.Lines($$"""
            /// <summary>Calls any operation of the catalogue directly and returns the raw response (the caller disposes it).</summary>
            /// <param name="endpoint">The operation, from <see cref="{{CSharpTypes.Generated("ClerkEndpoints", settings)}}"/>.</param>
            /// <param name="pathParameters">Values for the placeholders of the path template.</param>
            /// <param name="configure">Adds query parameters or a body before sending.</param>
            /// <param name="cancellationToken">Cancels the request.</param>
            """);
        writer.Signature(SendRawReturnType + " SendRawAsync", SendRawParameters, ";");
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }

    private const string SendRawReturnType = "global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage>";

    private static readonly string[] SendRawParameters =
    {
        CSharpTypes.Runtime + ".ClerkEndpoint endpoint",
        "global::System.Collections.Generic.IReadOnlyDictionary<string, string>? pathParameters = null",
        "global::System.Action<" + CSharpTypes.Runtime + ".ClerkRequest>? configure = null",
        "global::System.Threading.CancellationToken cancellationToken = default",
    };

    private static string GroupSummary(GroupSummary group) => group.Documentation ?? "The " + group.Name + " operations.";

    public static string EmitEndpoints(EndpointsModel spec)
    {
        var settings = spec.Settings;
        var endpoint = CSharpTypes.Runtime + ".ClerkEndpoint";
        var writer = FileHeader.Start();
        writer.Line("namespace " + settings.Namespace);
        writer.OpenBlock();
        writer.Line("/// <summary>Every operation of the spec: its id, HTTP method, path template, group and, where it has its own, security.</summary>");
        writer.Line(CSharpTypes.GeneratedCodeAttribute);
        writer.OpenBlock(settings.Accessibility + " static partial class ClerkEndpoints");
        var securityFields = EmitSecurityFields(writer, spec);
        foreach (var operation in spec.Endpoints)
        {
            writer.Doc("summary", operation.HttpMethod + " " + operation.PathTemplate + (operation.Summary is null ? string.Empty : ": " + operation.Summary));
            var arguments = new[] { Naming.Literal(operation.OperationId), Naming.Literal(operation.HttpMethod), Naming.Literal(operation.PathTemplate), Naming.Literal(operation.Group), operation.IsDeprecated ? "true" : "false" };
            var head = "public static readonly " + endpoint + " " + operation.Name + " = new";
            if (operation.Security is { } security)
            {
                writer.Call(head, arguments);
                writer.OpenBlock();
                writer.Line("Security = " + securityFields[security] + ",");
                writer.CloseBlock(";");
            }
            else
            {
                writer.Call(head, arguments, ";");
            }

            writer.Line();
        }

        writer.Line("/// <summary>All operations, in spec order.</summary>");
        writer.Initializer("public static global::System.Collections.Generic.IReadOnlyList<" + endpoint + "> All { get; } = new " + endpoint + "[]", spec.Endpoints.Select(e => e.Name));
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }

    /// <summary>
    /// One field per security that operations have instead of the spec's (declared before the endpoints, whose
    /// initializers read them); the anonymous one is the runtime's shared instance. Returns the expression for each.
    /// </summary>
    private static System.Collections.Generic.Dictionary<SecurityModel, string> EmitSecurityFields(SourceWriter writer, EndpointsModel spec)
    {
        var names = new System.Collections.Generic.HashSet<string>(spec.Endpoints.Select(e => e.Name), System.StringComparer.Ordinal) { "All", "ClerkEndpoints" };
        var fields = new System.Collections.Generic.Dictionary<SecurityModel, string>();
        foreach (var security in spec.Endpoints.Select(e => e.Security).OfType<SecurityModel>().Distinct())
        {
            if (security.IsAnonymous)
            {
                fields[security] = SecurityEmitter.SecurityType + ".Anonymous";
                continue;
            }

            var name = Naming.Unique(SecurityEmitter.Name(security) + "Security", names);
            fields[security] = name;
            SecurityEmitter.Write(writer, "private static readonly " + SecurityEmitter.SecurityType + " " + name, security, ";");
            writer.Line();
        }

        return fields;
    }

    public static string EmitServiceCollectionExtensions(ServiceRegistrationModel spec)
    {
        var settings = spec.Settings;
        var client = CSharpTypes.Generated("ClerkClient", settings);
        var clientInterface = CSharpTypes.Generated("IClerkClient", settings);
        const string DependencyInjection = "global::Microsoft.Extensions.DependencyInjection";
        var writer = FileHeader.Start();
        writer.Line("namespace " + settings.Namespace);
        writer.OpenBlock();
        writer.Lines($$"""
            /// <summary>Registers <see cref="{{client}}"/> with dependency injection.</summary>
            {{CSharpTypes.GeneratedCodeAttribute}}
            {{settings.Accessibility}} static class ClerkServiceCollectionExtensions
            {
                /// <summary>
                /// Adds <see cref="{{client}}"/> as a typed HTTP client, with options bound from the
                /// <c>Clerk</c> configuration section and then <paramref name="configure"/>, and registers
                /// <see cref="{{clientInterface}}"/> and each group's interface (<c>IUsersApi</c>…) over it.
                /// </summary>
                /// <param name="services">The service collection.</param>
                /// <param name="configure">Adjusts the options after configuration binding.</param>
                /// <returns>The HTTP client builder, to add handlers or a resilience pipeline.</returns>
                public static {{DependencyInjection}}.IHttpClientBuilder AddClerkClient(
                    this {{DependencyInjection}}.IServiceCollection services,
                    global::System.Action<{{Options}}>? configure = null)
                {
                    var builder = {{CSharpTypes.ServiceCollectionExtensions}}.AddClerkClient(
                        services,
                        {{ApiKindMember(spec.Kind)}},
                        static (httpClient, options) => new {{client}}(httpClient, options),
                        configure);
                    Add<{{clientInterface}}>(services, static client => client);
            """);
        writer.Indent().Indent();
        foreach (var group in spec.Groups)
        {
            writer.Line("Add<" + CSharpTypes.Generated(group.InterfaceName, settings) + ">(services, static client => client." + group.PropertyName + ");");
        }

        writer.Line("return builder;");
        writer.CloseBlock();
        writer.Lines($$"""

            /// <summary>Registers <typeparamref name="TService"/> as a view of the typed client (transient, as the client is).</summary>
            private static void Add<TService>({{DependencyInjection}}.IServiceCollection services, global::System.Func<{{client}}, TService> select)
                where TService : class
            {
                {{DependencyInjection}}.Extensions.ServiceCollectionDescriptorExtensions.TryAddTransient(
                    services,
                    provider => select({{DependencyInjection}}.ServiceProviderServiceExtensions.GetRequiredService<{{client}}>(provider)));
            }
            """);
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }
}
