using Clerk.Generated.Generator.Model;
using Clerk.Generated.Generator.Tests.Support;

namespace Clerk.Generated.Generator.Tests;

/// <summary>
/// How the spec's <c>security</c> becomes the operations' security alternatives: the global requirements, an
/// operation's own (absent, <c>[]</c>, <c>[{}]</c>, a repeat of the global ones), the schemes the client has an option
/// for, and a diagnostic at the scheme for one it has not.
/// </summary>
public sealed class SecurityTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: {title: Security, version: v1}
        security:
          - {}
          - DevBrowser: []
          - Native: []
            NativeFlag: []
        paths:
          /inherits:
            get:
              operationId: Inherits
              responses: {"200": {description: ok}}
          /repeats:
            get:
              operationId: Repeats
              security:
                - {}
                - DevBrowser: []
                - Native: []
                  NativeFlag: []
              responses: {"200": {description: ok}}
          /empty:
            get:
              operationId: Empty
              security: []
              responses: {"200": {description: ok}}
          /anonymous:
            get:
              operationId: AnonymousOnly
              security:
                - {}
              responses: {"200": {description: ok}}
          /basic:
            post:
              operationId: Basic
              security:
                - Basic: []
                - {}
              responses: {"200": {description: ok}}
          /header-key:
            get:
              operationId: HeaderKey
              security:
                - HeaderKey: []
                - DevBrowser: []
              responses: {"200": {description: ok}}
        components:
          securitySchemes:
            DevBrowser: {type: apiKey, in: query, name: __dev_session}
            Native: {type: http, scheme: bearer}
            NativeFlag: {type: apiKey, in: query, name: _is_native}
            Basic: {type: http, scheme: basic}
            HeaderKey: {type: apiKey, in: header, name: X-Api-Key}
        """;

    [Test]
    public void The_global_security_is_the_apis_and_each_operation_keeps_only_a_security_of_its_own()
    {
        var model = Parse(Spec, "fapi");
        var operations = model.Groups.SelectMany(g => g.Operations).ToDictionary(o => o.OperationId);

        Assert.That(model.Server.Security, Is.EqualTo(SecurityModel.Of(Credentials.None, Credentials.DevBrowserToken, Credentials.ClientToken | Credentials.NativeFlag)));
        Assert.That(operations["Inherits"].Security, Is.Null);
        Assert.That(operations["Repeats"].Security, Is.Null, "a repeat of the global security is no security of its own");
        Assert.That(operations["Empty"].Security, Is.EqualTo(SecurityModel.Anonymous), "security: [] overrides the global security");
        Assert.That(operations["AnonymousOnly"].Security, Is.EqualTo(SecurityModel.Anonymous));
        Assert.That(operations["Basic"].Security, Is.EqualTo(SecurityModel.Of(Credentials.OAuthClientCredentials, Credentials.None)), "in the spec's order");
    }

    [Test]
    public void A_scheme_without_a_client_option_is_CLERKGEN012_at_the_scheme_once_and_its_alternatives_are_left_out()
    {
        var run = GeneratorHarness.Run(new SpecItem("/specs/security.yml", Spec, "fapi"));
        var headerKey = Parse(Spec, "fapi").Groups.SelectMany(g => g.Operations).Single(o => o.OperationId == "HeaderKey");

        var line = Spec.Split('\n').ToList().FindIndex(l => l.TrimStart().StartsWith("HeaderKey: {type", StringComparison.Ordinal)) + 1;
        Assert.That(run.DiagnosticSummaries(), Is.EqualTo(new[] { "CLERKGEN012 @ " + line + ":5" }));
        Assert.That(run.Diagnostics.Single().GetMessage(), Does.Contain("'HeaderKey'").And.Contain("apiKey in header 'X-Api-Key'"));
        Assert.That(headerKey.Security, Is.EqualTo(SecurityModel.Of(Credentials.DevBrowserToken)));
        Assert.That(run.CompileDiagnostics().Select(d => d.ToString()), Is.Empty);
    }

    [TestCase("bapi", "SecretKey")]
    [TestCase("platform", "PlatformAccessToken")]
    [TestCase("fapi", "ClientToken")]
    public void A_bearer_scheme_is_the_token_of_the_api_the_spec_describes(string clerkSpec, string expected)
    {
        const string Bearer = """
            openapi: 3.0.3
            info: {title: Bearer, version: v1}
            security:
              - bearerAuth: []
            paths:
              /things:
                get:
                  operationId: ListThings
                  responses: {"200": {description: ok}}
            components:
              securitySchemes:
                bearerAuth: {type: http, scheme: bearer}
            """;

        Assert.That(Parse(Bearer, clerkSpec).Server.Security, Is.EqualTo(SecurityModel.Of(Enum.Parse<Credentials>(expected))));
    }

    [Test]
    public void The_generators_credentials_are_the_runtimes_member_for_member()
    {
        var generator = Enum.GetValues<Credentials>().Select(c => (c.ToString(), (int)c));
        var runtime = Enum.GetValues<Clerk.Generated.Http.ClerkCredentials>().Select(c => (c.ToString(), (int)c));

        Assert.That(generator, Is.EqualTo(runtime), "the generator spells runtime members by these names");
    }

    [Test]
    public void A_spec_without_security_has_anonymous_operations()
    {
        Assert.That(Parse(File.ReadAllText(Path.Combine(RepositoryPaths.FixturesDir, "settings.yml")), "true").Server.Security, Is.EqualTo(SecurityModel.Anonymous));
    }

    [Test]
    public void In_the_backend_api_spec_only_the_public_interstitial_is_anonymous()
    {
        var operations = RealSpec.Model.Groups.SelectMany(g => g.Operations).ToList();

        Assert.That(RealSpec.Model.Server.Security, Is.EqualTo(SecurityModel.Of(Credentials.SecretKey)));
        Assert.That(operations.Where(o => o.Security is not null).Select(o => o.PathTemplate + " " + o.Security!.IsAnonymous), Is.EqualTo(new[] { "/public/interstitial True" }));
    }

    private static SpecModel Parse(string text, string clerkSpec) =>
        Clerk.Generated.Generator.Parsing.SpecParser.Parse(
            new Clerk.Generated.Generator.Parsing.SpecInput("/specs/security.yml", text, SpecKind.Api, clerkSpec, null, null, null),
            CancellationToken.None);
}
