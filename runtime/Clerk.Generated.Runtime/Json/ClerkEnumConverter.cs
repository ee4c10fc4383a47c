using System.Text;
using System.Text.Json;

namespace Clerk.Generated.Json;

/// <summary>
/// Reads and writes an open enum as a JSON string, keeping values the spec does not name. A known value reads as its
/// member (compared as UTF-8, nothing allocated); an unknown one is wrapped as it is.
/// </summary>
/// <typeparam name="T">The enum type.</typeparam>
public sealed class ClerkEnumConverter<T> : ClerkJsonConverter<T>
    where T : struct, IClerkEnum<T>
{
    private static readonly (byte[] Utf8, T Value)[] Known = [.. T.KnownValues.Select(value => (Encoding.UTF8.GetBytes(value.Value), value))];

    /// <summary>The shared instance (the converter holds no state).</summary>
    public static ClerkEnumConverter<T> Instance { get; } = new();

    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a JSON string for {typeof(T).Name}.");
        }

        foreach (var (utf8, value) in Known)
        {
            if (reader.ValueTextEquals(utf8))
            {
                return value;
            }
        }

        return T.Create(reader.GetString()!);
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
