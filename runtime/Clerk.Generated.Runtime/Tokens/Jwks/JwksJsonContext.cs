using System.Text.Json.Serialization;

namespace Clerk.Generated.Tokens.Jwks;

/// <summary>Source-generated JSON metadata for the JWKS wire model (no reflection, AOT-safe).</summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    MaxDepth = 16)]
[JsonSerializable(typeof(JsonWebKeySetDocument))]
internal sealed partial class JwksJsonContext : JsonSerializerContext
{
}
