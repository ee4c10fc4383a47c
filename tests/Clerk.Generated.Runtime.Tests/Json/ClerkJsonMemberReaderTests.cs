using System.Text.Json;
using Clerk.Generated.Json;

namespace Clerk.Generated.Runtime.Tests.Json;

/// <summary>The walk over an object's members that generated converters read with.</summary>
public sealed class ClerkJsonMemberReaderTests
{
    private static readonly ClerkJsonPropertyNames Names = new("id", "name", "created_at");

    [Test]
    public void Stops_at_each_named_member_on_its_value_and_keeps_the_others_whole()
    {
        var reader = Start("""{"x":{"deep":[1,{"y":null}]},"id":"user_1","extra":[true,"s"],"name":"Ada","z":-1.5e3}""");
        var members = new ClerkJsonMemberReader(Names);
        var seen = new List<(int Index, string Value)>();

        while (members.MoveNext(ref reader))
        {
            seen.Add((members.Index, reader.GetString()!));
        }

        Assert.That(seen, Is.EqualTo(new[] { (0, "user_1"), (1, "Ada") }));
        Assert.That(reader.TokenType, Is.EqualTo(JsonTokenType.EndObject));
        Assert.That(reader.CurrentDepth, Is.Zero);
        var kept = members.AdditionalProperties!;
        Assert.That(kept.Keys, Is.EquivalentTo(new[] { "x", "extra", "z" }));
        Assert.That(kept["x"].GetRawText(), Is.EqualTo("""{"deep":[1,{"y":null}]}"""));
        Assert.That(kept["extra"].GetRawText(), Is.EqualTo("""[true,"s"]"""));
        Assert.That(kept["z"].GetRawText(), Is.EqualTo("-1.5e3"));
    }

    [Test]
    public void Names_match_after_unescaping_in_any_order_and_unknown_names_keep_their_unescaped_text()
    {
        var reader = Start("""{"created\u005fat":3,"\u0069d":"a","n\u00e4me":1}""");
        var members = new ClerkJsonMemberReader(Names);
        var indexes = new List<int>();

        while (members.MoveNext(ref reader))
        {
            indexes.Add(members.Index);
            reader.Skip();
        }

        Assert.That(indexes, Is.EqualTo(new[] { 2, 0 }));
        Assert.That(members.AdditionalProperties!.Keys, Is.EqualTo(new[] { "n\u00e4me" }));
    }

    [Test]
    public void An_object_with_only_named_members_or_none_keeps_nothing()
    {
        foreach (var json in new[] { "{}", """{"name":"Ada"}""" })
        {
            var reader = Start(json);
            var members = new ClerkJsonMemberReader(Names);
            while (members.MoveNext(ref reader))
            {
                reader.Skip();
            }

            Assert.That(members.AdditionalProperties, Is.Null, json);
            Assert.That(reader.TokenType, Is.EqualTo(JsonTokenType.EndObject), json);
        }
    }

    [Test]
    public void A_repeated_unknown_member_keeps_its_last_value()
    {
        var reader = Start("""{"extra":1,"extra":2}""");
        var members = new ClerkJsonMemberReader(Names);

        Assert.That(members.MoveNext(ref reader), Is.False);
        Assert.That(members.AdditionalProperties!["extra"].GetInt32(), Is.EqualTo(2));
    }

    private static Utf8JsonReader Start(string json) => JsonReaders.AtFirstToken(json);
}
