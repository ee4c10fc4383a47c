using Clerk.Generated.Generator.Tests.Support;

namespace Clerk.Generated.Generator.Tests;

/// <summary>
/// Specs and settings the generator cannot use must cost a precise, located CLERKGEN diagnostic, never an exception,
/// and generation must go on for whatever can still be generated.
/// </summary>
public sealed class BrokenSpecTests
{
    private const string DefaultNamespace = "Clerk.Generated";

    [TestCase("broken-unreadable.yml", "CLERKGEN001 @ 3:10")]
    [TestCase("broken-openapi31.yml", "CLERKGEN003 @ 2:1")]
    [TestCase("broken-swagger2.yml", "CLERKGEN003 @ 1:1")]
    public void An_unusable_document_reports_a_located_error_and_generates_nothing(string fixture, string expected)
    {
        var run = GeneratorHarness.Run(SpecItem.Fixture(fixture));

        Assert.That(run.Exception, Is.Null);
        Assert.That(run.DiagnosticSummaries(), Is.EqualTo(new[] { expected }), FixtureSnapshotTests.DescribeAll(run));
        Assert.That(run.Diagnostics.Single().Severity, Is.EqualTo(Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.That(run.Diagnostics.Single().GetMessage(), Does.Not.Contain("Exception"), "a reader failure, not the generator's last line of defence");
        Assert.That(run.Diagnostics.Single().Location.GetLineSpan().Path, Is.EqualTo(Path.Combine(RepositoryPaths.FixturesDir, fixture)));
        Assert.That(run.Sources, Is.Empty);
    }

    [Test]
    public void OpenApi_31_names_the_version_it_found()
    {
        var run = GeneratorHarness.Run(SpecItem.Fixture("broken-openapi31.yml"));

        Assert.That(run.Diagnostics.Single().GetMessage(), Does.Contain("3.1.0"));
    }

    [TestCase("")]
    [TestCase("   \n\n")]
    public void An_empty_file_is_CLERKGEN001_at_the_start(string text)
    {
        var run = GeneratorHarness.Run(new SpecItem("/specs/empty.yml", text));

        Assert.That(run.DiagnosticSummaries(), Is.EqualTo(new[] { "CLERKGEN001 @ 1:1" }));
        Assert.That(run.Diagnostics.Single().GetMessage(), Does.Contain("empty"));
        Assert.That(run.Sources, Is.Empty);
    }

    [Test]
    public void A_broken_reference_is_located_at_the_property_and_the_rest_is_generated()
    {
        var run = GeneratorHarness.Run(SpecItem.Fixture("broken-ref.yml"));

        // The $ref lines of a property, an array's items and a nullable allOf wrapper.
        Assert.That(run.DiagnosticSummaries(), Is.EqualTo(new[] { "CLERKGEN006 @ 32:11", "CLERKGEN006 @ 36:13", "CLERKGEN006 @ 40:15" }), FixtureSnapshotTests.DescribeAll(run));
        Assert.That(run.Diagnostics.Select(d => d.GetMessage()), Has.One.Contains("'#/components/schemas/DoesNotExist'"));
        Assert.That(run.Diagnostics.Select(d => d.DefaultSeverity), Is.All.EqualTo(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning), "generation goes on");
        var user = run.Sources.Single(s => s.HintName == DefaultNamespace + ".User.g.cs").Text;
        Assert.That(user, Does.Contain("global::System.Text.Json.JsonElement? Organization { get; init; }"), "the unresolvable property falls back to JsonElement");
        Assert.That(user, Does.Contain("global::System.Text.Json.JsonElement? Parent { get; init; }"));
        Assert.That(run.Sources.Select(s => s.HintName), Does.Contain(DefaultNamespace + ".UsersApi.g.cs"));
        Assert.That(run.CompileDiagnostics().Select(d => d.ToString()), Is.Empty);
    }

    [Test]
    public void Every_unresolved_reference_is_located_where_it_is_written_whatever_the_component_section()
    {
        const string Text = """
            openapi: 3.0.3
            info: { title: T, version: "1" }
            paths:
              /users:
                get:
                  operationId: ListUsers
                  parameters:
                    - $ref: "#/components/parameters/Missing"
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: { $ref: "#/components/schemas/Gone" }
              /users/{id}:
                get:
                  operationId: GetUser
                  parameters:
                    - { name: id, in: path, required: true, schema: { type: string } }
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: "#/components/schemas/Gone"
            components:
              schemas:
                Present: { type: object }
            """;

        var run = GeneratorHarness.Run(new SpecItem("/specs/refs.yml", Text));

        Assert.That(
            run.DiagnosticSummaries().Where(d => d.StartsWith("CLERKGEN006", StringComparison.Ordinal)),
            Is.EqualTo(new[] { "CLERKGEN006 @ 14:25", "CLERKGEN006 @ 26:17", "CLERKGEN006 @ 8:11" }),
            FixtureSnapshotTests.DescribeAll(run));
        Assert.That(run.Diagnostics.Select(d => d.GetMessage()), Has.Some.Contains("'#/components/parameters/Missing'"));
    }

    [Test]
    public void A_form_field_that_is_an_object_says_how_to_send_the_operation_and_the_method_is_still_generated()
    {
        const string Text = """
            openapi: 3.0.3
            info: { title: T, version: "1" }
            paths:
              /sessions:
                post:
                  operationId: CreateSession
                  requestBody:
                    required: true
                    content:
                      application/x-www-form-urlencoded:
                        schema:
                          type: object
                          properties:
                            name: { type: string }
                            metadata:
                              type: object
                              properties:
                                plan: { type: string }
                  responses:
                    "204": { description: ok }
            """;

        var run = GeneratorHarness.Run(new SpecItem("/specs/form.yml", Text));

        Assert.That(run.DiagnosticSummaries(), Is.EqualTo(new[] { "CLERKGEN010 @ 7:7" }), FixtureSnapshotTests.DescribeAll(run));
        Assert.That(run.Diagnostics.Single().GetMessage(), Does.Contain("'metadata'").And.Contain("ClerkRequest.ForEndpoint"));
        Assert.That(run.Sources.Single(s => s.HintName.EndsWith(".DefaultApi.g.cs", StringComparison.Ordinal)).Text, Does.Contain("CreateSessionAsync("));
        Assert.That(run.CompileDiagnostics().Select(d => d.ToString()), Is.Empty);
    }

    [TestCase("1Bad.Name")]
    [TestCase("Good.class")]
    [TestCase("Has Space")]
    [TestCase("Trailing.")]
    public void An_invalid_ClerkNamespace_is_CLERKGEN009_and_the_default_namespace_is_used(string ns)
    {
        var run = GeneratorHarness.Run(SpecItem.Fixture("settings.yml", @namespace: ns));

        Assert.That(run.DiagnosticSummaries(), Is.EqualTo(new[] { "CLERKGEN009 @ 1:1" }));
        Assert.That(run.Diagnostics.Single().GetMessage(), Does.Contain("ClerkNamespace").And.Contain(ns));
        Assert.That(run.Sources.Select(s => s.HintName), Has.All.StartWith(DefaultNamespace + "."));
        Assert.That(run.CompileDiagnostics().Select(d => d.ToString()), Is.Empty);
    }

    [Test]
    public void An_invalid_ClerkTypeVisibility_is_CLERKGEN009_and_types_stay_public()
    {
        var run = GeneratorHarness.Run(SpecItem.Fixture("settings.yml", typeVisibility: "protected"));

        Assert.That(run.DiagnosticSummaries(), Is.EqualTo(new[] { "CLERKGEN009 @ 1:1" }));
        Assert.That(run.Sources.Single(s => s.HintName.EndsWith(".User.g.cs", StringComparison.Ordinal)).Text, Does.Contain("public sealed partial class User"));
    }

    [Test]
    public void Internal_visibility_makes_every_generated_type_internal()
    {
        var run = GeneratorHarness.Run(SpecItem.Fixture("settings.yml", typeVisibility: "internal"));

        Assert.That(run.Diagnostics, Is.Empty);
        var publicTypes = run.OutputCompilation.Assembly.GlobalNamespace.GetNamespaceMembers()
            .SelectMany(AllTypes)
            .Where(t => t.DeclaredAccessibility == Microsoft.CodeAnalysis.Accessibility.Public && t.ContainingNamespace.ToDisplayString().StartsWith(DefaultNamespace, StringComparison.Ordinal))
            .Select(t => t.ToDisplayString());
        Assert.That(publicTypes, Is.Empty);
        Assert.That(run.CompileDiagnostics().Select(d => d.ToString()), Is.Empty);
    }

    [Test]
    public void An_unknown_ClerkTags_entry_is_CLERKGEN008_and_the_known_tags_still_filter()
    {
        var run = GeneratorHarness.Run(SpecItem.Fixture("settings.yml", tags: "Users;Nope"));

        Assert.That(run.DiagnosticSummaries(), Is.EqualTo(new[] { "CLERKGEN008 @ 1:1" }));
        Assert.That(run.Diagnostics.Single().GetMessage(), Does.Contain("'Nope'"));
        var hints = run.Sources.Select(s => s.HintName).ToList();
        Assert.That(hints, Does.Contain(DefaultNamespace + ".UsersApi.g.cs").And.Contain(DefaultNamespace + ".User.g.cs"));
        Assert.That(hints, Does.Not.Contain(DefaultNamespace + ".DomainsApi.g.cs").And.Not.Contain(DefaultNamespace + ".Domain.g.cs"),
            "types only the filtered-out group uses are not generated");
        Assert.That(run.CompileDiagnostics().Select(d => d.ToString()), Is.Empty);
    }

    [Test]
    public void Tag_names_in_ClerkTags_match_case_insensitively()
    {
        var run = GeneratorHarness.Run(SpecItem.Fixture("settings.yml", tags: "domains"));

        Assert.That(run.Diagnostics, Is.Empty);
        Assert.That(run.Sources.Select(s => s.HintName), Does.Contain(DefaultNamespace + ".DomainsApi.g.cs").And.Not.Contain(DefaultNamespace + ".UsersApi.g.cs"));
    }

    [TestCase("false")]
    [TestCase(null)]
    public void Files_not_marked_as_a_Clerk_spec_are_ignored(string? clerkSpec)
    {
        var fixture = SpecItem.Fixture("settings.yml") with { ClerkSpec = clerkSpec };
        var run = GeneratorHarness.Run(fixture);

        Assert.That(run.Diagnostics, Is.Empty);
        Assert.That(run.Sources, Is.Empty);
    }

    [TestCase("graphql")]
    [TestCase("yes")]
    public void An_unknown_ClerkSpec_value_is_CLERKGEN009_naming_the_accepted_values_and_generates_nothing(string clerkSpec)
    {
        var run = GeneratorHarness.Run(SpecItem.Fixture("settings.yml") with { ClerkSpec = clerkSpec });

        Assert.That(run.DiagnosticSummaries(), Is.EqualTo(new[] { "CLERKGEN009 @ 1:1" }));
        Assert.That(run.Diagnostics.Single().GetMessage(), Does.Contain("ClerkSpec '" + clerkSpec + "'").And.Contain("'true'").And.Contain("'webhooks'"));
        Assert.That(run.Sources, Is.Empty);
    }

    [TestCase("bapi", "Backend", "\"/v1\"")]
    [TestCase("platform", "Platform", "\"/v1\"")]
    [TestCase("fapi", "Frontend", "\"\"")]
    public void A_ClerkSpec_value_naming_an_api_decides_its_kind_and_the_base_path_of_a_spec_without_servers(string clerkSpec, string kind, string basePath)
    {
        var run = GeneratorHarness.Run(SpecItem.Fixture("settings.yml") with { ClerkSpec = clerkSpec });

        var apiInfo = run.Sources.Single(s => s.HintName.EndsWith(".ClerkClient.g.cs", StringComparison.Ordinal)).Text;
        Assert.That(run.Diagnostics, Is.Empty);
        Assert.That(apiInfo, Does.Contain("Api = new(global::Clerk.Generated.Http.ClerkApiKind." + kind + ", Version, " + basePath + ")"));
    }

    [TestCase("TRUE")]
    [TestCase(" bapi ")]
    public void ClerkSpec_values_are_read_trimmed_and_in_any_case(string clerkSpec)
    {
        var run = GeneratorHarness.Run(SpecItem.Fixture("settings.yml") with { ClerkSpec = clerkSpec });

        Assert.That(run.Diagnostics, Is.Empty);
        Assert.That(run.Sources.Select(s => s.HintName), Does.Contain(DefaultNamespace + ".UsersApi.g.cs"));
    }

    [Test]
    public void Two_specs_in_two_namespaces_generate_side_by_side()
    {
        var run = GeneratorHarness.Run(
            SpecItem.Fixture("settings.yml", @namespace: "First.Clerk"),
            SpecItem.Fixture("maps.yml", @namespace: "Second.Clerk"));

        Assert.That(run.Diagnostics, Is.Empty);
        Assert.That(run.Sources.Select(s => s.HintName), Does.Contain("First.Clerk.ClerkClient.g.cs").And.Contain("Second.Clerk.ClerkClient.g.cs"));
        Assert.That(run.CompileDiagnostics().Select(d => d.ToString()), Is.Empty);
    }

    private static IEnumerable<Microsoft.CodeAnalysis.INamedTypeSymbol> AllTypes(Microsoft.CodeAnalysis.INamespaceSymbol ns) =>
        ns.GetTypeMembers().Concat(ns.GetNamespaceMembers().SelectMany(AllTypes));
}
