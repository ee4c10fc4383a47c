using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clerk.Generated.Json;

/// <summary>
/// A converter made of a read and a write function: how generated code gives metadata to lists, maps and scalars
/// that operations send or return whole.
/// </summary>
public sealed class ClerkDelegateConverter<T> : JsonConverter<T>
{
    private readonly ClerkJsonReadFunc<T> _read;
    private readonly ClerkJsonWriteAction<T> _write;

    /// <summary>Creates the converter.</summary>
    public ClerkDelegateConverter(ClerkJsonReadFunc<T> read, ClerkJsonWriteAction<T> write)
    {
        _read = read ?? throw new ArgumentNullException(nameof(read));
        _write = write ?? throw new ArgumentNullException(nameof(write));
    }

    /// <inheritdoc/>
    public override bool HandleNull => false;

    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => _read(ref reader, options);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => _write(writer, value, options);
}
