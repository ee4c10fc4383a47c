using System.Buffers.Text;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Clerk.Generated.Tokens;

namespace Clerk.Generated.Testing;

/// <summary>
/// Mints Clerk-shaped session tokens for tests, signed by a <see cref="ClerkTestKey"/>, with any claims and
/// lifetime, in the v1 or v2 claims format; and serves the key to a validator through <see cref="Keys"/>.
/// </summary>
/// <example>
/// <code>
/// using var tokens = new ClerkTestTokens();
/// var validator = new ClerkTokenValidator(tokens.Keys);
/// var token = tokens.Mint(new() { Subject = "user_123", Organization = new("org_1", Role: "admin") });
/// </code>
/// </example>
public sealed class ClerkTestTokens : IDisposable
{
    private readonly bool _ownsKey;

    /// <summary>Creates a minter with a fresh 2048-bit key.</summary>
    /// <param name="timeProvider">The clock that defines "now" for default times; system clock when null.</param>
    public ClerkTestTokens(TimeProvider? timeProvider = null)
        : this(ClerkTestKey.Generate(), timeProvider, ownsKey: true)
    {
    }

    /// <summary>Creates a minter that signs with <paramref name="key"/> (not disposed by the minter).</summary>
    public ClerkTestTokens(ClerkTestKey key, TimeProvider? timeProvider = null)
        : this(key, timeProvider, ownsKey: false)
    {
    }

    private ClerkTestTokens(ClerkTestKey key, TimeProvider? timeProvider, bool ownsKey)
    {
        ArgumentNullException.ThrowIfNull(key);
        Key = key;
        Time = timeProvider ?? TimeProvider.System;
        Keys = new InMemoryJwksProvider(key.SigningKey);
        _ownsKey = ownsKey;
    }

    /// <summary>The signing key.</summary>
    public ClerkTestKey Key { get; }

    /// <summary>The clock that defines "now" for default times.</summary>
    public TimeProvider Time { get; }

    /// <summary>An in-memory key provider serving <see cref="Key"/> (add keys to it to test rotation).</summary>
    public InMemoryJwksProvider Keys { get; }

    /// <summary>The public key as PEM, as in <c>CLERK_JWT_KEY</c>.</summary>
    public string PublicKeyPem => Key.PublicKeyPem;

    /// <summary>The JWKS document serving the public key.</summary>
    public string JwksJson => Key.ToJwksJson();

    /// <summary>Mints a token with the default claims (a v2 session valid for 60 seconds).</summary>
    public string Mint() => Mint(new ClerkTestTokenDescriptor());

    /// <summary>Mints a token as described.</summary>
    public string Mint(ClerkTestTokenDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return Key.SignCompact(WriteHeader(descriptor), WritePayload(descriptor, Time.GetUtcNow()));
    }

    /// <summary>Mints a v1-format token (<c>org_id</c>, <c>org_role</c>, …) as described.</summary>
    public string MintV1(ClerkTestTokenDescriptor descriptor) => Mint((descriptor ?? new()) with { Version = 1 });

    /// <summary>Mints a v2-format token (<c>v: 2</c>, <c>o</c>, <c>fea</c>, <c>fpm</c>) as described.</summary>
    public string MintV2(ClerkTestTokenDescriptor descriptor) => Mint((descriptor ?? new()) with { Version = 2 });

    /// <summary>Signs arbitrary header and payload JSON with RS256 (for malformed-token tests).</summary>
    public string SignRaw(string headerJson, string payloadJson) => Key.SignCompact(headerJson, payloadJson);

    /// <summary>The header JSON <see cref="Mint(ClerkTestTokenDescriptor)"/> would write.</summary>
    public string WriteHeader(ClerkTestTokenDescriptor descriptor) => Json(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("alg", descriptor.Algorithm);
        if (descriptor.Category is not null)
        {
            writer.WriteString("cat", descriptor.Category);
        }

        if (!descriptor.OmitKeyId)
        {
            writer.WriteString("kid", descriptor.KeyId ?? Key.KeyId);
        }

        if (descriptor.Type is not null)
        {
            writer.WriteString("typ", descriptor.Type);
        }

        writer.WriteEndObject();
    });

    /// <summary>The payload JSON <see cref="Mint(ClerkTestTokenDescriptor)"/> would write for a given "now".</summary>
    public static string WritePayload(ClerkTestTokenDescriptor descriptor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var issuedAt = descriptor.IssuedAt ?? now;
        return Json(writer =>
        {
            writer.WriteStartObject();
            WriteOptional(writer, "azp", descriptor.AuthorizedParty);
            if (!descriptor.OmitExpiresAt)
            {
                writer.WriteNumber("exp", (descriptor.ExpiresAt ?? issuedAt + descriptor.Lifetime).ToUnixTimeSeconds());
            }

            if (descriptor.FactorVerificationAge is { } fva)
            {
                writer.WriteStartArray("fva");
                writer.WriteNumberValue(fva.FirstFactorMinutes);
                writer.WriteNumberValue(fva.SecondFactorMinutes);
                writer.WriteEndArray();
            }

            if (!descriptor.OmitIssuedAt)
            {
                writer.WriteNumber("iat", issuedAt.ToUnixTimeSeconds());
            }

            WriteOptional(writer, "iss", descriptor.Issuer);
            if (!descriptor.OmitTokenId)
            {
                writer.WriteString("jti", descriptor.TokenId ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10)));
            }

            if (!descriptor.OmitNotBefore)
            {
                writer.WriteNumber("nbf", (descriptor.NotBefore ?? issuedAt.AddSeconds(-10)).ToUnixTimeSeconds());
            }

            WriteOptional(writer, "sid", descriptor.SessionId);
            WriteOptional(writer, "sts", descriptor.SessionStatus);
            WriteOptional(writer, "sub", descriptor.Subject);
            if (descriptor.Actor is { } actor)
            {
                writer.WriteStartObject("act");
                writer.WriteString("sub", actor.Subject);
                WriteOptional(writer, "iss", actor.Issuer);
                WriteOptional(writer, "sid", actor.SessionId);
                WriteOptional(writer, "type", actor.Type);
                writer.WriteEndObject();
            }

            if (descriptor.Version == 2)
            {
                WriteVersion2Claims(writer, descriptor);
            }
            else
            {
                WriteVersion1Claims(writer, descriptor);
            }

            if (descriptor.AdditionalClaims is { } extra)
            {
                foreach (var (name, value) in extra)
                {
                    writer.WritePropertyName(name);
                    if (value is null)
                    {
                        writer.WriteNullValue();
                    }
                    else
                    {
                        value.WriteTo(writer);
                    }
                }
            }

            writer.WriteEndObject();
        });
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsKey)
        {
            Key.Dispose();
        }
    }

    private static void WriteVersion1Claims(Utf8JsonWriter writer, ClerkTestTokenDescriptor descriptor)
    {
        WriteJoined(writer, "fea", descriptor.Features);
        WriteJoined(writer, "pla", descriptor.Plans);
        if (descriptor.Organization is not { } org)
        {
            return;
        }

        writer.WriteString("org_id", org.Id);
        if (org.Role is not null)
        {
            writer.WriteString("org_role", WithOrgPrefix(org.Role));
        }

        WriteOptional(writer, "org_slug", org.Slug);
        writer.WriteStartArray("org_permissions");
        foreach (var permission in org.Permissions ?? [])
        {
            writer.WriteStringValue(WithOrgPrefix(permission));
        }

        writer.WriteEndArray();
    }

    /// <summary>
    /// v2: the organization's permissions become a list of actions (<c>per</c>), the features they belong to are
    /// listed organization-scoped in <c>fea</c>, and <c>fpm</c> holds, per organization feature in <c>fea</c> order, a
    /// decimal bitmask whose bit i grants action i.
    /// </summary>
    private static void WriteVersion2Claims(Utf8JsonWriter writer, ClerkTestTokenDescriptor descriptor)
    {
        var features = new List<string>(descriptor.Features ?? []);
        var actions = new List<string>();
        var grants = new List<(string Feature, string Action)>();
        foreach (var permission in descriptor.Organization?.Permissions ?? [])
        {
            var parts = WithOrgPrefix(permission)["org:".Length..].Split(':', 2);
            if (parts.Length != 2)
            {
                throw new ArgumentException($"v2 permissions must read org:<feature>:<action>; '{permission}' does not.", nameof(descriptor));
            }

            grants.Add((parts[0], parts[1]));
            if (!actions.Contains(parts[1]))
            {
                actions.Add(parts[1]);
            }

            if (!OrganizationScoped(features).Contains(parts[0]))
            {
                features.Add("o:" + parts[0]);
            }
        }

        writer.WriteNumber("v", 2);
        WriteJoined(writer, "fea", features);
        WriteJoined(writer, "pla", descriptor.Plans);
        if (descriptor.Organization is not { } org)
        {
            return;
        }

        writer.WriteStartObject("o");
        writer.WriteString("id", org.Id);
        if (org.Role is not null)
        {
            writer.WriteString("rol", WithOrgPrefix(org.Role)["org:".Length..]);
        }

        WriteOptional(writer, "slg", org.Slug);
        if (actions.Count > 0)
        {
            writer.WriteString("per", string.Join(',', actions));
            var masks = OrganizationScoped(features).Select(feature =>
            {
                var mask = BigInteger.Zero;
                foreach (var grant in grants.Where(g => g.Feature == feature))
                {
                    mask |= BigInteger.One << actions.IndexOf(grant.Action);
                }

                return mask.ToString(System.Globalization.CultureInfo.InvariantCulture);
            });
            writer.WriteString("fpm", string.Join(',', masks));
        }

        writer.WriteEndObject();
    }

    private static string WithOrgPrefix(string value)
    {
        while (value.StartsWith("org:", StringComparison.Ordinal))
        {
            value = value["org:".Length..];
        }

        return "org:" + value;
    }

    /// <summary>Organization-scoped feature names (scopes o, ou, uo) in claim order: the order fpm masks follow.</summary>
    private static List<string> OrganizationScoped(List<string> features) =>
        features.Select(f => f.Split(':', 2))
            .Where(p => p.Length == 2 && p[0] is "o" or "ou" or "uo")
            .Select(p => p[1])
            .ToList();

    private static void WriteJoined(Utf8JsonWriter writer, string name, IReadOnlyList<string>? values)
    {
        if (values is { Count: > 0 })
        {
            writer.WriteString(name, string.Join(',', values));
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
