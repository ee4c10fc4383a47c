using System.Net;
using Clerk.Generated.Http;
using Clerk.Generated.Runtime.Tests.Support;

namespace Clerk.Generated.Runtime.Tests.Http;

public sealed class TransportRequestTests
{
    [Test]
    public async Task Sends_to_api_url_v1_path_and_query_with_bearer_key_version_and_user_agent()
    {
        var api = new ScriptedApi().Then(HttpStatusCode.OK, """{"id":"user_1","first_name":"Ada"}""");
        var transport = Transports.Create(api.Handler, configure: o => o.UserAgentSuffix = "my-service/1.2");
        var request = Transports.Get("/users/user%2F1");
        request.Query.Add("include", "x y");

        var user = await transport.SendAsync(request, TestJsonContext.Default.TestUser, CancellationToken.None);

        var sent = api.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(user, Is.EqualTo(new TestUser("user_1", "Ada")));
            Assert.That(sent.Method, Is.EqualTo(HttpMethod.Get));
            Assert.That(sent.Uri.AbsoluteUri, Is.EqualTo("https://api.clerk.test/v1/users/user%2F1?include=x%20y"));
            Assert.That(sent.Header("Authorization"), Is.EqualTo("Bearer " + Transports.SecretKey));
            Assert.That(sent.Header("Clerk-API-Version"), Is.EqualTo("2026-05-12"));
            Assert.That(sent.Headers.UserAgent.ToString(), Does.StartWith("Clerk.Generated/").And.EndWith(" my-service/1.2"));
            Assert.That(sent.Header("Accept"), Is.EqualTo("application/json"));
            Assert.That(sent.Body, Is.Null);
        });
    }

    [Test]
    public async Task Options_api_version_overrides_the_spec_version_and_trailing_slash_is_tolerated()
    {
        var api = new ScriptedApi().Then(HttpStatusCode.NoContent);
        var transport = Transports.Create(api.Handler, configure: o =>
        {
            o.ApiVersion = "2025-04-10";
            o.ApiUrl = "http://localhost:4010/";
        });

        await transport.SendAsync(Transports.Get(), CancellationToken.None);

        var sent = api.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(transport.ApiVersion, Is.EqualTo("2025-04-10"));
            Assert.That(sent.Header("Clerk-API-Version"), Is.EqualTo("2025-04-10"));
            Assert.That(sent.Uri.AbsoluteUri, Is.EqualTo("http://localhost:4010/v1/users/user_1"));
        });
    }

    [Test]
    public async Task Escaped_dot_segments_reach_the_wire_unresolved()
    {
        var api = new ScriptedApi().Then(HttpStatusCode.NoContent);
        var transport = Transports.Create(api.Handler);

        await transport.SendAsync(Transports.Get("/users/" + ClerkPath.Escape("..") + "/x"), CancellationToken.None);

        Assert.That(api.Requests.Single().Uri.OriginalString, Is.EqualTo("https://api.clerk.test/v1/users/%2E%2E/x"));
    }

    [Test]
    public async Task Json_body_is_sent_exactly_as_serialized_keeping_null_apart_from_absent()
    {
        var api = new ScriptedApi().Then(HttpStatusCode.OK, """{"id":"user_1","first_name":null}""");
        var transport = Transports.Create(api.Handler);
        var request = new ClerkRequest(HttpMethod.Patch, "UpdateUser", "/users/{user_id}", "/users/user_1");
        request.SetJsonBody(new TestUserPatch(FirstName: null, LastName: null), TestJsonContext.Default.TestUserPatch);

        var user = await transport.SendAsync(request, TestJsonContext.Default.TestUser, CancellationToken.None);

        var sent = api.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(user.FirstName, Is.Null);
            Assert.That(sent.Method, Is.EqualTo(HttpMethod.Patch));
            Assert.That(sent.BodyText, Is.EqualTo("""{"first_name":null}"""));
            Assert.That(sent.ContentHeaders!.ContentType!.MediaType, Is.EqualTo("application/json"));
        });
    }

    [Test]
    public async Task Raw_escape_hatch_returns_any_status_with_a_readable_body()
    {
        var api = new ScriptedApi().Then(HttpStatusCode.NotFound, """{"errors":[{"message":"m","long_message":"l","code":"resource_not_found"}]}""");
        var transport = Transports.Create(api.Handler);
        var request = ClerkRequest.ForEndpoint(
            new ClerkEndpoint("GetUser", "GET", "/users/{user_id}", "Users", false),
            new Dictionary<string, string> { ["user_id"] = "user_404" });

        using var response = await transport.SendRawAsync(request, CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("resource_not_found"));
            Assert.That(api.Requests.Single().Uri.AbsolutePath, Is.EqualTo("/v1/users/user_404"));
        });
    }

    [Test]
    public async Task Empty_or_malformed_success_bodies_raise_a_typed_response_error()
    {
        var api = new ScriptedApi()
            .Then(HttpStatusCode.OK, "")
            .Then(HttpStatusCode.OK, """{"id":42}""")
            .Then(HttpStatusCode.OK, "null");
        var transport = Transports.Create(api.Handler);

        var empty = Assert.ThrowsAsync<ClerkResponseException>(() => transport.SendAsync(Transports.Get(), TestJsonContext.Default.TestUser, CancellationToken.None));
        var wrongShape = Assert.ThrowsAsync<ClerkResponseException>(() => transport.SendAsync(Transports.Get(), TestJsonContext.Default.TestUser, CancellationToken.None));
        var jsonNull = Assert.ThrowsAsync<ClerkResponseException>(() => transport.SendAsync(Transports.Get(), TestJsonContext.Default.TestUser, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(empty!.OperationId, Is.EqualTo("GetUser"));
            Assert.That(empty.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(empty.InnerException, Is.InstanceOf<System.Text.Json.JsonException>());
            Assert.That(wrongShape!.ExpectedType, Is.EqualTo(nameof(TestUser)));
            Assert.That(jsonNull!.Message, Does.Contain("null"));
        });
    }

    [Test]
    public void Invalid_options_are_rejected_by_the_constructor_without_quoting_the_key()
    {
        var options = Transports.Options(configure: o =>
        {
            o.SecretKey = "pk_test_not-a-secret-but-looks-private";
            o.ApiUrl = "/relative";
        });

        var error = Assert.Throws<ClerkClientOptionsException>(() => _ = new ClerkHttpTransport(new HttpClient(), options, Transports.SpecVersion));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("SecretKey").And.Contain("ApiUrl"));
            Assert.That(error.Message, Does.Not.Contain("not-a-secret-but-looks-private"));
        });
    }
}
