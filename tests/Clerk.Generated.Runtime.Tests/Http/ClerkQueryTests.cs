using System.Globalization;
using Clerk.Generated.Http;

namespace Clerk.Generated.Runtime.Tests.Http;

public sealed class ClerkQueryTests
{
    [Test]
    public void Empty_query_renders_as_empty_string()
    {
        Assert.That(new ClerkQuery().ToString(), Is.Empty);
    }

    [Test]
    public void Keeps_order_and_repeated_keys_and_omits_nulls()
    {
        var query = new ClerkQuery();
        query.AddInt64("limit", 10L);
        query.Add("query", null);
        query.AddInt64("offset", null);
        query.AddEach("user_id", ["u1", "u2"]);
        query.AddInt64("limit", 20L);
        query.AddEach("email_address", null);

        Assert.That(query.ToString(), Is.EqualTo("?limit=10&user_id=u1&user_id=u2&limit=20"));
    }

    [Test]
    public void Escapes_names_and_values()
    {
        var query = new ClerkQuery();
        query.Add("email_address", "a+b@example.com");
        query.Add("q", "x&y=z #1");

        Assert.That(query.ToString(), Is.EqualTo("?email_address=a%2Bb%40example.com&q=x%26y%3Dz%20%231"));
    }

    [Test]
    public void Formats_scalars_in_invariant_culture_whatever_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            var query = new ClerkQuery();
            query.AddDouble("d", 1234.5);
            query.AddInt64("n", -1234567890123L);
            query.AddBoolean("t", true);
            query.AddBoolean("f", false);
            query.AddDateTimeOffset("at", new DateTimeOffset(2026, 5, 12, 10, 30, 0, TimeSpan.FromHours(2)));

            Assert.That(query.ToString(), Is.EqualTo("?d=1234.5&n=-1234567890123&t=true&f=false&at=2026-05-12T10%3A30%3A00.0000000%2B02%3A00"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Test]
    public void AddJoined_joins_with_commas_and_omits_empty_lists()
    {
        var query = new ClerkQuery();
        query.AddJoined("status", ["active", "pending"]);
        query.AddJoined("empty", []);
        query.AddJoined("none", null);

        Assert.That(query.ToString(), Is.EqualTo("?status=active%2Cpending"));
        Assert.That(query.Parameters, Has.Count.EqualTo(1));
        Assert.That(query.Parameters[0].Value, Is.EqualTo("active,pending"));
    }
}
