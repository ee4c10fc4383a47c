using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clerk.Generated.Json;

/// <summary>
/// Reads and writes a JSON array as <see cref="IReadOnlyList{T}"/>, each item through the item's converter: the
/// metadata generated JSON contexts give to lists that operations send or return whole.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class ClerkListConverter<T> : JsonConverter<IReadOnlyList<T>>
{
    private readonly JsonConverter<T> _item;

    /// <summary>Creates the converter over the items' converter.</summary>
    public ClerkListConverter(JsonConverter<T> item) => _item = item ?? throw new ArgumentNullException(nameof(item));

    /// <inheritdoc/>
    public override IReadOnlyList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ClerkJson.ReadList(ref reader, options, _item);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options) =>
        ClerkJson.WriteList(writer, value, options, _item);
}
