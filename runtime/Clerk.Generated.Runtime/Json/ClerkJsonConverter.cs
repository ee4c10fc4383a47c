using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Clerk.Generated.Json;

/// <summary>
/// The base of the converters generated code uses (its models' and unions', the runtime's enum, list, map and delegate
/// converters): a <see cref="JsonConverter{T}"/> that also gives the <see cref="JsonTypeInfo{T}"/> a generated JSON
/// context hands out for <typeparamref name="T"/>, so the context lists converters instead of code per type.
/// </summary>
/// <typeparam name="T">The type converted.</typeparam>
public abstract class ClerkJsonConverter<T> : JsonConverter<T>, IClerkTypeInfoSource
{
    /// <summary>Metadata that reads and writes <typeparamref name="T"/> through this converter.</summary>
    /// <param name="options">The options the metadata belongs to.</param>
    public JsonTypeInfo<T> CreateTypeInfo(JsonSerializerOptions options) => JsonMetadataServices.CreateValueInfo<T>(options, this);

    JsonTypeInfo IClerkTypeInfoSource.CreateTypeInfo(JsonSerializerOptions options) => CreateTypeInfo(options);
}

/// <summary>A converter that can describe itself as metadata without the caller knowing its type argument.</summary>
internal interface IClerkTypeInfoSource
{
    JsonTypeInfo CreateTypeInfo(JsonSerializerOptions options);
}
