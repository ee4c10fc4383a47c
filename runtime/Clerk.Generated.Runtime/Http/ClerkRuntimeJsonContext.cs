using System.Text.Json.Serialization;

namespace Clerk.Generated.Http;

/// <summary>
/// Source-generated serialization metadata for the runtime's own types. The generated client maps the spec's
/// <c>ClerkErrors</c> and <c>ClerkError</c> schemas to <see cref="ClerkErrors"/> and <see cref="ClerkError"/> and
/// uses the metadata exposed here.
/// </summary>
[JsonSerializable(typeof(ClerkErrors))]
[JsonSerializable(typeof(ClerkError))]
public partial class ClerkRuntimeJsonContext : JsonSerializerContext;
