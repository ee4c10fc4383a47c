using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Clerk.Generated.Json;

namespace Clerk.Generated.Runtime.Tests.Json;

/// <summary>The one-call property helpers generated converters use, and lists read into exact-size arrays.</summary>
public sealed class ClerkJsonPropertyHelperTests
{
    private static readonly JsonSerializerOptions Options = new();

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(8)]
    [TestCase(9)]
    [TestCase(1000)]
    public void A_list_of_any_length_is_read_whole_into_an_array_of_its_count(int count)
    {
        var json = "[" + string.Join(",", Enumerable.Range(0, count).Select(i => i % 7 == 3 ? "null" : "\"s" + i + "\"")) + "]";
        var reader = Start(json);

        var list = ClerkJson.ReadList(ref reader, Options, ClerkJson.StringConverter);

        Assert.That(list, Is.TypeOf<string[]>().And.Count.EqualTo(count));
        Assert.That(list, Is.EqualTo(Enumerable.Range(0, count).Select(i => i % 7 == 3 ? null : "s" + i)));
        Assert.That(reader.TokenType, Is.EqualTo(JsonTokenType.EndArray));
    }

    [Test]
    public void Nested_lists_read_through_their_own_buffers_do_not_mix()
    {
        var reader = Start("""[["a","b"],[],["c","d","e","f","g","h","i","j","k"]]""");

        var lists = ClerkJson.ReadList(ref reader, Options, new ClerkListConverter<string>(ClerkJson.StringConverter));

        Assert.That(lists.Select(l => string.Concat(l)), Is.EqualTo(new[] { "ab", "", "cdefghijk" }));
    }

    [Test]
    public void Nullable_readers_answer_null_for_json_null_and_the_value_otherwise()
    {
        Assert.That(Read("null", (ref Utf8JsonReader r) => ClerkJson.ReadString(ref r)), Is.Null);
        Assert.That(Read("\"x\"", (ref Utf8JsonReader r) => ClerkJson.ReadString(ref r)), Is.EqualTo("x"));
        Assert.That(Read("null", (ref Utf8JsonReader r) => ClerkJson.ReadInt64(ref r)), Is.Null);
        Assert.That(Read("9007199254740993", (ref Utf8JsonReader r) => ClerkJson.ReadInt64(ref r)), Is.EqualTo(9007199254740993L));
        Assert.That(Read("false", (ref Utf8JsonReader r) => ClerkJson.ReadBoolean(ref r)), Is.False);
        Assert.That(Read("null", (ref Utf8JsonReader r) => ClerkJson.ReadNullableList(ref r, Options, ClerkJson.StringConverter)), Is.Null);
        Assert.That(Read("null", (ref Utf8JsonReader r) => ClerkJson.ReadNullableMap(ref r, Options, JsonMetadataServices.JsonElementConverter)), Is.Null);
        Assert.That(Read("\"2026-05-12T10:00:00Z\"", (ref Utf8JsonReader r) => ClerkJson.ReadDateTimeOffset(ref r)), Is.EqualTo(new DateTimeOffset(2026, 5, 12, 10, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void A_wrong_token_is_a_json_exception_not_a_null()
    {
        Assert.Throws<InvalidOperationException>(() => Read("\"1\"", (ref Utf8JsonReader r) => ClerkJson.ReadInt64(ref r)));
        Assert.Throws<JsonException>(() => Read("{}", (ref Utf8JsonReader r) => ClerkJson.ReadNullableList(ref r, Options, ClerkJson.StringConverter)));
    }

    [Test]
    public void Write_helpers_write_the_value_a_null_or_nothing()
    {
        var json = Write(writer =>
        {
            ClerkJson.WriteStringProperty(writer, JsonEncodedText.Encode("s"), "v", omitNull: true);
            ClerkJson.WriteStringProperty(writer, JsonEncodedText.Encode("null_s"), (string?)null, omitNull: false);
            ClerkJson.WriteStringProperty(writer, JsonEncodedText.Encode("omitted"), (string?)null, omitNull: true);
            ClerkJson.WriteInt64Property(writer, JsonEncodedText.Encode("n"), (long?)42, omitNull: false);
            ClerkJson.WriteInt64Property(writer, JsonEncodedText.Encode("null_n"), (long?)null, omitNull: false);
            ClerkJson.WriteDoubleProperty(writer, JsonEncodedText.Encode("d"), (double?)1.5, omitNull: true);
            ClerkJson.WriteBooleanProperty(writer, JsonEncodedText.Encode("b"), (bool?)false, omitNull: true);
            ClerkJson.WriteDateTimeOffsetProperty(writer, JsonEncodedText.Encode("t"), (DateTimeOffset?)new DateTimeOffset(2026, 5, 12, 10, 0, 0, TimeSpan.Zero), omitNull: true);
            ClerkJson.WriteListProperty(writer, JsonEncodedText.Encode("l"), new[] { "a", null! }, Options, ClerkJson.StringConverter, omitNull: true);
            ClerkJson.WriteListProperty<string>(writer, JsonEncodedText.Encode("null_l"), null, Options, ClerkJson.StringConverter, omitNull: false);
            ClerkJson.WriteMapProperty<string>(writer, JsonEncodedText.Encode("omitted_m"), null, Options, ClerkJson.StringConverter, omitNull: true);
        });

        Assert.That(json, Is.EqualTo("""{"s":"v","null_s":null,"n":42,"null_n":null,"d":1.5,"b":false,"t":"2026-05-12T10:00:00+00:00","l":["a",null],"null_l":null}"""));
    }

    [Test]
    public void An_object_start_is_true_a_null_is_false_and_anything_else_names_the_type()
    {
        Assert.That(Read("{}", (ref Utf8JsonReader r) => ClerkJson.IsObjectStart(ref r, "User")), Is.True);
        Assert.That(Read("null", (ref Utf8JsonReader r) => ClerkJson.IsObjectStart(ref r, "User")), Is.False);
        foreach (var json in new[] { "[]", "\"user\"", "1", "true" })
        {
            var error = Assert.Throws<JsonException>(() => Read(json, (ref Utf8JsonReader r) => ClerkJson.IsObjectStart(ref r, "User")));
            Assert.That(error!.Message, Is.EqualTo("Expected a JSON object for User."), json);
        }
    }

    [Test]
    public void Next_property_stops_at_each_name_of_the_object_and_at_its_end()
    {
        var reader = Start("""{"a":1,"b":{"c":2},"d":[3]}""");
        var names = new List<string>();

        while (ClerkJson.NextProperty(ref reader))
        {
            names.Add(reader.GetString()!);
            reader.Read();
            reader.Skip();
        }

        Assert.That(names, Is.EqualTo(new[] { "a", "b", "d" }));
        Assert.That(reader.TokenType, Is.EqualTo(JsonTokenType.EndObject));
        Assert.That(reader.CurrentDepth, Is.Zero);

        var empty = Start("{}");
        Assert.That(ClerkJson.NextProperty(ref empty), Is.False);
        Assert.That(empty.TokenType, Is.EqualTo(JsonTokenType.EndObject));
    }

    private delegate T ReadFunc<T>(ref Utf8JsonReader reader);

    private static T Read<T>(string json, ReadFunc<T> read)
    {
        var reader = Start(json);
        return read(ref reader);
    }

    private static Utf8JsonReader Start(string json) => JsonReaders.AtFirstToken(json);

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
