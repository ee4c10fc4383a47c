using System.Net;
using System.Web;
using Clerk.Generated.Http;
using Clerk.Generated.Runtime.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;

namespace Clerk.Generated.Runtime.Tests.Generated;

/// <summary>The generated client on the runtime transport, against MockHttp.</summary>
public sealed class GeneratedClientTests
{
    private static string Permission(int i) =>
        $$"""{"object":"permission","id":"perm_{{i}}","name":"Permission {{i}}","key":"org:thing:{{i}}","description":"d","type":"user","created_at":1,"updated_at":2}""";

    private static string AllowlistIdentifier(int i) =>
        $$"""{"object":"allowlist_identifier","id":"alid_{{i}}","identifier":"user{{i}}@example.com","identifier_type":"email_address","created_at":1,"updated_at":2}""";

    private static ClerkClient Client(ScriptedApi api) =>
        new(new HttpClient(api.Handler), Transports.Options(new FakeTimeProvider()));

    private static (long Limit, long Offset) Paging(RecordedRequest request)
    {
        var query = HttpUtility.ParseQueryString(request.Uri.Query);
        return (long.Parse(query["limit"]!, System.Globalization.CultureInfo.InvariantCulture), long.Parse(query["offset"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Test]
    public async Task ListAll_over_data_and_total_count_pages_stops_at_the_total()
    {
        var api = new ScriptedApi()
            .Then(HttpStatusCode.OK, $$"""{"data":[{{Permission(1)}},{{Permission(2)}}],"total_count":5}""")
            .Then(HttpStatusCode.OK, $$"""{"data":[{{Permission(3)}},{{Permission(4)}}],"total_count":5}""")
            .Then(HttpStatusCode.OK, $$"""{"data":[{{Permission(5)}}],"total_count":5}""");
        var client = Client(api);

        var ids = new List<string>();
        await foreach (var permission in client.OrganizationPermissions.ListAllAsync(orderBy: "-created_at", pageSize: 2))
        {
            ids.Add(permission.Id);
        }

        Assert.Multiple(() =>
        {
            Assert.That(ids, Is.EqualTo(new[] { "perm_1", "perm_2", "perm_3", "perm_4", "perm_5" }));
            Assert.That(api.Requests.Select(Paging), Is.EqualTo(new[] { (2L, 0L), (2L, 2L), (2L, 4L) }));
            Assert.That(api.Requests.Select(r => r.Uri.AbsolutePath).Distinct(), Is.EqualTo(new[] { "/v1/organization_permissions" }));
            Assert.That(api.Requests[0].Uri.Query, Does.Contain("order_by=-created_at"));
        });
    }

    [Test]
    public async Task ListAll_over_bare_array_pages_stops_on_a_short_page()
    {
        var api = new ScriptedApi()
            .Then(HttpStatusCode.OK, $"[{AllowlistIdentifier(1)},{AllowlistIdentifier(2)}]")
            .Then(HttpStatusCode.OK, $"[{AllowlistIdentifier(3)}]");
        var client = Client(api);

        var identifiers = new List<string>();
        await foreach (var identifier in client.AllowlistIdentifiers.ListAllAsync(pageSize: 2))
        {
            identifiers.Add(identifier.Identifier!);
        }

        Assert.That(identifiers, Is.EqualTo(new[] { "user1@example.com", "user2@example.com", "user3@example.com" }));
        Assert.That(api.Requests.Select(Paging), Is.EqualTo(new[] { (2L, 0L), (2L, 2L) }));
    }

    [Test]
    public void ListAll_rejects_a_page_size_above_the_operations_maximum()
    {
        var client = Client(new ScriptedApi());

        Assert.That(() => client.AllowlistIdentifiers.ListAllAsync(pageSize: 501), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void PATCH_sends_null_for_cleared_fields_and_nothing_for_untouched_ones()
    {
        var api = new ScriptedApi().Then(
            HttpStatusCode.NotFound,
            """{"errors":[{"message":"not found","long_message":"not found","code":"resource_not_found"}],"clerk_trace_id":"tr_1"}""");
        var client = Client(api);

        var error = Assert.ThrowsAsync<ClerkApiException>(() => client.Users.UpdateAsync("user_1", new UpdateUserRequest
        {
            FirstName = (string?)null,
            LastName = "Lovelace",
        }));

        var sent = api.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(sent.Method, Is.EqualTo(HttpMethod.Patch));
            Assert.That(sent.Uri.AbsolutePath, Is.EqualTo("/v1/users/user_1"));
            Assert.That(sent.BodyText, Is.EqualTo("""{"first_name":null,"last_name":"Lovelace"}"""));
            Assert.That(error!.OperationId, Is.EqualTo("UpdateUser"));
            Assert.That(error.TraceId, Is.EqualTo("tr_1"));
        });
    }

    [Test]
    public async Task Raw_escape_hatch_reaches_any_catalogued_operation()
    {
        var api = new ScriptedApi().Then(HttpStatusCode.OK, """{"object":"allowlist_identifier","id":"alid_9","deleted":true}""");
        var client = Client(api);

        using var response = await client.SendRawAsync(
            ClerkEndpoints.DeleteAllowlistIdentifier,
            new Dictionary<string, string> { ["identifier_id"] = "alid 9" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(api.Requests.Single().Method, Is.EqualTo(HttpMethod.Delete));
        Assert.That(api.Requests.Single().Uri.AbsoluteUri, Is.EqualTo("https://api.clerk.test/v1/allowlist_identifiers/alid%209"));
    }

    [Test]
    public async Task Generated_AddClerkClient_registers_a_typed_client_sending_the_specs_version()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("https://api.clerk.test/v1/allowlist_identifiers")
            .WithHeaders("Clerk-API-Version", ClerkApiInfo.Version)
            .WithHeaders("Authorization", "Bearer " + Transports.SecretKey)
            .Respond("application/json", $"[{AllowlistIdentifier(1)}]");
        var services = new ServiceCollection();
        services.AddClerkClient(o =>
            {
                o.SecretKey = Transports.SecretKey;
                o.ApiUrl = Transports.ApiUrl;
            })
            .ConfigurePrimaryHttpMessageHandler(() => mock);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<ClerkClient>();
        var identifiers = await client.AllowlistIdentifiers.ListAsync();

        Assert.That(identifiers.Single().Id, Is.EqualTo("alid_1"));
        Assert.That(client.Transport.ApiVersion, Is.EqualTo(ClerkApiInfo.Version));
    }

    [Test]
    public void A_plain_client_needs_no_container()
    {
        var client = new ClerkClient(new ClerkClientOptions { SecretKey = Transports.SecretKey });

        Assert.That(client.Transport.GetRequestUri(ClerkRequest.ForEndpoint(ClerkEndpoints.ListAllowlistIdentifiers)).AbsoluteUri,
            Is.EqualTo("https://api.clerk.com/v1/allowlist_identifiers"));
        Assert.That(() => new ClerkClient(new ClerkClientOptions { SecretKey = "pk_test_abc" }), Throws.TypeOf<ClerkClientOptionsException>().With.Property(nameof(ClerkClientOptionsException.ApiKind)).EqualTo(ClerkApiKind.Backend).And.Message.Contains("SecretKey"));
    }
}
