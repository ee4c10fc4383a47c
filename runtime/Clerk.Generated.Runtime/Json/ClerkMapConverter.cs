using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clerk.Generated.Json;

/// <summary>
/// Reads and writes a JSON object as a string-keyed <see cref="IReadOnlyDictionary{TKey, TValue}"/>, each value
/// through the value's converter: the metadata generated JSON contexts give to maps sent or returned whole.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class ClerkMapConverter<T> : JsonConverter<IReadOnlyDictionary<string, T>>
{
    private readonly JsonConverter<T> _value;

    /// <summary>Creates the converter over the values' converter.</summary>
    public ClerkMapConverter(JsonConverter<T> value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ClerkJson.ReadMap(ref reader, options, _value);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, T> value, JsonSerializerOptions options) =>
        ClerkJson.WriteMap(writer, value, options, _value);
}
