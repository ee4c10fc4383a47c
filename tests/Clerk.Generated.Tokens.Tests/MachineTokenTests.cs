using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Clerk.Generated.Testing;
using Clerk.Generated.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace Clerk.Generated.Tokens.Tests;

public sealed class MachineTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 12, 12, 0, 0, TimeSpan.Zero);
    private const string SecretKey = "sk_test_machine_0123456789";
    private const string ApiKey = "ak_3beecc9c60adb5f9b850e91a8ee1e992_secretpart";

    private sealed class BackendApi : HttpMessageHandler
    {
        public ConcurrentQueue<(HttpRequestMessage Request, string Body)> Requests { get; } = new();

        public Func<HttpRequestMessage, HttpResponseMessage> Respond { get; set; } = _ => new HttpResponseMessage(HttpStatusCode.NotFound);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Enqueue((request, request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken)));
            return Respond(request);
        }
    }

    private readonly FakeTimeProvider _time = new(Now);
    private BackendApi _api = null!;
    private HttpClient _http = null!;

    [SetUp]
    public void SetUp()
    {
        _api = new BackendApi();
        _http = new HttpClient(_api);
    }

    [TearDown]
    public void TearDown()
    {
        _http.Dispose();
        _api.Dispose();
    }

    private ClerkTokenValidator Validator(ClerkTokenTypes accepts) => new(
        new InMemoryJwksProvider(SharedKeys.Primary.SigningKey),
        new ClerkTokenValidationOptions { AcceptsToken = accepts },
        _time,
        new ClerkMachineTokenVerifier(_http, SecretKey, new Uri("https://api.clerk.test"), _time));

    private static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    [Test]
    public async Task An_api_key_is_verified_through_the_backend_api_when_accepted()
    {
        _api.Respond = _ => Json($$"""
            {"object":"api_key","id":"ak_3beecc9c60adb5f9b850e91a8ee1e992","type":"api_key","subject":"user_2xhFjEI5X2qWRvtV13BzSj8H6Dk",
             "name":"CI","scopes":["read","write"],"claims":{"team":"core"},"revoked":false,"expired":false,
             "expiration":{{Now.AddDays(1).ToUnixTimeMilliseconds()}}}
            """);

        var result = await Validator(ClerkTokenTypes.SessionToken | ClerkTokenTypes.ApiKey).ValidateAsync(ApiKey);

        Assert.That(result.IsValid, Is.True, result.Message);
        Assert.That(result.TokenType, Is.EqualTo(ClerkTokenTypes.ApiKey));
        var machine = result.MachineToken!;
        Assert.That(machine.Id, Is.EqualTo("ak_3beecc9c60adb5f9b850e91a8ee1e992"));
        Assert.That(machine.Subject, Is.EqualTo("user_2xhFjEI5X2qWRvtV13BzSj8H6Dk"));
        Assert.That(machine.Name, Is.EqualTo("CI"));
        Assert.That(machine.HasScope("write"), Is.True);
        Assert.That(machine.HasScope("admin"), Is.False);
        Assert.That(machine.Claims!.Value.GetProperty("team").GetString(), Is.EqualTo("core"));
        Assert.That(machine.ExpiresAt, Is.EqualTo(Now.AddDays(1)));

        var (request, body) = _api.Requests.Single();
        Assert.That(request.Method, Is.EqualTo(HttpMethod.Post));
        Assert.That(request.RequestUri, Is.EqualTo(new Uri("https://api.clerk.test/v1/api_keys/verify")));
        Assert.That(request.Headers.Authorization?.ToString(), Is.EqualTo("Bearer " + SecretKey));
        Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("secret").GetString(), Is.EqualTo(ApiKey));
    }

    [TestCase("mt_f7f0ba8c3b4843ce7d85fcdd5e71853e", ClerkTokenTypes.M2MToken, "https://api.clerk.test/v1/m2m_tokens/verify", "token")]
    [TestCase("oat_0ef5a7a33d87ed87ee7954c845d80450", ClerkTokenTypes.OAuthToken, "https://api.clerk.test/v1/oauth_applications/access_tokens/verify", "access_token")]
    public async Task M2m_and_oauth_tokens_go_to_their_endpoints(string token, ClerkTokenTypes type, string url, string member)
    {
        _api.Respond = _ => Json("""{"id":"x_1","subject":"mch_2xhFjEI5X2qWRvtV13BzSj8H6Dk","client_id":"client_1","scopes":[]}""");

        var result = await Validator(ClerkTokenTypes.Any).ValidateAsync(token);

        Assert.That(result.IsValid, Is.True, result.Message);
        Assert.That(result.TokenType, Is.EqualTo(type));
        var (request, body) = _api.Requests.Single();
        Assert.That(request.RequestUri, Is.EqualTo(new Uri(url)));
        Assert.That(JsonDocument.Parse(body).RootElement.GetProperty(member).GetString(), Is.EqualTo(token));
    }

    [TestCase("ak_123")]
    [TestCase("mt_123")]
    [TestCase("oat_123")]
    public async Task Machine_tokens_are_refused_without_a_request_by_default(string token)
    {
        var result = await Validator(ClerkTokenTypes.SessionToken).ValidateAsync(token);

        Assert.That(result.Reason, Is.EqualTo(TokenRejectionReason.TokenTypeNotAccepted));
        Assert.That(_api.Requests, Is.Empty);
    }

    [Test]
    public async Task Session_tokens_are_refused_when_only_machine_tokens_are_accepted()
    {
        using var tokens = new ClerkTestTokens(SharedKeys.Primary, _time);

        var result = await Validator(ClerkTokenTypes.MachineTokens).ValidateAsync(tokens.Mint());

        Assert.That(result.Reason, Is.EqualTo(TokenRejectionReason.TokenTypeNotAccepted));
    }

    [TestCase(HttpStatusCode.NotFound, TokenRejectionReason.MachineTokenInvalid)]
    [TestCase(HttpStatusCode.BadRequest, TokenRejectionReason.MachineTokenInvalid)]
    [TestCase(HttpStatusCode.Unauthorized, TokenRejectionReason.MachineTokenVerificationUnavailable)]
    [TestCase(HttpStatusCode.InternalServerError, TokenRejectionReason.MachineTokenVerificationUnavailable)]
    public async Task Clerk_errors_map_to_invalid_or_unavailable(HttpStatusCode status, TokenRejectionReason reason)
    {
        _api.Respond = _ => Json("""{"errors":[{"code":"not_found"}]}""", status);

        var result = await Validator(ClerkTokenTypes.ApiKey).ValidateAsync(ApiKey);

        Assert.That(result.Reason, Is.EqualTo(reason));
        Assert.That(result.Message, Does.Not.Contain(ApiKey).And.Not.Contain(SecretKey));
    }

    [TestCase("""{"id":"ak_1","subject":"user_1","revoked":true}""")]
    [TestCase("""{"id":"ak_1","subject":"user_1","expired":true}""")]
    [TestCase("""{"id":"ak_1","subject":"user_1","expiration":1000}""")]
    public async Task Revoked_and_expired_machine_tokens_are_invalid(string answer)
    {
        _api.Respond = _ => Json(answer);

        var result = await Validator(ClerkTokenTypes.ApiKey).ValidateAsync(ApiKey);

        Assert.That(result.Reason, Is.EqualTo(TokenRejectionReason.MachineTokenInvalid));
    }

    [TestCase("not json")]
    [TestCase("[]")]
    [TestCase("""{"id":"ak_1"}""")]
    public async Task Unusable_answers_are_a_verification_failure_not_a_crash(string answer)
    {
        _api.Respond = _ => Json(answer);

        var result = await Validator(ClerkTokenTypes.ApiKey).ValidateAsync(ApiKey);

        Assert.That(result.Reason, Is.EqualTo(TokenRejectionReason.MachineTokenVerificationUnavailable));
    }

    [Test]
    public async Task An_unreachable_api_is_a_verification_failure()
    {
        _api.Respond = _ => throw new HttpRequestException("connection refused");

        var result = await Validator(ClerkTokenTypes.ApiKey).ValidateAsync(ApiKey);

        Assert.That(result.Reason, Is.EqualTo(TokenRejectionReason.MachineTokenVerificationUnavailable));
    }

    [Test]
    public async Task Accepted_machine_tokens_without_a_verifier_fail_clearly()
    {
        var validator = new ClerkTokenValidator(
            new InMemoryJwksProvider(SharedKeys.Primary.SigningKey), new ClerkTokenValidationOptions { AcceptsToken = ClerkTokenTypes.Any }, _time);

        var result = await validator.ValidateAsync(ApiKey);

        Assert.That(result.Reason, Is.EqualTo(TokenRejectionReason.MachineTokenVerificationUnavailable));
    }
}
