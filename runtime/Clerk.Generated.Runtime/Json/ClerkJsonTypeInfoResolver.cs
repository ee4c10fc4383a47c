using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Clerk.Generated.Json;

/// <summary>
/// The metadata of a generated JSON context: one converter per type the context holds, looked up by the type it
/// converts. Reflection-free, so trimming and Native AOT keep working.
/// </summary>
public sealed class ClerkJsonTypeInfoResolver : IJsonTypeInfoResolver
{
    private readonly Dictionary<Type, JsonConverter> _converters;

    /// <summary>Creates the resolver over <paramref name="converters"/>; the first converter of a type wins.</summary>
    /// <param name="converters">
    /// <see cref="ClerkJsonConverter{T}"/>s, or System.Text.Json's own converters of <see cref="string"/>,
    /// <see cref="long"/>, <see cref="double"/>, <see cref="bool"/>, <see cref="DateTimeOffset"/> and <see cref="JsonElement"/>.
    /// </param>
    /// <exception cref="ArgumentException">A converter is neither.</exception>
    public ClerkJsonTypeInfoResolver(params JsonConverter[] converters)
    {
        ArgumentNullException.ThrowIfNull(converters);
        _converters = new Dictionary<Type, JsonConverter>(converters.Length);
        foreach (var converter in converters)
        {
            ArgumentNullException.ThrowIfNull(converter, nameof(converters));
            if (converter is not (IClerkTypeInfoSource or JsonConverter<string> or JsonConverter<long> or JsonConverter<double> or JsonConverter<bool> or JsonConverter<DateTimeOffset> or JsonConverter<JsonElement>))
            {
                throw new ArgumentException($"{converter.GetType().Name} is not a ClerkJsonConverter<T> or a System.Text.Json scalar converter.", nameof(converters));
            }

            _converters.TryAdd(converter.Type!, converter);
        }
    }

    /// <inheritdoc/>
    public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(options);
        if (!_converters.TryGetValue(type, out var converter))
        {
            return null;
        }

        return converter switch
        {
            IClerkTypeInfoSource source => source.CreateTypeInfo(options),
            JsonConverter<string> text => JsonMetadataServices.CreateValueInfo<string>(options, text),
            JsonConverter<long> integer => JsonMetadataServices.CreateValueInfo<long>(options, integer),
            JsonConverter<double> number => JsonMetadataServices.CreateValueInfo<double>(options, number),
            JsonConverter<bool> flag => JsonMetadataServices.CreateValueInfo<bool>(options, flag),
            JsonConverter<DateTimeOffset> instant => JsonMetadataServices.CreateValueInfo<DateTimeOffset>(options, instant),
            _ => JsonMetadataServices.CreateValueInfo<JsonElement>(options, converter),
        };
    }
}
