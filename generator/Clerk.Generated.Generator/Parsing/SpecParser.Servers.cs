using System;
using System.Linq;
using Clerk.Generated.Generator.Diagnostics;
using Clerk.Generated.Generator.Model;
using Microsoft.OpenApi.Models;

namespace Clerk.Generated.Generator.Parsing;

// The spec's server and security schemes: which API it is and the base path its operations' paths hang off.
internal sealed partial class SpecParser
{
    /// <summary>
    /// The spec's API and server. <c>ClerkSpec="fapi"</c>, <c>"platform"</c> or <c>"bapi"</c> name the API; <c>"true"</c>
    /// lets the security schemes say (an apiKey scheme in a cookie or the query is the Frontend API's client
    /// authentication; a bearer scheme named for the platform is the Platform API's). Without <c>servers</c>, the
    /// API's usual server is assumed.
    /// </summary>
    private ServerModel ParseServer(OpenApiDocument document, ApiKind kind, SecurityModel security)
    {
        var server = document.Servers?.FirstOrDefault(s => !string.IsNullOrWhiteSpace(s.Url));
        if (server is null)
        {
            return ServerModel.Default(kind, security);
        }

        var url = server.Url.Trim();
        var resolved = url;
        foreach (var variable in server.Variables)
        {
            resolved = resolved.Replace("{" + variable.Key + "}", variable.Value.Default ?? string.Empty);
        }

        if (!Uri.TryCreate(resolved, UriKind.Absolute, out var absolute) && !Uri.TryCreate(new Uri("https://server.invalid"), resolved, out absolute))
        {
            Report(DiagnosticDescriptors.SpecWarning, "#/servers", "#/servers/0/url", $"'{url}' is not a URL once its variables take their defaults; the API's usual server is assumed");
            return ServerModel.Default(kind, security);
        }

        return new ServerModel(kind, url, absolute.AbsolutePath.TrimEnd('/'), security);
    }

    /// <summary>The API the <c>ClerkSpec</c> value names, else the one the security schemes suggest.</summary>
    private ApiKind ApiKindOf(OpenApiDocument document) => SpecKinds.ApiKindOf(_input.ClerkSpec) ?? InferApiKind(document);

    private static ApiKind InferApiKind(OpenApiDocument document)
    {
        var schemes = document.Components?.SecuritySchemes;
        if (schemes is null)
        {
            return ApiKind.Backend;
        }

        if (schemes.Values.Any(s => s.Type == SecuritySchemeType.ApiKey && s.In is ParameterLocation.Cookie or ParameterLocation.Query))
        {
            return ApiKind.Frontend;
        }

        return schemes.Any(s => s.Value.Type == SecuritySchemeType.Http && s.Key.IndexOf("platform", StringComparison.OrdinalIgnoreCase) >= 0)
            ? ApiKind.Platform
            : ApiKind.Backend;
    }
}
