using System.Text.Json;
using Clerk.Generated.Json;

namespace Clerk.Generated.Runtime.Tests.Json;

/// <summary>The value table generated open enums read and check their values with.</summary>
public sealed class ClerkJsonEnumValuesTests
{
    private static readonly ClerkJsonEnumValues Values = new("active", "revoked", "ünïcode");

    [TestCase("\"active\"", 0)]
    [TestCase("\"revoked\"", 1)]
    [TestCase("\"ünïcode\"", 2)]
    [TestCase("\"\\u0061ctive\"", 0)]
    [TestCase("\"\\u00fcn\\u00efcode\"", 2)]
    [TestCase("\"Active\"", -1)]
    [TestCase("\"activ\"", -1)]
    [TestCase("\"\"", -1)]
    public void A_string_is_found_at_its_position_after_unescaping_and_by_exact_text(string json, int expected)
    {
        var reader = Start(json);

        Assert.That(Values.IndexOf(ref reader, "SessionStatus"), Is.EqualTo(expected));
    }

    [TestCase("1")]
    [TestCase("null")]
    [TestCase("true")]
    [TestCase("{}")]
    [TestCase("[\"active\"]")]
    public void A_token_other_than_a_string_is_rejected_with_the_enum_name(string json)
    {
        var error = Assert.Throws<JsonException>(() =>
        {
            var reader = Start(json);
            Values.IndexOf(ref reader, "SessionStatus");
        });

        Assert.That(error!.Message, Is.EqualTo("Expected a JSON string for SessionStatus."));
    }

    [Test]
    public void Contains_compares_text_ordinally()
    {
        Assert.That(Values.Contains("revoked"), Is.True);
        Assert.That(Values.Contains("ünïcode"), Is.True);
        Assert.That(Values.Contains("Revoked"), Is.False);
        Assert.That(Values.Contains(string.Empty), Is.False);
    }

    private static Utf8JsonReader Start(string json) => JsonReaders.AtFirstToken(json);
}
