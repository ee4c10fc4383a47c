using Clerk.Generated.Http;

namespace Clerk.Generated.Runtime.Tests.Http;

public sealed class ClerkPathTests
{
    [TestCase("user_123", "user_123")]
    [TestCase("a/b", "a%2Fb")]
    [TestCase("a b", "a%20b")]
    [TestCase("a?b#c", "a%3Fb%23c")]
    [TestCase("é", "%C3%A9")]
    [TestCase("..", "%2E%2E")]
    [TestCase(".", "%2E")]
    [TestCase("a.b", "a.b")]
    public void Escape_encodes_one_segment(string segment, string expected)
    {
        Assert.That(ClerkPath.Escape(segment), Is.EqualTo(expected));
    }

    [Test]
    public void Escape_rejects_null_and_empty()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => ClerkPath.Escape(null!), Throws.InstanceOf<ArgumentException>());
            Assert.That(() => ClerkPath.Escape(""), Throws.InstanceOf<ArgumentException>());
        });
    }
}
