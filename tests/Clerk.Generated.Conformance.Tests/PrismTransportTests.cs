using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Clerk.Generated.Conformance.Tests.Prism;
using Clerk.Generated.Http;

namespace Clerk.Generated.Conformance.Tests;

/// <summary>Hand-built requests through <see cref="ClerkHttpTransport"/> against Prism: the harness proven before the generated client runs on it.</summary>
public sealed class PrismTransportTests
{
    private PrismClient _client = null!;

    [OneTimeSetUp]
    public async Task Connect() => _client = new PrismClient(await PrismServers.Static);

    [OneTimeTearDown]
    public void Disconnect() => _client.Dispose();

    private void AssertNoRequestViolations()
    {
        var exchange = _client.LastExchange;
        Assert.That(exchange.RequestViolations, Is.Empty, $"{exchange.Method} {exchange.Path} -> {exchange.Status}");
    }

    [Test]
    public async Task List_with_query_parameters()
    {
        var request = new ClerkRequest(HttpMethod.Get, "GetUserList", "/users", "/users");
        request.Query.AddInt64("limit", 10L);
        request.Query.AddInt64("offset", 0L);
        request.Query.AddEach("email_address", ["a@example.com", "b@example.com"]);
        request.Query.Add("order_by", "-created_at");

        var users = await _client.Transport.SendAsync(request, ConformanceJsonContext.Default.JsonElement, CancellationToken.None);

        AssertNoRequestViolations();
        Assert.That(users.ValueKind, Is.EqualTo(JsonValueKind.Array));
        Assert.That(_client.LastExchange.Path, Does.StartWith("/users?limit=10&offset=0&email_address=a%40example.com&email_address=b%40example.com"));
    }

    [Test]
    public async Task Get_with_an_escaped_path_parameter()
    {
        var request = new ClerkRequest(HttpMethod.Get, "GetUser", "/users/{user_id}", "/users/" + ClerkPath.Escape("user_2x Y"));

        var user = await _client.Transport.SendAsync(request, ConformanceJsonContext.Default.JsonElement, CancellationToken.None);

        AssertNoRequestViolations();
        Assert.That(user.GetProperty("object").GetString(), Is.EqualTo("user"));
    }

    [Test]
    public async Task Post_with_a_json_body()
    {
        var request = new ClerkRequest(HttpMethod.Post, "CreateUser", "/users", "/users");
        request.SetJsonBody(new CreateUserBody(["ada@example.com"], "Ada", "correct horse battery staple"), ConformanceJsonContext.Default.CreateUserBody);

        await _client.Transport.SendAsync(request, ConformanceJsonContext.Default.JsonElement, CancellationToken.None);

        AssertNoRequestViolations();
    }

    [Test]
    public async Task Patch_delete_and_a_bodiless_success()
    {
        var patch = new ClerkRequest(HttpMethod.Patch, "UpdateUser", "/users/{user_id}", "/users/user_1");
        patch.SetJsonBody(new UpdateUserBody("Ada", null), ConformanceJsonContext.Default.UpdateUserBody);
        await _client.Transport.SendAsync(patch, ConformanceJsonContext.Default.JsonElement, CancellationToken.None);
        AssertNoRequestViolations();

        await _client.Transport.SendAsync(new ClerkRequest(HttpMethod.Delete, "DeleteUser", "/users/{user_id}", "/users/user_1"), CancellationToken.None);
        AssertNoRequestViolations();
    }

    [Test]
    public async Task Multipart_upload()
    {
        var body = new ClerkMultipartBody();
        body.AddFile("file", new ClerkFile(Encoding.ASCII.GetBytes("\x89PNG not really"), "logo.png", "image/png"));
        body.Add("uploader_user_id", "user_1");
        var request = new ClerkRequest(HttpMethod.Put, "UploadOrganizationLogo", "/organizations/{organization_id}/logo", "/organizations/org_1/logo");
        request.SetMultipartBody(body);

        await _client.Transport.SendAsync(request, ConformanceJsonContext.Default.JsonElement, CancellationToken.None);

        AssertNoRequestViolations();
    }

    [Test]
    public void A_request_that_breaks_the_spec_is_caught_by_prism()
    {
        // The negative control: proves violations are read from Prism, so "none" above means something.
        var request = new ClerkRequest(HttpMethod.Get, "GetUserList", "/users", "/users");
        request.Query.Add("limit", "lots");
        var before = _client.Handler.Exchanges.Count;

        var error = Assert.ThrowsAsync<ClerkApiException>(() => _client.Transport.SendAsync(request, ConformanceJsonContext.Default.JsonElement, CancellationToken.None));

        Assert.That(_client.Handler.Exchanges, Has.Count.EqualTo(before + 1));
        var violation = _client.LastExchange.RequestViolations.Single();
        Assert.Multiple(() =>
        {
            Assert.That(string.Join('.', violation.Location), Is.EqualTo("request.query.limit"));
            Assert.That((int)error!.StatusCode, Is.EqualTo(_client.LastExchange.Status).And.GreaterThanOrEqualTo(400));
            Assert.That(error.Errors, Is.Not.Null, "Prism answers with the spec's ClerkErrors example, which parses");
        });
    }

    [Test]
    public void The_transport_sends_v1_paths_that_prism_sees_without_the_prefix()
    {
        Assert.That(_client.Transport.GetRequestUri(new ClerkRequest(HttpMethod.Get, "GetUser", "/users/{user_id}", "/users/u")).AbsoluteUri,
            Is.EqualTo("https://api.clerk.com/v1/users/u"));
    }
}

public sealed record CreateUserBody(
    [property: JsonPropertyName("email_address")] IReadOnlyList<string> EmailAddress,
    [property: JsonPropertyName("first_name")] string FirstName,
    [property: JsonPropertyName("password")] string Password);

public sealed record UpdateUserBody(
    [property: JsonPropertyName("first_name")] string? FirstName,
    [property: JsonPropertyName("last_name"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? LastName);

[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(CreateUserBody))]
[JsonSerializable(typeof(UpdateUserBody))]
public sealed partial class ConformanceJsonContext : JsonSerializerContext;
