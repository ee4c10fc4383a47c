using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clerk.Generated.Json;

// One call per property for the generated converters: each reads the value at the reader's current token, or answers
// null for a JSON null (what an absent property leaves too), and each writes one property, null or left out. Each
// kind of value has a method of its own name rather than an overload: the compiler then resolves each of the
// thousands of calls in a generated client against one candidate.
public static partial class ClerkJson
{
    /// <summary>The string at the current token; null for JSON null.</summary>
    public static string? ReadString(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : reader.GetString();

    /// <summary>The integer at the current token; null for JSON null.</summary>
    public static long? ReadInt64(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : reader.GetInt64();

    /// <summary>The number at the current token; null for JSON null.</summary>
    public static double? ReadDouble(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : reader.GetDouble();

    /// <summary>The boolean at the current token; null for JSON null.</summary>
    public static bool? ReadBoolean(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : reader.GetBoolean();

    /// <summary>The ISO 8601 date and time at the current token; null for JSON null.</summary>
    public static DateTimeOffset? ReadDateTimeOffset(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : reader.GetDateTimeOffset();

    /// <summary>The object at the current token read by <paramref name="converter"/>; null for JSON null.</summary>
    public static T? ReadObject<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, JsonConverter<T> converter)
        where T : class =>
        reader.TokenType == JsonTokenType.Null ? null : Read(ref reader, options, converter);

    /// <summary>The value (an enum or union) at the current token read by <paramref name="converter"/>; null for JSON null.</summary>
    public static T? ReadValue<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, JsonConverter<T> converter)
        where T : struct =>
        reader.TokenType == JsonTokenType.Null ? null : Read(ref reader, options, converter);

    /// <summary>The array at the current token, items read by <paramref name="converter"/>; null for JSON null.</summary>
    public static IReadOnlyList<T>? ReadNullableList<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, JsonConverter<T> converter) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadList(ref reader, options, converter);

    /// <summary>The object at the current token as a map, values read by <paramref name="converter"/>; null for JSON null.</summary>
    public static IReadOnlyDictionary<string, T>? ReadNullableMap<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, JsonConverter<T> converter) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadMap(ref reader, options, converter);

    /// <summary>Writes the property <paramref name="name"/>: the string, or null (left out when <paramref name="omitNull"/>).</summary>
    public static void WriteStringProperty(Utf8JsonWriter writer, JsonEncodedText name, string? value, bool omitNull)
    {
        if (WriteName(writer, name, value is not null, omitNull))
        {
            writer.WriteStringValue(value);
        }
    }

    /// <summary>Writes the property <paramref name="name"/>: the integer, or null (left out when <paramref name="omitNull"/>).</summary>
    public static void WriteInt64Property(Utf8JsonWriter writer, JsonEncodedText name, long? value, bool omitNull)
    {
        if (WriteName(writer, name, value.HasValue, omitNull))
        {
            writer.WriteNumberValue(value.GetValueOrDefault());
        }
    }

    /// <summary>Writes the property <paramref name="name"/>: the number, or null (left out when <paramref name="omitNull"/>).</summary>
    public static void WriteDoubleProperty(Utf8JsonWriter writer, JsonEncodedText name, double? value, bool omitNull)
    {
        if (WriteName(writer, name, value.HasValue, omitNull))
        {
            writer.WriteNumberValue(value.GetValueOrDefault());
        }
    }

    /// <summary>Writes the property <paramref name="name"/>: the boolean, or null (left out when <paramref name="omitNull"/>).</summary>
    public static void WriteBooleanProperty(Utf8JsonWriter writer, JsonEncodedText name, bool? value, bool omitNull)
    {
        if (WriteName(writer, name, value.HasValue, omitNull))
        {
            writer.WriteBooleanValue(value.GetValueOrDefault());
        }
    }

    /// <summary>Writes the property <paramref name="name"/>: the date and time in ISO 8601, or null (left out when <paramref name="omitNull"/>).</summary>
    public static void WriteDateTimeOffsetProperty(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset? value, bool omitNull)
    {
        if (WriteName(writer, name, value.HasValue, omitNull))
        {
            writer.WriteStringValue(value.GetValueOrDefault());
        }
    }

    /// <summary>Writes the property <paramref name="name"/>: the object through <paramref name="converter"/>, or null (left out when <paramref name="omitNull"/>).</summary>
    public static void WriteObjectProperty<T>(Utf8JsonWriter writer, JsonEncodedText name, T? value, JsonSerializerOptions options, JsonConverter<T> converter, bool omitNull)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(converter);
        if (WriteName(writer, name, value is not null, omitNull))
        {
            converter.Write(writer, value!, options);
        }
    }

    /// <summary>Writes the property <paramref name="name"/>: the value (an enum) through <paramref name="converter"/>, or null (left out when <paramref name="omitNull"/>).</summary>
    public static void WriteValueProperty<T>(Utf8JsonWriter writer, JsonEncodedText name, T? value, JsonSerializerOptions options, JsonConverter<T> converter, bool omitNull)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(converter);
        if (WriteName(writer, name, value.HasValue, omitNull))
        {
            converter.Write(writer, value.GetValueOrDefault(), options);
        }
    }

    /// <summary>Writes the property <paramref name="name"/>: the list, items through <paramref name="converter"/>, or null (left out when <paramref name="omitNull"/>).</summary>
    public static void WriteListProperty<T>(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<T>? value, JsonSerializerOptions options, JsonConverter<T> converter, bool omitNull)
    {
        if (WriteName(writer, name, value is not null, omitNull))
        {
            WriteList(writer, value!, options, converter);
        }
    }

    /// <summary>Writes the property <paramref name="name"/>: the map, values through <paramref name="converter"/>, or null (left out when <paramref name="omitNull"/>).</summary>
    public static void WriteMapProperty<T>(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyDictionary<string, T>? value, JsonSerializerOptions options, JsonConverter<T> converter, bool omitNull)
    {
        if (WriteName(writer, name, value is not null, omitNull))
        {
            WriteMap(writer, value!, options, converter);
        }
    }

    /// <summary>Writes the members a model kept without describing them, each as it was read; nothing for null.</summary>
    public static void WriteAdditionalProperties(Utf8JsonWriter writer, IReadOnlyDictionary<string, JsonElement>? properties)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (properties is null)
        {
            return;
        }

        foreach (var entry in properties)
        {
            writer.WritePropertyName(entry.Key);
            entry.Value.WriteTo(writer);
        }
    }

    /// <summary>Writes the name when there is a value (true: write it next), else a null or nothing.</summary>
    private static bool WriteName(Utf8JsonWriter writer, JsonEncodedText name, bool hasValue, bool omitNull)
    {
        if (hasValue)
        {
            writer.WritePropertyName(name);
            return true;
        }

        if (!omitNull)
        {
            writer.WriteNull(name);
        }

        return false;
    }
}
