using System.Globalization;
using System.Net.Http.Headers;
using Clerk.Generated.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Clerk.Generated.AspNetCore.Tests;

/// <summary>The memo of tokens cut out of Authorization headers: same header instance, same token instance; always the right text.</summary>
public sealed class BearerTokenMemoTests
{
    [Test]
    public void The_same_header_instance_gives_back_the_same_token_instance()
    {
        var header = "Bearer " + new string('a', 900);
        var first = BearerTokenMemo.Slice(header, 7);
        var second = BearerTokenMemo.Slice(header, 7);
        Assert.That(second, Is.SameAs(first));
        Assert.That(first, Is.EqualTo(new string('a', 900)));
    }

    [Test]
    public void Equal_text_in_another_instance_or_another_offset_is_sliced_afresh_and_correctly()
    {
        var header = "Bearer token-one";
        var copy = new string(header.AsSpan());
        Assert.That(BearerTokenMemo.Slice(header, 7), Is.EqualTo("token-one"));
        Assert.That(BearerTokenMemo.Slice(copy, 7), Is.EqualTo("token-one"));
        Assert.That(BearerTokenMemo.Slice(header, 13), Is.EqualTo("one"));
    }

    [Test]
    public void Many_distinct_headers_each_get_their_own_token_whatever_slots_they_share()
    {
        var headers = Enumerable.Range(0, 1_000).Select(i => "Bearer token-" + i).ToList();
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < headers.Count; i++)
            {
                Assert.That(BearerTokenMemo.Slice(headers[i], 7), Is.EqualTo("token-" + i));
            }
        }
    }
}

/// <summary>The premise of the memo, on real Kestrel: requests of one kept-alive connection repeating a token share one token string.</summary>
public sealed class BearerTokenOverKestrelTests
{
    [Test]
    public async Task Requests_on_one_connection_with_the_same_token_get_the_same_token_instance()
    {
        var builder = WebApplication.CreateSlimBuilder(["--urls=http://127.0.0.1:0"]);
        await using var app = builder.Build();
        var seen = new List<string>();
        app.MapGet("/token", (HttpContext c) =>
        {
            var token = ClerkRequestToken.Find(c.Request, readCookie: false, suffixedCookieName: null, out _)!;
            lock (seen)
            {
                seen.Add(token);
            }

            return token.Length;
        });
        await app.StartAsync();
        var address = app.Urls.Single();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        var token = "eyJ" + new string('x', 900);
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/token");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.SendAsync(request);
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(token.Length.ToString(CultureInfo.InvariantCulture)));
        }

        Assert.That(seen, Has.Count.EqualTo(3));
        Assert.That(seen, Is.All.EqualTo(token));
        Assert.That(seen[1], Is.SameAs(seen[0]), "Kestrel reused the header string, and the memo its token");
        Assert.That(seen[2], Is.SameAs(seen[0]));
    }
}
