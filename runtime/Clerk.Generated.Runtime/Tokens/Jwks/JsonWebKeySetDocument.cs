using System.Text.Json.Serialization;

namespace Clerk.Generated.Tokens.Jwks;

/// <summary>The wire shape of a JWKS document (RFC 7517), as Clerk serves it.</summary>
internal sealed class JsonWebKeySetDocument
{
    [JsonPropertyName("keys")]
    public List<JsonWebKeyDocument?>? Keys { get; set; }
}

/// <summary>The wire shape of one JWK; only the members an RSA signing key needs.</summary>
internal sealed class JsonWebKeyDocument
{
    [JsonPropertyName("kty")]
    public string? KeyType { get; set; }

    [JsonPropertyName("use")]
    public string? Use { get; set; }

    [JsonPropertyName("alg")]
    public string? Algorithm { get; set; }

    [JsonPropertyName("kid")]
    public string? KeyId { get; set; }

    [JsonPropertyName("n")]
    public string? Modulus { get; set; }

    [JsonPropertyName("e")]
    public string? Exponent { get; set; }
}
