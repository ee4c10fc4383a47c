using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Clerk.Generated.Generator.Diagnostics;
using Clerk.Generated.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;
using Microsoft.OpenApi.Readers.Exceptions;
using Microsoft.OpenApi.Services;

namespace Clerk.Generated.Generator.Parsing;

/// <summary>
/// Reads one spec with Microsoft.OpenApi.Readers and turns it into a <see cref="SpecModel"/>: plain, value-equal
/// data that the emitters work from. Never throws for bad input: every problem becomes a located diagnostic, and
/// what can still be generated is.
/// </summary>
internal sealed partial class SpecParser
{
    private readonly SpecInput _input;
    private readonly CancellationToken _cancellationToken;
    private readonly SpecPositionLocator _locator;
    private readonly List<DiagnosticInfo> _diagnostics = new();

    private SpecParser(SpecInput input, CancellationToken cancellationToken)
    {
        _input = input;
        _cancellationToken = cancellationToken;
        _locator = new SpecPositionLocator(input.Text);
    }

    public static SpecModel Parse(SpecInput input, CancellationToken cancellationToken)
    {
        var parser = new SpecParser(input, cancellationToken);
        try
        {
            return parser.Parse();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            // A last line of defence: a construct nobody anticipated must cost a diagnostic, not the build.
            parser.Report(DiagnosticDescriptors.SpecUnreadable, null, $"{exception.GetType().Name}: {exception.Message}");
            return parser.EmptyModel(parser.Settings());
        }
    }

    private SpecModel Parse()
    {
        var settings = Settings();
        if (_input.Kind is null)
        {
            Report(DiagnosticDescriptors.InvalidSetting, null, "ClerkSpec", _input.ClerkSpec, SpecKinds.AcceptedValues);
            return EmptyModel(settings);
        }

        if (string.IsNullOrWhiteSpace(_input.Text))
        {
            Report(DiagnosticDescriptors.SpecUnreadable, null, "the file is empty");
            return EmptyModel(settings);
        }

        var document = Read();
        if (document is null)
        {
            return EmptyModel(settings);
        }

        _cancellationToken.ThrowIfCancellationRequested();
        var schemas = new SchemaResolver(this, document);
        schemas.ResolveComponents();

        var apiKind = ApiKindOf(document);
        var security = IsWebhooks ? SecurityModel.Anonymous : ParseGlobalSecurity(document, apiKind);
        var groups = IsWebhooks
            ? EquatableArray<GroupModel>.Empty
            : ParseOperations(document, schemas, apiKind, security);
        var events = IsWebhooks
            ? ParseWebhookEvents(document, schemas)
            : EquatableArray<WebhookEventModel>.Empty;

        var types = schemas.Types;
        if (!string.IsNullOrWhiteSpace(_input.Tags) && !IsWebhooks)
        {
            types = ReachableTypes(types, groups);
        }

        return new SpecModel(
            settings,
            Kind,
            document.Info?.Version ?? string.Empty,
            document.Info?.Title ?? string.Empty,
            ParseServer(document, apiKind, security),
            types.ToEquatableArray(),
            groups,
            events,
            _diagnostics.ToEquatableArray());
    }

    private EmitSettings Settings()
    {
        var defaultNamespace = SpecKinds.DefaultNamespace(Kind);
        var ns = string.IsNullOrWhiteSpace(_input.Namespace) ? defaultNamespace : _input.Namespace!.Trim();
        if (!Naming.IsValidNamespace(ns))
        {
            Report(DiagnosticDescriptors.InvalidSetting, null, "ClerkNamespace", ns, "it is not a C# namespace");
            ns = defaultNamespace;
        }

        var visibility = string.IsNullOrWhiteSpace(_input.TypeVisibility) ? "public" : _input.TypeVisibility!.Trim().ToLowerInvariant();
        if (visibility is not "public" and not "internal")
        {
            Report(DiagnosticDescriptors.InvalidSetting, null, "ClerkTypeVisibility", _input.TypeVisibility!, "use 'public' or 'internal'");
            visibility = "public";
        }

        return new EmitSettings(ns, visibility == "public");
    }

    private SpecModel EmptyModel(EmitSettings settings) => new(
        settings,
        Kind,
        string.Empty,
        string.Empty,
        ServerModel.Default(ApiKind.Backend, SecurityModel.Anonymous),
        EquatableArray<TypeModel>.Empty,
        EquatableArray<GroupModel>.Empty,
        EquatableArray<WebhookEventModel>.Empty,
        _diagnostics.ToEquatableArray());

    private OpenApiDocument? Read()
    {
        OpenApiDocument document;
        OpenApiDiagnostic diagnostic;
        try
        {
            document = new OpenApiStringReader().Read(_input.Text, out diagnostic);
        }
        catch (OpenApiUnsupportedSpecVersionException exception)
        {
            Report(DiagnosticDescriptors.UnsupportedOpenApiVersion, "#/openapi", exception.SpecificationVersion ?? "unknown");
            return null;
        }
        catch (Exception exception)
        {
            Report(DiagnosticDescriptors.SpecUnreadable, null, exception.Message);
            return null;
        }

        // Text that is not YAML/JSON at all: the reader reports it as "#line=N" and leaves the version at its default,
        // so this comes before the version check (which would otherwise blame the version).
        if (diagnostic.Errors.Any(e => e.Pointer?.StartsWith("#line=", StringComparison.Ordinal) == true))
        {
            var at = _locator.SyntaxErrorPosition();
            foreach (var error in diagnostic.Errors)
            {
                if (at is { } position)
                {
                    ReportAt(DiagnosticDescriptors.SpecUnreadable, position.Line, position.Column, error.Message);
                }
                else
                {
                    Report(DiagnosticDescriptors.SpecUnreadable, error.Pointer, error.Message);
                }
            }

            return null;
        }

        if (diagnostic.SpecificationVersion != Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_0)
        {
            Report(DiagnosticDescriptors.UnsupportedOpenApiVersion, "#/swagger", diagnostic.SpecificationVersion.ToString());
            return null;
        }

        foreach (var error in diagnostic.Errors)
        {
            // Clerk's webhooks spec is a document of components and x-webhooks only: no paths is by design there.
            if (IsWebhooks && error.Pointer == "#/paths")
            {
                continue;
            }

            // The reader drops a $ref it cannot resolve (the schema becomes null, generated as JsonElement) and gives
            // no pointer: those are found and located below, from the document itself.
            if (error is OpenApiReferenceError)
            {
                continue;
            }

            Report(DiagnosticDescriptors.SpecInvalid, error.Pointer, error.Pointer ?? "the document", error.Message);
        }

        var referenceErrors = diagnostic.Errors.OfType<OpenApiReferenceError>().ToList();
        if (referenceErrors.Count > 0 && ReportUnresolvedReferences(document) == 0)
        {
            // A reference this scan does not understand (an external file): the reader's words, at the document.
            foreach (var error in referenceErrors)
            {
                Report(DiagnosticDescriptors.SpecInvalid, null, "the document", error.Message);
            }
        }

        foreach (var warning in diagnostic.Warnings)
        {
            // Examples do not shape generated code; a mismatched example is the spec author's concern, not the build's.
            if (warning.Pointer is { } pointer && (pointer.Contains("/example") || pointer.Contains("/default")))
            {
                continue;
            }

            Report(DiagnosticDescriptors.SpecWarning, warning.Pointer, warning.Pointer ?? "the document", warning.Message);
        }

        if (document is null || (document.Paths is null && document.Components is null))
        {
            if (diagnostic.Errors.Count == 0)
            {
                Report(DiagnosticDescriptors.SpecUnreadable, null, "the document has neither paths nor components");
            }

            return null;
        }

        return document;
    }

    /// <summary>
    /// Reports every local <c>$ref</c> (<c>#/components/{section}/{name}</c>) whose target the document does not
    /// define, where the <c>$ref</c> is written; returns how many.
    /// </summary>
    private int ReportUnresolvedReferences(OpenApiDocument? document)
    {
        var reported = 0;
        foreach (var (reference, line, column) in _locator.References())
        {
            var parts = reference.Split('/');
            if (parts.Length != 4 || parts[0] != "#" || parts[1] != "components" || ComponentExists(document?.Components, parts[2], Unescape(parts[3])))
            {
                continue;
            }

            ReportAt(DiagnosticDescriptors.UnresolvedReference, line, column, reference,
                "line " + (line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            reported++;
        }

        return reported;
    }

    private static string Unescape(string token) => token.Replace("~1", "/").Replace("~0", "~");

    private static bool ComponentExists(OpenApiComponents? components, string section, string name) => section switch
    {
        "schemas" => components?.Schemas?.ContainsKey(name) == true,
        "parameters" => components?.Parameters?.ContainsKey(name) == true,
        "responses" => components?.Responses?.ContainsKey(name) == true,
        "requestBodies" => components?.RequestBodies?.ContainsKey(name) == true,
        "headers" => components?.Headers?.ContainsKey(name) == true,
        "examples" => components?.Examples?.ContainsKey(name) == true,
        "securitySchemes" => components?.SecuritySchemes?.ContainsKey(name) == true,
        "links" => components?.Links?.ContainsKey(name) == true,
        "callbacks" => components?.Callbacks?.ContainsKey(name) == true,
        // A section OpenAPI 3.0 does not have: not a reference this check can judge.
        _ => true,
    };

    private void ReportAt(DiagnosticDescriptor descriptor, int line, int column, params string[] arguments) =>
        _diagnostics.Add(new DiagnosticInfo(descriptor.Id, _input.Path, line, column, line, column, arguments.ToEquatableArray()));

    internal void Report(DiagnosticDescriptor descriptor, string? pointer, params string[] arguments)
    {
        var (line, column) = _locator.Locate(pointer);
        _diagnostics.Add(new DiagnosticInfo(
            descriptor.Id,
            _input.Path,
            line,
            column,
            line,
            column,
            arguments.ToEquatableArray()));
    }

    internal CancellationToken CancellationToken => _cancellationToken;

    internal bool IsWebhooks => Kind == SpecKind.Webhooks;

    /// <summary>The kind the input names (an unknown <c>ClerkSpec</c> value is reported and generates nothing).</summary>
    private SpecKind Kind => _input.Kind ?? SpecKind.Api;

    /// <summary>With a tag filter, keeps only the types the selected operations reach (smaller apps, smaller AOT binaries).</summary>
    private static List<TypeModel> ReachableTypes(List<TypeModel> types, EquatableArray<GroupModel> groups)
    {
        var byName = types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<TypeReference>();
        foreach (var operation in groups.SelectMany(g => g.Operations))
        {
            foreach (var parameter in operation.Parameters)
            {
                pending.Push(parameter.Type);
            }

            if (operation.BodyType is not null)
            {
                pending.Push(operation.BodyType);
            }

            if (operation.ResponseType is not null)
            {
                pending.Push(operation.ResponseType);
            }
        }

        while (pending.Count > 0)
        {
            var reference = pending.Pop();
            if (reference.Element is not null)
            {
                pending.Push(reference.Element);
            }

            if (reference.Kind != TypeReferenceKind.Named || !reached.Add(reference.Name!) || !byName.TryGetValue(reference.Name!, out var type))
            {
                continue;
            }

            foreach (var property in type.Properties)
            {
                pending.Push(property.Type);
            }

            foreach (var unionCase in type.UnionCases)
            {
                pending.Push(unionCase.Type);
            }
        }

        return types.Where(t => reached.Contains(t.Name)).ToList();
    }
}
