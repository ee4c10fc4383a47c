using System.Net;
using System.Reflection;
using Clerk.Generated.Generator.Tests.Support;

namespace Clerk.Generated.Generator.Tests;

/// <summary>
/// What the generated client puts on the wire for urlencoded bodies and header parameters, and how it reads unions
/// with scalar and array alternatives: the form-bodies fixture is generated, compiled with a consumer, and called
/// against an HTTP listener on 127.0.0.1 that records the request and answers with canned JSON.
/// </summary>
[NonParallelizable]
public sealed class WireTests
{
    private const string ConsumerSource = """
        namespace Consumer;

        /// <summary>Calls the generated client.</summary>
        public static class Calls
        {
            /// <summary>A sign-in with every kind of form field and both headers.</summary>
            public static async System.Threading.Tasks.Task<string> SignIn(string apiUrl)
            {
                var client = new Fixtures.FormBodies.ClerkClient(new Clerk.Generated.Http.ClerkClientOptions { SecretKey = "sk_test_wire", ApiUrl = apiUrl });
                var body = new Fixtures.FormBodies.CreateSignInRequest
                {
                    Strategy = Fixtures.FormBodies.CreateSignInRequestStrategy.Password,
                    Identifier = "ada lovelace+1@example.com",
                    Password = "p&ss=word",
                    Transfer = true,
                    Attempts = 3,
                    Scopes = new[] { "openid", "email" },
                    Domains = new[] { "a.example", "b.example" },
                    Tags = new[] { "x", "y" },
                };
                // A culture that writes decimal commas: header values must not depend on it.
                System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
                var signIn = await client.SignIns.CreateSignInAsync(body, origin: "https://app.example", isNative: true, xWeights: new[] { 1.5, 2.25 });
                var response = signIn.Response.Match(list => "list:" + list.Count, page => "page:" + page.TotalCount, unknown => "unknown");
                var expires = signIn.Expires?.Match(text => "string:" + text, number => "int64:" + number, flag => "bool:" + flag, unknown => "unknown:" + unknown.GetRawText());
                return response + "|" + expires;
            }

            /// <summary>An update with only the path parameter: no optional header, no body.</summary>
            public static async System.Threading.Tasks.Task<string> UpdateWithoutOptionals(string apiUrl)
            {
                var client = new Fixtures.FormBodies.ClerkClient(new Clerk.Generated.Http.ClerkClientOptions { SecretKey = "sk_test_wire", ApiUrl = apiUrl });
                await client.Applications.UpdateApplicationAsync("app_1");
                return "done";
            }

            /// <summary>An update with the If-Match header and a body.</summary>
            public static async System.Threading.Tasks.Task<string> UpdateWithOptionals(string apiUrl)
            {
                var client = new Fixtures.FormBodies.ClerkClient(new Clerk.Generated.Http.ClerkClientOptions { SecretKey = "sk_test_wire", ApiUrl = apiUrl });
                await client.Applications.UpdateApplicationAsync("app_1", new Fixtures.FormBodies.UpdateApplicationRequest { Name = "Ünïcode" }, ifMatch: "\"v2\"");
                return "done";
            }
        }
        """;

    private static readonly Lazy<Type> Calls = new(Compile);

    [Test]
    public async Task A_form_body_is_urlencoded_field_by_field_as_its_encoding_says_and_headers_are_sent()
    {
        var (result, request) = await CallAsync("SignIn", """{"id":"sia_1","response":[{"strategy":"password"}],"expires":1767225600000}""", HttpStatusCode.OK);

        Assert.That(request.Method, Is.EqualTo("POST"));
        Assert.That(request.PathAndQuery, Is.EqualTo("/v1/client/sign_ins?_is_native=true"));
        Assert.That(request.Headers["Authorization"], Is.EqualTo("Bearer sk_test_wire"), "a Backend API client sends its secret key");
        Assert.That(request.ContentType, Is.EqualTo("application/x-www-form-urlencoded"));
        Assert.That(request.Body, Is.EqualTo(
            "strategy=password&identifier=ada+lovelace%2B1%40example.com&password=p%26ss%3Dword&transfer=true&attempts=3"
            + "&scopes=openid&scopes=email&domains=a.example%2Cb.example&tags=x%7Cy"));
        Assert.That(request.Headers["Origin"], Is.EqualTo("https://app.example"));
        Assert.That(request.Headers["X-Original-Host"], Is.Null, "an optional header left null is not sent");
        Assert.That(request.Headers["X-Weights"], Is.EqualTo("1.5,2.25"), "an array header is comma-joined, numbers in the invariant culture");
        Assert.That(result, Is.EqualTo("list:1|int64:1767225600000"));
    }

    [Test]
    public async Task Union_alternatives_are_chosen_by_the_json_token()
    {
        var (page, _) = await CallAsync("SignIn", """{"id":"sia_1","response":{"data":[],"total_count":7},"expires":"never"}""", HttpStatusCode.OK);
        var (flag, _) = await CallAsync("SignIn", """{"id":"sia_1","response":[],"expires":false}""", HttpStatusCode.OK);
        var (fraction, _) = await CallAsync("SignIn", """{"id":"sia_1","response":[],"expires":1.5}""", HttpStatusCode.OK);

        Assert.That(page, Is.EqualTo("page:7|string:never"));
        Assert.That(flag, Is.EqualTo("list:0|bool:False"));
        Assert.That(fraction, Is.EqualTo("list:0|unknown:1.5"), "a number that is not an integer is kept, not a failed read");
    }

    [Test]
    public async Task An_optional_header_and_an_optional_form_body_are_sent_only_when_given()
    {
        var (_, without) = await CallAsync("UpdateWithoutOptionals", "", HttpStatusCode.NoContent);
        var (_, with) = await CallAsync("UpdateWithOptionals", "", HttpStatusCode.NoContent);

        Assert.That(without.Method, Is.EqualTo("PATCH"));
        Assert.That(without.Headers["If-Match"], Is.Null);
        Assert.That(without.Body, Is.Empty);
        Assert.That(with.Headers["If-Match"], Is.EqualTo("\"v2\""));
        Assert.That(with.ContentType, Is.EqualTo("application/x-www-form-urlencoded"));
        Assert.That(with.Body, Is.EqualTo("name=%C3%9Cn%C3%AFcode"));
    }

    [TestCase("a\r\nX-Injected: 1")]
    [TestCase("a\nb")]
    public void A_header_value_with_a_line_break_is_rejected_before_anything_is_sent(string value)
    {
        var request = new Clerk.Generated.Http.ClerkRequest(HttpMethod.Post, "CreateSignIn", "/client/sign_ins", "/client/sign_ins");

        var error = Assert.Throws<ArgumentException>(() => request.SetHeader("Origin", value));

        Assert.That(error!.Message, Does.Contain("Origin"));
        Assert.That(request.Headers, Is.Empty);
    }

    /// <summary>Serves one request on a free loopback port, answering with <paramref name="json"/>, while the consumer calls.</summary>
    private static Task<(string Result, RecordedRequest Request)> CallAsync(string method, string json, HttpStatusCode status) =>
        LoopbackServer.CallAsync(
            apiUrl => (Task<string>)Calls.Value.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [apiUrl])!,
            json,
            status);

    private static Type Compile() => GeneratorHarness.CompileAndLoad(
        new[] { SpecItem.Fixture("form-bodies.yml", @namespace: "Fixtures.FormBodies") }, ConsumerSource, "WireConsumer", "Consumer.Calls");
}
