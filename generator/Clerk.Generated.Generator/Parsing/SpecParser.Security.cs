using System;
using System.Collections.Generic;
using System.Linq;
using Clerk.Generated.Generator.Diagnostics;
using Clerk.Generated.Generator.Model;
using Microsoft.OpenApi.Models;

namespace Clerk.Generated.Generator.Parsing;

// The spec's security: the global requirements, each operation's own, and which client option each scheme stands for.
internal sealed partial class SpecParser
{
    private readonly HashSet<string> _reportedSchemes = new(StringComparer.Ordinal);
    private HashSet<string>? _operationsDeclaringSecurity;

    /// <summary>The spec's global <c>security</c>; a spec that declares none has anonymous operations (OpenAPI's rule).</summary>
    private SecurityModel ParseGlobalSecurity(OpenApiDocument document, ApiKind kind) =>
        Security(document.SecurityRequirements, kind);

    /// <summary>
    /// An operation's own <c>security</c>, or null when it takes the global one (by leaving it out or repeating it).
    /// The reader gives an absent list and <c>security: []</c> alike as empty, so the text says which it was.
    /// </summary>
    private SecurityModel? ParseOperationSecurity(OpenApiOperation operation, string path, string method, ApiKind kind, SecurityModel global)
    {
        var requirements = operation.Security;
        if (requirements is null || requirements.Count == 0)
        {
            if (global.IsAnonymous || !OperationDeclaresSecurity(path, method))
            {
                return null;
            }

            return SecurityModel.Anonymous;
        }

        var security = Security(requirements, kind);
        return security.Equals(global) ? null : security;
    }

    private bool OperationDeclaresSecurity(string path, string method) =>
        (_operationsDeclaringSecurity ??= _locator.OperationsDeclaringSecurity()).Contains(method.ToLowerInvariant() + " " + path);

    /// <summary>
    /// The alternatives of a requirement list. An alternative needing a scheme the client has no option for is left out
    /// (the scheme is reported once); the list empty from the start is anonymous.
    /// </summary>
    private SecurityModel Security(IList<OpenApiSecurityRequirement>? requirements, ApiKind kind)
    {
        if (requirements is null || requirements.Count == 0)
        {
            return SecurityModel.Anonymous;
        }

        var alternatives = new List<SecurityAlternative>(requirements.Count);
        foreach (var requirement in requirements)
        {
            var credentials = Credentials.None;
            var usable = true;
            foreach (var scheme in requirement.Keys)
            {
                if (CredentialsOf(scheme, kind) is { } credential)
                {
                    credentials |= credential;
                }
                else
                {
                    usable = false;
                    ReportUnsupportedScheme(scheme);
                }
            }

            if (usable && !alternatives.Contains(new SecurityAlternative(credentials)))
            {
                alternatives.Add(new SecurityAlternative(credentials));
            }
        }

        return new SecurityModel(alternatives.ToEquatableArray());
    }

    /// <summary>
    /// The client option a scheme stands for: an HTTP bearer scheme is the API's own token (secret key, platform access
    /// token, or the Frontend API's client token), HTTP basic the OAuth client credentials, and the Frontend API's
    /// apiKey schemes are named by their cookie or query parameter.
    /// </summary>
    private static Credentials? CredentialsOf(OpenApiSecurityScheme scheme, ApiKind kind)
    {
        if (scheme.UnresolvedReference)
        {
            return null;
        }

        switch (scheme.Type)
        {
            case SecuritySchemeType.Http when string.Equals(scheme.Scheme, "bearer", StringComparison.OrdinalIgnoreCase):
                return kind switch
                {
                    ApiKind.Frontend => Credentials.ClientToken,
                    ApiKind.Platform => Credentials.PlatformAccessToken,
                    _ => Credentials.SecretKey,
                };
            case SecuritySchemeType.Http when string.Equals(scheme.Scheme, "basic", StringComparison.OrdinalIgnoreCase):
                return Credentials.OAuthClientCredentials;
            case SecuritySchemeType.ApiKey when scheme.In == ParameterLocation.Cookie && scheme.Name == "__client":
                return Credentials.ClientCookie;
            case SecuritySchemeType.ApiKey when scheme.In == ParameterLocation.Query && scheme.Name == "__dev_session":
                return Credentials.DevBrowserToken;
            case SecuritySchemeType.ApiKey when scheme.In == ParameterLocation.Query && scheme.Name == "_is_native":
                return Credentials.NativeFlag;
            default:
                return null;
        }
    }

    private void ReportUnsupportedScheme(OpenApiSecurityScheme scheme)
    {
        var name = scheme.Reference?.Id ?? scheme.Name ?? "?";
        // An unresolved scheme is the reader's error already (CLERKGEN002).
        if (scheme.UnresolvedReference || !_reportedSchemes.Add(name))
        {
            return;
        }

        var what = scheme.Type switch
        {
            SecuritySchemeType.Http => "HTTP '" + scheme.Scheme + "'",
            SecuritySchemeType.ApiKey => "apiKey in " + scheme.In.ToString().ToLowerInvariant() + " '" + scheme.Name + "'",
            _ => scheme.Type.ToString(),
        };
        Report(DiagnosticDescriptors.UnsupportedSecurityScheme, "#/components/securitySchemes/" + SpecPositionLocator.Escape(name), name, what);
    }
}
