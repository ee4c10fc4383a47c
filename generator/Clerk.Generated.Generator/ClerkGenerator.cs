using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Clerk.Generated.Generator.Caching;
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
            .Select(static (input, cancellationToken) => GenerationCache.GetOrParse(input, cancellationToken))
            .WithTrackingName(TrackingNames.SpecModel);

        var types = models
            .SelectMany(static (spec, _) => spec.Types.Select(type => new TypeToEmit(spec.Settings, type)))
            .WithTrackingName(TrackingNames.Types);
        context.RegisterSourceOutput(types, static (output, item) =>
            output.AddSource(HintName(item.Settings, item.Type.Name), GenerationCache.GetOrEmit(item.Type, "type", type => TypeEmitter.Emit(type, item.Settings))));

        var groups = models
            .SelectMany(static (spec, _) => spec.SpecKind == SpecKind.Webhooks
                ? ImmutableArray<GroupToEmit>.Empty
                : spec.Groups.Select(group => GroupToEmit.Of(spec.Settings, spec.Title, group)).ToImmutableArray())
            .WithTrackingName(TrackingNames.Groups);
        context.RegisterSourceOutput(groups, static (output, item) =>
        {
            output.AddSource(HintName(item.Settings, item.Group.ClassName), GenerationCache.GetOrEmit(item.Group, "class", _ => GroupEmitter.Emit(item)));
            output.AddSource(HintName(item.Settings, item.Group.InterfaceName), GenerationCache.GetOrEmit(item.Group, "interface", _ => GroupInterfaceEmitter.Emit(item)));
        });

        // The shared files, each from the narrow model it shows (see SharedOutputModels).
        var generating = models.Where(static spec => !spec.Types.IsEmpty || !spec.Groups.IsEmpty);
        var contexts = generating
            .Select(static (spec, _) => GenerationCache.Derive(spec, ContextEmitter.Model))
            .WithTrackingName(TrackingNames.JsonContext);
        context.RegisterSourceOutput(contexts, static (output, model) =>
            output.AddSource(HintName(model.Settings, SpecKinds.ContextName(model.SpecKind)), GenerationCache.GetOrEmit(model, "context", ContextEmitter.Emit)));

        var apis = generating.Where(static spec => spec.SpecKind == SpecKind.Api);
        var clients = apis
            .Select(static (spec, _) => GenerationCache.Derive(spec, ClientModel.Of))
            .WithTrackingName(TrackingNames.Client);
        context.RegisterSourceOutput(clients, static (output, model) =>
        {
            output.AddSource(HintName(model.Settings, "ClerkClient"), GenerationCache.GetOrEmit(model, "class", ClientEmitter.EmitClient));
            output.AddSource(HintName(model.Settings, "IClerkClient"), GenerationCache.GetOrEmit(model, "interface", ClientEmitter.EmitClientInterface));
        });

        var registrations = clients
            .Select(static (client, _) => GenerationCache.Derive(client, ServiceRegistrationModel.Of))
            .WithTrackingName(TrackingNames.ServiceRegistration);
        context.RegisterSourceOutput(registrations, static (output, model) =>
            output.AddSource(HintName(model.Settings, "ClerkServiceCollectionExtensions"), GenerationCache.GetOrEmit(model, "registration", ClientEmitter.EmitServiceCollectionExtensions)));

        var endpoints = apis
            .Select(static (spec, _) => GenerationCache.Derive(spec, EndpointsModel.Of))
            .WithTrackingName(TrackingNames.Endpoints);
        context.RegisterSourceOutput(endpoints, static (output, model) =>
            output.AddSource(HintName(model.Settings, "ClerkEndpoints"), GenerationCache.GetOrEmit(model, "endpoints", ClientEmitter.EmitEndpoints)));

        var webhookEvents = generating
            .Where(static spec => spec.SpecKind == SpecKind.Webhooks)
            .Select(static (spec, _) => GenerationCache.Derive(spec, WebhookEventsModel.Of))
            .WithTrackingName(TrackingNames.WebhookEvents);
        context.RegisterSourceOutput(webhookEvents, static (output, model) =>
            output.AddSource(HintName(model.Settings, "ClerkWebhookEvents"), GenerationCache.GetOrEmit(model, "webhooks", WebhookEventsEmitter.Emit)));

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
        if (!options.TryGetValue("build_metadata.AdditionalFiles.ClerkSpec", out var clerkSpec) || SpecKinds.IsOff(clerkSpec))
        {
            return null;
        }

        SpecKind? kind = SpecKinds.TryParse(clerkSpec, out var parsed) ? parsed : null;
        options.TryGetValue("build_metadata.AdditionalFiles.ClerkNamespace", out var ns);
        options.TryGetValue("build_metadata.AdditionalFiles.ClerkTypeVisibility", out var visibility);
        options.TryGetValue("build_metadata.AdditionalFiles.ClerkTags", out var tags);
        var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        return new SpecInput(file.Path, text, kind, clerkSpec.Trim(), ns, visibility, tags);
    }

    private static string HintName(EmitSettings settings, string name) => settings.Namespace + "." + name + ".g.cs";

    private static Diagnostic ToDiagnostic(DiagnosticInfo info)
    {
        var descriptor = DiagnosticDescriptors.Find(info.Id) ?? DiagnosticDescriptors.SpecUnreadable;
        var span = new LinePositionSpan(new LinePosition(info.StartLine, info.StartColumn), new LinePosition(info.EndLine, info.EndColumn));
        var location = Location.Create(info.FilePath, default, span);
        return Diagnostic.Create(descriptor, location, info.MessageArguments.Cast<object>().ToArray());
    }
}
