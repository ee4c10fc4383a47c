using System.Reflection;
using Clerk.Generated.Generator.Model;
using Clerk.Generated.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Clerk.Generated.Generator.Tests;

/// <summary>
/// The pipeline does its expensive work (parsing) only when a spec changes: a C# edit or an identical spec text
/// leaves every step cached, and a spec edit re-emits only what it touches.
/// </summary>
public sealed class IncrementalTests
{
    private static readonly string[] StepNames = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    [Test]
    public void Every_tracked_step_name_is_used_by_the_pipeline()
    {
        var webhooks = new SpecItem(RepositoryPaths.WebhooksSpecYaml, File.ReadAllText(RepositoryPaths.WebhooksSpecYaml), ClerkSpec: "webhooks");
        var driver = GeneratorHarness.CreateDriver(new[] { SpecItem.Fixture("pagination.yml"), webhooks }).RunGenerators(GeneratorHarness.CreateCompilation());
        var result = driver.GetRunResult().Results.Single();

        Assert.That(StepNames, Has.Length.EqualTo(10));
        Assert.That(result.TrackedSteps.Keys, Is.SupersetOf(StepNames));
    }

    [Test]
    public void A_csharp_only_edit_leaves_every_step_cached()
    {
        var spec = SpecItem.Fixture("pagination.yml");
        var (driver, _, _) = FirstRun(spec);
        var edited = GeneratorHarness.CreateCompilation(GeneratorHarness.ConsumerSource.Replace("42", "43", StringComparison.Ordinal))
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer; public static class Added { }", GeneratorHarness.ParseOptions));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertAllSteps(result, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertOutputs(result, IncrementalStepRunReason.Cached);
    }

    [Test]
    public void A_csharp_only_edit_on_the_real_spec_leaves_every_step_cached()
    {
        var (driver, first, _) = FirstRun(RealSpec.Item);
        Assert.That(first.GeneratedSources, Has.Length.GreaterThan(300));

        var result = driver.RunGenerators(GeneratorHarness.CreateCompilation("namespace Consumer; public static class Edited { }")).GetRunResult().Results.Single();

        AssertAllSteps(result, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertOutputs(result, IncrementalStepRunReason.Cached);
    }

    [Test]
    public void Re_adding_identical_spec_text_leaves_outputs_cached()
    {
        var spec = SpecItem.Fixture("pagination.yml");
        var (driver, old, text) = FirstRun(spec);

        // A new file object with an equal but distinct string: what an IDE hands over when a file is saved unchanged.
        driver = driver.ReplaceAdditionalText(text, new InMemoryAdditionalText(spec.Path, new string(spec.Text.AsSpan())));
        var result = driver.RunGenerators(GeneratorHarness.CreateCompilation()).GetRunResult().Results.Single();

        AssertStep(result, TrackingNames.SpecInput, IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Cached);
        AssertStep(result, TrackingNames.SpecModel, IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Cached);
        AssertOutputs(result, IncrementalStepRunReason.Cached);
        Assert.That(result.GeneratedSources.Select(s => s.SourceText.ToString()), Is.EqualTo(old.GeneratedSources.Select(s => s.SourceText.ToString())));
    }

    [Test]
    public void Changing_one_schema_re_emits_only_that_type()
    {
        var spec = SpecItem.Fixture("pagination.yml");
        var (driver, first, text) = FirstRun(spec);
        var changedText = spec.Text.Replace(
            "    User:\n      type: object\n",
            "    User:\n      description: A user, now documented.\n      type: object\n",
            StringComparison.Ordinal);
        Assert.That(changedText, Is.Not.EqualTo(spec.Text), "the edit applies");

        driver = driver.ReplaceAdditionalText(text, new InMemoryAdditionalText(spec.Path, changedText));
        var result = driver.RunGenerators(GeneratorHarness.CreateCompilation()).GetRunResult().Results.Single();

        AssertStep(result, TrackingNames.SpecModel, IncrementalStepRunReason.Modified);
        var types = result.TrackedSteps[TrackingNames.Types].SelectMany(s => s.Outputs).ToList();
        Assert.That(types.Count(o => o.Reason == IncrementalStepRunReason.Modified), Is.EqualTo(1));
        Assert.That(types.Where(o => o.Reason != IncrementalStepRunReason.Modified).Select(o => o.Reason), Is.All.EqualTo(IncrementalStepRunReason.Unchanged));
        Assert.That(((TypeToEmit)types.Single(o => o.Reason == IncrementalStepRunReason.Modified).Value).Type.Name, Is.EqualTo("User"));

        var before = first.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        var changed = result.GeneratedSources.Where(s => before[s.HintName] != s.SourceText.ToString()).Select(s => s.HintName).ToList();
        Assert.That(changed, Is.EqualTo(new[] { "Clerk.Generated.User.g.cs" }));
    }

    [Test]
    public void A_schema_description_edit_leaves_every_shared_output_cached()
    {
        var result = RunEdited("pagination.yml", "    User:\n      type: object\n", "    User:\n      description: A user, now documented.\n      type: object\n");

        AssertStep(result, TrackingNames.Groups, IncrementalStepRunReason.Unchanged);
        AssertSharedOutputsNotRerun(result);
    }

    [Test]
    public void A_parameter_edit_re_emits_its_group_and_no_shared_output()
    {
        var result = RunEdited("pagination.yml", "description: Repeats the key for each value.", "description: Repeats the key for each value, in order.");

        var groups = result.TrackedSteps[TrackingNames.Groups].SelectMany(s => s.Outputs).ToList();
        Assert.That(groups.Where(o => o.Reason == IncrementalStepRunReason.Modified).Select(o => ((GroupToEmit)o.Value).Group.Name), Is.EqualTo(new[] { "Users" }));
        AssertStep(result, TrackingNames.Types, IncrementalStepRunReason.Unchanged);
        AssertSharedOutputsNotRerun(result);
    }

    [Test]
    public void A_title_edit_re_emits_the_client_and_nothing_the_title_is_not_in()
    {
        var result = RunEdited("pagination.yml", "title: Pagination fixture", "title: Pagination fixture, renamed");

        AssertStep(result, TrackingNames.Client, IncrementalStepRunReason.Modified);
        AssertStep(result, TrackingNames.JsonContext, IncrementalStepRunReason.Modified);
        AssertStep(result, TrackingNames.ServiceRegistration, IncrementalStepRunReason.Unchanged);
        AssertStep(result, TrackingNames.Endpoints, IncrementalStepRunReason.Unchanged);
        AssertStep(result, TrackingNames.Types, IncrementalStepRunReason.Unchanged);

        // A group without documentation of its own is summarised with the API's title; one with documentation is not.
        var groups = result.TrackedSteps[TrackingNames.Groups].SelectMany(s => s.Outputs).Select(o => (Item: (GroupToEmit)o.Value, o.Reason)).ToList();
        Assert.That(groups.Where(g => g.Item.Group.Documentation is null), Is.Not.Empty);
        foreach (var (item, reason) in groups)
        {
            var namesTitle = item.Group.Documentation is null;
            Assert.That(reason, Is.EqualTo(namesTitle ? IncrementalStepRunReason.Modified : IncrementalStepRunReason.Unchanged), item.Group.Name);
            Assert.That(item.Summary.Contains("renamed", StringComparison.Ordinal), Is.EqualTo(namesTitle), item.Group.Name);
        }
    }

    private static void AssertSharedOutputsNotRerun(GeneratorRunResult result)
    {
        foreach (var shared in new[] { TrackingNames.JsonContext, TrackingNames.Client, TrackingNames.ServiceRegistration, TrackingNames.Endpoints })
        {
            AssertStep(result, shared, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        }
    }

    private static GeneratorRunResult RunEdited(string fixture, string find, string replace)
    {
        var spec = SpecItem.Fixture(fixture);
        var (driver, _, text) = FirstRun(spec);
        var changedText = spec.Text.Replace(find, replace, StringComparison.Ordinal);
        Assert.That(changedText, Is.Not.EqualTo(spec.Text), "the edit applies");

        driver = driver.ReplaceAdditionalText(text, new InMemoryAdditionalText(spec.Path, changedText));
        return driver.RunGenerators(GeneratorHarness.CreateCompilation()).GetRunResult().Results.Single();
    }

    [Test]
    public void Changing_the_spec_changes_the_outputs()
    {
        var spec = SpecItem.Fixture("settings.yml");
        var (driver, first, text) = FirstRun(spec);
        var changedText = spec.Text.Replace("operationId: ListDomains", "operationId: ListAllDomains", StringComparison.Ordinal);

        driver = driver.ReplaceAdditionalText(text, new InMemoryAdditionalText(spec.Path, changedText));
        var result = driver.RunGenerators(GeneratorHarness.CreateCompilation()).GetRunResult().Results.Single();

        AssertStep(result, TrackingNames.SpecInput, IncrementalStepRunReason.Modified);
        AssertStep(result, TrackingNames.SpecModel, IncrementalStepRunReason.Modified);
        Assert.That(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason), Does.Contain(IncrementalStepRunReason.Modified));
        var endpoints = result.GeneratedSources.Single(s => s.HintName == "Clerk.Generated.ClerkEndpoints.g.cs").SourceText.ToString();
        Assert.That(endpoints, Does.Contain("ListAllDomains"));
        Assert.That(first.GeneratedSources.Single(s => s.HintName == "Clerk.Generated.ClerkEndpoints.g.cs").SourceText.ToString(), Does.Not.Contain("ListAllDomains"));
    }

    [Test]
    public void Changing_only_the_namespace_metadata_re_emits_in_the_new_namespace()
    {
        var spec = SpecItem.Fixture("settings.yml");
        var (driver, _, _) = FirstRun(spec);

        driver = driver.WithUpdatedAnalyzerConfigOptions(new SpecItemOptionsProvider(new[] { spec with { Namespace = "Renamed.Clerk" } }));
        var result = driver.RunGenerators(GeneratorHarness.CreateCompilation()).GetRunResult().Results.Single();

        Assert.That(result.GeneratedSources.Select(s => s.HintName), Has.All.StartWith("Renamed.Clerk."));
    }

    private static (GeneratorDriver Driver, GeneratorRunResult Result, AdditionalText Text) FirstRun(SpecItem spec)
    {
        var driver = GeneratorHarness.CreateDriver(new[] { spec }, out var texts).RunGenerators(GeneratorHarness.CreateCompilation());
        var result = driver.GetRunResult().Results.Single();
        Assert.That(result.Exception, Is.Null);
        Assert.That(result.GeneratedSources, Is.Not.Empty);
        return (driver, result, texts.Single());
    }

    private static void AssertAllSteps(GeneratorRunResult result, params IncrementalStepRunReason[] allowed)
    {
        // An API spec runs every step but the webhook events'.
        Assert.That(StepNames.Where(result.TrackedSteps.ContainsKey), Is.EquivalentTo(StepNames.Where(n => n != TrackingNames.WebhookEvents)));
        foreach (var name in StepNames.Where(result.TrackedSteps.ContainsKey))
        {
            AssertStep(result, name, allowed);
        }
    }

    private static void AssertStep(GeneratorRunResult result, string name, params IncrementalStepRunReason[] allowed)
    {
        Assert.That(result.TrackedSteps.ContainsKey(name), Is.True, $"step {name} ran");
        var reasons = result.TrackedSteps[name].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.That(reasons, Is.Not.Empty, $"step {name} has outputs");
        Assert.That(reasons, Is.All.AnyOf(allowed.Cast<object>().ToArray()), $"step {name}");
    }

    private static void AssertOutputs(GeneratorRunResult result, IncrementalStepRunReason expected)
    {
        var reasons = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.That(reasons, Is.Not.Empty);
        Assert.That(reasons, Is.All.EqualTo(expected));
    }
}
