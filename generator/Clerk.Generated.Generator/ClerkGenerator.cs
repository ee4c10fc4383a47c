using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Clerk.Generated.Generator.Diagnostics;
using Clerk.Generated.Generator.Emitting;
using Clerk.Generated.Generator.Model;
using Clerk.Generated.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Clerk.Generated.Generator;

/// <summary>
/// Generates a typed Clerk client from every <c>AdditionalFiles</c> item marked <c>ClerkSpec</c>: models with their
/// own JSON converters, a JSON context, one class per API group, the endpoint catalogue and DI registration.
/// </summary>
/// <remarks>
/// The pipeline only wires steps together: spec text in, <see cref="SpecModel"/> out (value-equal, so unchanged
/// specs stop here), then one output per type, per group, and for the shared files, plus a separate diagnostics
/// output. It never touches the compilation, so C# edits never re-run it.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class ClerkGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var specs = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => ReadInput(pair.Left, pair.Right, cancellationToken))
            .Where(static input => input is not null)
            .Select(static (input, _) => input!)
            .WithTrackingName(TrackingNames.SpecInput);

        var models = specs
            .Select(static (input, cancellationToken) => SpecCache.GetOrParse(input, cancellationToken))
            .WithTrackingName(TrackingNames.SpecModel);

        var types = models
            .SelectMany(static (spec, _) => spec.Types.Select(type => new TypeToEmit(spec.Settings, type)))
            .WithTrackingName(TrackingNames.Types);
        context.RegisterSourceOutput(types, static (output, item) =>
            output.AddSource(HintName(item.Settings, item.Type.Name), EmittedSourceCache.GetOrAdd(item, static i => TypeEmitter.Emit(i.Type, i.Settings))));

        var groups = models
            .SelectMany(static (spec, _) => spec.SpecKind == "webhooks"
                ? ImmutableArray<GroupToEmit>.Empty
                : spec.Groups.Select(group => new GroupToEmit(spec.Settings, group)).ToImmutableArray())
            .WithTrackingName(TrackingNames.Groups);
        context.RegisterSourceOutput(groups, static (output, item) =>
        {
            output.AddSource(HintName(item.Settings, item.Group.ClassName), EmittedSourceCache.GetOrAdd((item, "class"), static i => GroupEmitter.Emit(i.item)));
            output.AddSource(HintName(item.Settings, item.Group.InterfaceName), EmittedSourceCache.GetOrAdd((item, "interface"), static i => GroupInterfaceEmitter.Emit(i.item)));
        });

        var shared = models
            .Select(static (spec, _) => spec with { Diagnostics = EquatableArray<DiagnosticInfo>.Empty })
            .WithTrackingName(TrackingNames.SharedFiles);
        context.RegisterSourceOutput(shared, static (output, spec) => EmitShared(output, spec));

        var diagnostics = models
            .Select(static (spec, _) => spec.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (output, items) =>
        {
            foreach (var item in items)
            {
                output.ReportDiagnostic(ToDiagnostic(item));
            }
        });
    }

    private static SpecInput? ReadInput(AdditionalText file, Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider optionsProvider, CancellationToken cancellationToken)
    {
        var options = optionsProvider.GetOptions(file);
        if (!options.TryGetValue("build_metadata.AdditionalFiles.ClerkSpec", out var kind) || string.IsNullOrWhiteSpace(kind))
        {
            return null;
        }

        kind = kind.Trim().ToLowerInvariant();
        if (kind is "false")
        {
            return null;
        }

        var specKind = kind is "webhooks" ? "webhooks" : "bapi";
        options.TryGetValue("build_metadata.AdditionalFiles.ClerkNamespace", out var ns);
        options.TryGetValue("build_metadata.AdditionalFiles.ClerkTypeVisibility", out var visibility);
        options.TryGetValue("build_metadata.AdditionalFiles.ClerkTags", out var tags);
        if (specKind == "webhooks" && string.IsNullOrWhiteSpace(ns))
        {
            // Both specs define models such as User: webhook events get a namespace of their own by default.
            ns = "Clerk.Generated.WebhookEvents";
        }

        var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        return new SpecInput(file.Path, text, specKind, ns, visibility, tags);
    }

    private static string HintName(EmitSettings settings, string name) => settings.Namespace + "." + name + ".g.cs";

    private static void EmitShared(SourceProductionContext output, SpecModel spec)
    {
        if (spec.Types.IsEmpty && spec.Groups.IsEmpty)
        {
            return;
        }

        output.AddSource(HintName(spec.Settings, ContextEmitter.ContextName(spec.SpecKind)), Cached(spec, "context", ContextEmitter.Emit));
        if (spec.SpecKind == "webhooks")
        {
            output.AddSource(HintName(spec.Settings, "ClerkWebhookEvents"), Cached(spec, "events", WebhookEventsEmitter.Emit));
            return;
        }

        output.AddSource(HintName(spec.Settings, "ClerkClient"), Cached(spec, "client", ClientEmitter.EmitClient));
        output.AddSource(HintName(spec.Settings, "IClerkClient"), Cached(spec, "client interface", ClientEmitter.EmitClientInterface));
        output.AddSource(HintName(spec.Settings, "ClerkEndpoints"), Cached(spec, "endpoints", ClientEmitter.EmitEndpoints));
        output.AddSource(HintName(spec.Settings, "ClerkServiceCollectionExtensions"), Cached(spec, "services", ClientEmitter.EmitServiceCollectionExtensions));
    }

    private static string Cached(SpecModel spec, string file, Func<SpecModel, string> emit) =>
        EmittedSourceCache.GetOrAdd((spec, file), item => emit(item.spec));

    private static Diagnostic ToDiagnostic(DiagnosticInfo info)
    {
        var descriptor = DiagnosticDescriptors.Find(info.Id) ?? DiagnosticDescriptors.SpecUnreadable;
        var span = new LinePositionSpan(new LinePosition(info.StartLine, info.StartColumn), new LinePosition(info.EndLine, info.EndColumn));
        var location = Location.Create(info.FilePath, default, span);
        return Diagnostic.Create(descriptor, location, info.MessageArguments.Cast<object>().ToArray());
    }
}
