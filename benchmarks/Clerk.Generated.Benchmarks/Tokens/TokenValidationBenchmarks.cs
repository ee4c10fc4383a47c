using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Clerk.Generated.Tokens.Jwks;
using Clerk.Generated.Testing;
using Clerk.Generated.Tokens;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Clerk.Generated.Benchmarks.Tokens;

/// <summary>
/// Validating realistic Clerk session tokens (v2 claims with an organization, 2048-bit key, one static key). Every
/// operation takes the next of <see cref="TokenCount"/> distinct tokens (distinct session, token id and issue time),
/// so no contender profits from a token it has just seen:
/// <list type="bullet">
/// <item>the floor: what RFC 7515 requires of any RS256 verifier given the token's text, and nothing more: the
/// signing input is the ASCII bytes of <c>header.payload</c> (the text narrowed to bytes), the signature is the
/// base64url-decoded third segment, then <see cref="RSA.VerifyData(ReadOnlySpan{byte}, ReadOnlySpan{byte}, HashAlgorithmName, RSASignaturePadding)"/>
/// (span overload, PKCS#1 v1.5) on the validator's own key object, so the key import is the very same;</item>
/// <item>that RSA call alone on inputs decoded in advance (the work a verifier cannot skip, for reference);</item>
/// <item>ours without the token cache ("cold": the signing key is in memory, the token is new);</item>
/// <item>ours with the token cache, on one token seen before;</item>
/// <item>the peer: Microsoft.IdentityModel's <see cref="JsonWebTokenHandler.ValidateTokenAsync(string, TokenValidationParameters)"/>
/// with the equivalent checks (RS256 only, lifetime with 5 s skew, issuer).</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
public class TokenValidationBenchmarks
{
    /// <summary>A power of two, so the next index is a mask.</summary>
    private const int TokenCount = 256;

    /// <summary>The benchmark tokens are ~1 KB; the floor narrows them on the stack, as the validator does.</summary>
    private const int MaxTokenBytes = 4096;

    private const int SignatureBytes = 256;

    private ClerkTestKey _key = null!;
    private RSA _rsa = null!;
    private string[] _tokens = [];
    private byte[][] _signingInputs = [];
    private byte[][] _signatures = [];
    private int _next;

    private ClerkTokenValidator _cold = null!;
    private ClerkTokenValidator _cached = null!;
    private JsonWebTokenHandler _peer = null!;
    private TokenValidationParameters _peerParameters = null!;

    [GlobalSetup]
    public void Setup()
    {
        _key = ClerkTestKey.Generate("ins_2benchmarkKey000000000000");
        using var tokens = new ClerkTestTokens(_key);
        var issuedAt = DateTimeOffset.UtcNow;
        _tokens = Enumerable.Range(0, TokenCount).Select(i => tokens.Mint(new ClerkTestTokenDescriptor
        {
            SessionId = $"sess_2benchmark{i:D15}",
            TokenId = $"jti_{i:D20}",
            IssuedAt = issuedAt.AddSeconds(-i),
            Lifetime = TimeSpan.FromHours(2),
            Issuer = "https://clerk.example.com",
            AuthorizedParty = "https://app.example.com",
            FactorVerificationAge = new FactorVerificationAge(4, -1),
            Organization = new ClerkTestOrganization("org_2benchmarkOrg000000000000", "acme", "admin", ["org:invoices:read", "org:invoices:write"]),
            Features = ["u:dashboard"],
            Plans = ["u:pro"],
        })).ToArray();

        var parts = _tokens.Select(t => t.Split('.')).ToArray();
        _signingInputs = parts.Select(p => Encoding.ASCII.GetBytes(p[0] + "." + p[1])).ToArray();
        _signatures = parts.Select(p => Base64Url.DecodeFromChars(p[2])).ToArray();
        using (var pem = RSA.Create())
        {
            pem.ImportFromPem(_key.PublicKeyPem);
            _rsa = RSA.Create();
            _rsa.ImportParameters(pem.ExportParameters(includePrivateParameters: false));
        }

        var options = new ClerkTokenValidationOptions { AuthorizedParties = { "https://app.example.com" }, Issuer = "https://clerk.example.com" };
        _cold = new ClerkTokenValidator(StaticJwksProvider.FromKeys(_key.SigningKey), options);
        _cached = new ClerkTokenValidator(StaticJwksProvider.FromKeys(_key.SigningKey), new ClerkTokenValidationOptions
        {
            AuthorizedParties = { "https://app.example.com" },
            Issuer = "https://clerk.example.com",
            EnableTokenCache = true,
        });

        _peer = new JsonWebTokenHandler();
        _peerParameters = new TokenValidationParameters
        {
            IssuerSigningKey = new RsaSecurityKey(_rsa) { KeyId = _key.KeyId },
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidIssuer = "https://clerk.example.com",
            ValidateAudience = false,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromSeconds(5),
        };

        // Each contender once over every token (the cursor is shared, so one contender at a time).
        Func<bool>[] contenders = [RawRsaVerify, PreDecodedRsaVerify, () => OursCold().Result.IsValid, () => PeerJsonWebTokenHandler().Result];
        foreach (var contender in contenders)
        {
            for (var i = 0; i < TokenCount; i++)
            {
                if (!contender())
                {
                    throw new InvalidOperationException("Every contender must accept every benchmark token.");
                }
            }
        }

        if (!OursCached().Result.IsValid)
        {
            throw new InvalidOperationException("The cached validator must accept the benchmark token.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _rsa.Dispose();
        _key.Dispose();
    }

    [Benchmark(Baseline = true, Description = "RSA-2048 verify of the token as sent (floor)")]
    [SkipLocalsInit]
    public bool RawRsaVerify()
    {
        var token = _tokens[Next()];
        Span<byte> ascii = stackalloc byte[MaxTokenBytes];
        if (Ascii.FromUtf16(token, ascii, out var length) != OperationStatus.Done)
        {
            return false;
        }

        var signingInput = ascii[..length][..ascii[..length].LastIndexOf((byte)'.')];
        Span<byte> signature = stackalloc byte[SignatureBytes];
        return Base64Url.DecodeFromUtf8(ascii[(signingInput.Length + 1)..length], signature, out _, out var written) == OperationStatus.Done
               && _key.SigningKey.VerifyRs256(signingInput, signature[..written]);
    }

    [Benchmark(Description = "RSA-2048 VerifyData, inputs decoded in advance")]
    public bool PreDecodedRsaVerify()
    {
        var i = Next();
        return _rsa.VerifyData(_signingInputs[i].AsSpan(), _signatures[i].AsSpan(), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    [Benchmark(Description = "ClerkTokenValidator, cold")]
    public ValueTask<ClerkTokenValidationResult> OursCold() => _cold.ValidateAsync(_tokens[Next()]);

    [Benchmark(Description = "ClerkTokenValidator, token cache")]
    public ValueTask<ClerkTokenValidationResult> OursCached() => _cached.ValidateAsync(_tokens[0]);

    [Benchmark(Description = "JsonWebTokenHandler.ValidateTokenAsync (peer)")]
    public async Task<bool> PeerJsonWebTokenHandler() => (await _peer.ValidateTokenAsync(_tokens[Next()], _peerParameters)).IsValid;

    private int Next() => _next++ & (TokenCount - 1);
}
