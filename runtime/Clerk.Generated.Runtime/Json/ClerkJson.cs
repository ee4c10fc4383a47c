using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clerk.Generated.Json;

/// <summary>Reading and writing helpers that generated converters share.</summary>
public static partial class ClerkJson
{
    /// <summary>
    /// Whether the reader is at the start of a JSON object (true) or at a JSON null (false), where a generated
    /// converter's <c>Read</c> begins; any other token is a <see cref="JsonException"/> naming <paramref name="typeName"/>.
    /// </summary>
    public static bool IsObjectStart(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.Null)
        {
            ThrowNotAnObject(typeName);
        }

        return false;
    }

    /// <summary>Moves the reader to the next property name of the object it is in; false at the object's end.</summary>
    internal static bool NextProperty(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType != JsonTokenType.EndObject;

    /// <summary>The current property name as UTF-8, unescaped (no allocation in the common, unescaped case).</summary>
    internal static ReadOnlySpan<byte> PropertyName(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.PropertyName)
        {
            throw new JsonException("Expected a property name.");
        }

        return UnescapedText(ref reader);
    }

    /// <summary>The current property name or string as UTF-8, unescaped (no allocation in the common, unescaped case).</summary>
    internal static ReadOnlySpan<byte> UnescapedText(ref Utf8JsonReader reader) =>
        !reader.HasValueSequence && !reader.ValueIsEscaped
            ? reader.ValueSpan
            : Encoding.UTF8.GetBytes(reader.GetString()!);

    /// <summary>Reads a JSON array into a list.</summary>
    public static IReadOnlyList<T> ReadList<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, ClerkJsonReadFunc<T> readItem)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected a JSON array.");
        }

        var items = default(ItemBuffer<T>);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(reader.TokenType == JsonTokenType.Null ? default! : readItem(ref reader, options));
        }

        return items.ToArray();
    }

    /// <summary>Writes a list as a JSON array.</summary>
    public static void WriteList<T>(Utf8JsonWriter writer, IReadOnlyList<T> items, JsonSerializerOptions options, ClerkJsonWriteAction<T> writeItem)
    {
        writer.WriteStartArray();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writeItem(writer, item, options);
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>Reads a JSON object used as a map.</summary>
    public static IReadOnlyDictionary<string, T> ReadMap<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, ClerkJsonReadFunc<T> readValue)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected a JSON object.");
        }

        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            map[key] = reader.TokenType == JsonTokenType.Null ? default! : readValue(ref reader, options);
        }

        return map;
    }

    /// <summary>Writes a map as a JSON object.</summary>
    public static void WriteMap<T>(Utf8JsonWriter writer, IReadOnlyDictionary<string, T> map, JsonSerializerOptions options, ClerkJsonWriteAction<T> writeValue)
    {
        writer.WriteStartObject();
        foreach (var entry in map)
        {
            writer.WritePropertyName(entry.Key);
            if (entry.Value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writeValue(writer, entry.Value, options);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>System.Text.Json's string converter, typed for non-null strings (null items are handled by the callers).</summary>
    public static JsonConverter<string> StringConverter { get; } = System.Text.Json.Serialization.Metadata.JsonMetadataServices.StringConverter!;

    /// <summary>Reads the value at the reader's current token (not null) through <paramref name="converter"/>.</summary>
    public static T Read<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, JsonConverter<T> converter)
    {
        ArgumentNullException.ThrowIfNull(converter);
        return converter.Read(ref reader, typeof(T), options)!;
    }

    /// <summary>Reads a JSON array into a list, each item through <paramref name="converter"/> (a generated type's).</summary>
    public static IReadOnlyList<T> ReadList<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, JsonConverter<T> converter)
    {
        ArgumentNullException.ThrowIfNull(converter);
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected a JSON array.");
        }

        // The loop of the delegate overload, repeated so that a converter costs no closure per list.
        var items = default(ItemBuffer<T>);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(reader.TokenType == JsonTokenType.Null ? default! : converter.Read(ref reader, typeof(T), options)!);
        }

        return items.ToArray();
    }

    /// <summary>Writes a list as a JSON array, each item through <paramref name="converter"/>.</summary>
    public static void WriteList<T>(Utf8JsonWriter writer, IReadOnlyList<T> items, JsonSerializerOptions options, JsonConverter<T> converter)
    {
        ArgumentNullException.ThrowIfNull(converter);
        WriteList(writer, items, options, converter.Write);
    }

    /// <summary>Reads a JSON object used as a map, each value through <paramref name="converter"/>.</summary>
    public static IReadOnlyDictionary<string, T> ReadMap<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, JsonConverter<T> converter)
    {
        ArgumentNullException.ThrowIfNull(converter);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected a JSON object.");
        }

        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            map[key] = reader.TokenType == JsonTokenType.Null ? default! : converter.Read(ref reader, typeof(T), options)!;
        }

        return map;
    }

    /// <summary>Writes a map as a JSON object, each value through <paramref name="converter"/>.</summary>
    public static void WriteMap<T>(Utf8JsonWriter writer, IReadOnlyDictionary<string, T> map, JsonSerializerOptions options, JsonConverter<T> converter)
    {
        ArgumentNullException.ThrowIfNull(converter);
        WriteMap(writer, map, options, converter.Write);
    }

    /// <summary>
    /// Looks ahead (on a copy of the reader, which holds the whole value inside a converter) for a top-level string
    /// property, without moving the caller's reader. Null when the value is not an object or has no such string.
    /// </summary>
    public static string? PeekStringProperty(Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var depth = reader.CurrentDepth;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != depth + 1)
            {
                continue;
            }

            var matches = reader.ValueTextEquals(name);
            reader.Read();
            if (matches && reader.TokenType == JsonTokenType.String)
            {
                return reader.GetString();
            }

            reader.Skip();
        }

        return null;
    }

    /// <summary>
    /// Picks the union case whose shape fits the object at the reader best (looking ahead on a copy): every required
    /// property present, then the most properties known to the case, then the fewest unknown to it. -1 when the value
    /// is not an object or no case has all its required properties.
    /// </summary>
    public static int BestShape(Utf8JsonReader reader, ClerkUnionShape[] shapes)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return -1;
        }

        var present = new HashSet<string>(StringComparer.Ordinal);
        var depth = reader.CurrentDepth;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 1)
            {
                present.Add(reader.GetString()!);
                reader.Read();
                reader.Skip();
            }
        }

        var best = -1;
        var bestKnown = -1;
        var bestUnknown = int.MaxValue;
        for (var i = 0; i < shapes.Length; i++)
        {
            var shape = shapes[i];
            if (!shape.Required.All(present.Contains))
            {
                continue;
            }

            var known = shape.Known.Count(present.Contains);
            var unknown = present.Count - known;
            if (known > bestKnown || (known == bestKnown && unknown < bestUnknown))
            {
                best = i;
                bestKnown = known;
                bestUnknown = unknown;
            }
        }

        return best;
    }

    [DoesNotReturn]
    private static void ThrowNotAnObject(string typeName) => throw new JsonException("Expected a JSON object for " + typeName + ".");
}
