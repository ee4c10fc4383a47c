using System.Text.RegularExpressions;
using Clerk.Generated.Requests;

namespace Clerk.Generated.Tokens.Tests.Requests;

/// <summary>
/// The issuer-to-frontend-API and frontend-API-to-account-portal rewrites, against the regular expressions
/// @clerk/backend uses for them (<c>/https?:\/\//gi</c>, <c>/clerk\.accountsstage\./</c>, <c>/clerk\.accounts\.|clerk\./</c>).
/// </summary>
public sealed class HostRewritingTests
{
    private static readonly string[] Hosts =
    [
        "clerk.example.com", "clerk.accounts.example.com", "clerk.accountsstage.dev", "foo.clerk.accounts.dev", "clerk.clerk.com",
        "accounts.example.com", "example.com", "CLERK.example.com", "clerk.accountsstage.clerk.accounts.x", "clerk", "clerk.", "",
        "https://clerk.example.com", "http://x.clerk.accounts.y", "HTTPS://clerk.a", "hTtPs://https://a", "https:/a", "http", "https:", "httpss://a",
        "a://b", "x.https://y", "ftp://clerk.z",
    ];

    [Test]
    public void Account_portal_hosts_are_derived_as_the_regular_expressions_derive_them()
    {
        foreach (var host in Hosts)
        {
            var expected = new Regex(@"clerk\.accounts\.|clerk\.").Replace(new Regex(@"clerk\.accountsstage\.").Replace(host, "accountsstage.", 1), "accounts.", 1);
            Assert.That(RequestContext.AccountsPortalHost(host), Is.EqualTo(expected), host);
        }
    }

    [Test]
    public void Issuers_lose_every_http_and_https_scheme_as_with_the_regular_expression()
    {
        foreach (var issuer in Hosts)
        {
            var expected = new Regex("https?://", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant).Replace(issuer, string.Empty);
            Assert.That(RequestContext.WithoutSchemes(issuer), Is.EqualTo(expected), issuer);
        }
    }
}
