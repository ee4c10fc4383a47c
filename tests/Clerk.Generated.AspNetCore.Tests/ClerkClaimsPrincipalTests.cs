using System.Net;
using System.Security.Claims;
using Clerk.Generated.Authentication;
using Clerk.Generated.Testing;
using Clerk.Generated.Tokens;
using Clerk.Generated.Tokens.Jwks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Clerk.Generated.AspNetCore.Tests;

/// <summary>
/// The request principal builds its identity on first look: every way of reading a <see cref="ClaimsPrincipal"/> sees
/// exactly the identity <see cref="ClerkPrincipalFactory.CreateIdentity"/> builds, copies included, and a request
/// that only reads the token never builds it.
/// </summary>
public sealed class ClerkClaimsPrincipalTests
{
    private static readonly (string Name, Func<ClaimsPrincipal, object?> Read)[] Readers =
    [
        ("Identity", p => p.Identity?.Name),
        ("Identities", p => p.Identities.Count()),
        ("Claims", p => p.Claims.Count()),
        ("FindFirst(type)", p => p.FindFirst(ClerkClaimTypes.SessionId)?.Value),
        ("FindFirst(match)", p => p.FindFirst(c => c.Type == ClerkClaimTypes.SessionId)?.Value),
        ("FindAll(type)", p => p.FindAll(ClerkClaimTypes.OrganizationPermission).Count()),
        ("FindAll(match)", p => p.FindAll(c => c.Type == ClerkClaimTypes.OrganizationPermission).Count()),
        ("HasClaim(type, value)", p => p.HasClaim(ClerkClaimTypes.UserId, "user_lazy")),
        ("HasClaim(match)", p => p.HasClaim(c => c.Value == "user_lazy")),
        ("IsInRole", p => p.IsInRole("org:admin")),
        ("Clone", p => p.Clone().FindFirst(ClerkClaimTypes.UserId)?.Value),
        ("new ClaimsPrincipal(principal)", p => new ClaimsPrincipal(p).FindFirst(ClerkClaimTypes.UserId)?.Value),
        ("new ClaimsIdentity(identity)", p => new ClaimsIdentity(p.Identity).FindFirst(ClerkClaimTypes.UserId)?.Value),
        ("WriteTo", p =>
        {
            using var stream = new MemoryStream();
            using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                p.WriteTo(writer);
            }

            stream.Position = 0;
            using var reader = new BinaryReader(stream);
            return new ClaimsPrincipal(reader).FindFirst(ClerkClaimTypes.UserId)?.Value;
        }),
    ];

    private static IEnumerable<TestCaseData> ReaderCases() => Readers.Select(r => new TestCaseData(r.Name).SetName("Reading " + r.Name + " builds the identity once"));

    [TestCaseSource(nameof(ReaderCases))]
    public async Task Every_way_of_reading_sees_the_full_identity(string reader)
    {
        var validation = await ValidateAsync();
        var read = Readers.Single(r => r.Name == reader).Read;
        var lazy = ClerkPrincipalFactory.Create(validation);
        var eager = new ClaimsPrincipal(ClerkPrincipalFactory.CreateIdentity(validation));
        Assert.That(((ClerkClaimsPrincipal)lazy).IsMaterialized, Is.False);

        Assert.That(read(lazy), Is.EqualTo(read(eager)));
        Assert.Multiple(() =>
        {
            Assert.That(((ClerkClaimsPrincipal)lazy).IsMaterialized, Is.True);
            Assert.That(lazy.Identities.Count(), Is.EqualTo(1));
            Assert.That(Describe(lazy), Is.EqualTo(Describe(eager)));
            Assert.That(lazy.Claims.All(c => ReferenceEquals(c.Subject, lazy.Identity)), Is.True);
        });
    }

    [Test]
    public async Task An_identity_added_later_comes_after_the_Clerk_identity()
    {
        var lazy = ClerkPrincipalFactory.Create(await ValidateAsync());
        lazy.AddIdentity(new ClaimsIdentity([new Claim("extra", "1")], "Other"));

        Assert.That(lazy.Identities.Select(i => i.AuthenticationType), Is.EqualTo(new[] { ClerkAuthenticationDefaults.AuthenticationType, "Other" }));
        Assert.That(lazy.GetClerkJwt()?.Subject, Is.EqualTo("user_lazy"));
    }

    [Test]
    public async Task Parallel_first_readers_build_one_identity()
    {
        var validation = await ValidateAsync();
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var lazy = ClerkPrincipalFactory.Create(validation);
            using var start = new ManualResetEventSlim();
            var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            {
                start.Wait();
                return lazy.FindFirst(ClerkClaimTypes.UserId)?.Value;
            })).ToArray();
            start.Set();

            Assert.That(await Task.WhenAll(readers), Is.All.EqualTo("user_lazy"));
            Assert.That(lazy.Identities.Count(), Is.EqualTo(1));
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task A_handler_that_reads_only_the_token_never_builds_the_claims(bool tokenCache)
    {
        var built = new List<bool>();
        await using var app = await TestApp.StartAsync(
            a => a.MapGet("/me", (HttpContext c) =>
            {
                var subject = c.GetClerkJwt()?.Subject;
                lock (built)
                {
                    built.Add(((ClerkClaimsPrincipal)c.User).IsMaterialized);
                }

                return subject;
            }),
            o => o.EnableTokenCache = tokenCache);
        var token = app.Tokens.Mint(new() { Subject = "user_token_only" });

        for (var i = 0; i < 2; i++)
        {
            using var response = await app.GetAsync("/me", bearer: token);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("user_token_only"));
        }

        Assert.That(built, Is.EqualTo(new[] { false, false }));
    }

    private static string Describe(ClaimsPrincipal principal) =>
        string.Join("\n", principal.Identities.Select(i => $"{i.AuthenticationType}|{i.NameClaimType}|{i.RoleClaimType}|{i.BootstrapContext?.GetType().Name}|"
                                                          + string.Join(";", i.Claims.Select(c => $"{c.Type}={c.Value} ({c.Issuer})"))));

    private static async Task<ClerkTokenValidationResult> ValidateAsync()
    {
        using var key = ClerkTestKey.Generate("ins_lazyPrincipal");
        using var tokens = new ClerkTestTokens(key);
        var token = tokens.Mint(new ClerkTestTokenDescriptor
        {
            Subject = "user_lazy",
            SessionId = "sess_lazy",
            Organization = new ClerkTestOrganization("org_lazy", "acme", "org:admin", ["org:invoices:read", "org:invoices:write"]),
            Features = ["u:export"],
        });
        var validation = await new ClerkTokenValidator(StaticJwksProvider.FromKeys(key.SigningKey)).ValidateAsync(token);
        Assert.That(validation.IsValid, Is.True, validation.Reason.ToString());
        return validation;
    }
}
