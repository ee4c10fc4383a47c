using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;
using Clerk.Generated.Tokens.Jwks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clerk.Generated.Tokens;

/// <summary>
/// Validates Clerk session tokens: RS256 only, <c>kid</c> required, signature before claims, then <c>sub</c>,
/// <c>azp</c>, <c>iss</c>, <c>exp</c>, <c>nbf</c> and <c>iat</c> with clock skew. Never throws for bad input: every
/// rejection is a <see cref="ClerkTokenValidationResult"/> with a <see cref="TokenRejectionReason"/>. Thread-safe;
/// create one per application (or per configuration) and share it.
/// </summary>
public sealed class ClerkTokenValidator
{
    /// <summary>Tokens up to this many characters are read on the stack; longer ones in a pooled buffer.</summary>
    private const int StackBufferBytes = 4096;

    /// <summary>Clerk headers are ~100 characters; longer ones are refused before decoding.</summary>
    private const int MaxHeaderSegmentLength = 2048;

    private static readonly SearchValues<byte> CompactJwsBytes =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_."u8);

    private readonly IJwksProvider _keys;
    private readonly TimeProvider _time;
    private readonly IMachineTokenVerifier? _machineTokens;
    private readonly ILogger _logger;
    private readonly string[] _authorizedParties;
    private readonly byte[][] _authorizedPartiesUtf8;
    private readonly string? _issuer;
    private readonly byte[]? _issuerUtf8;
    private readonly long _clockSkewMilliseconds;
    private readonly ClerkTokenTypes _acceptedTypes;
    private readonly int _maxTokenLength;
    private readonly ValidatedTokenCache? _cache;
    private readonly bool _treatPendingAsSignedOut;

    /// <summary>
    /// The header segment of the last valid token and its <c>kid</c>. An instance's tokens all carry the same header,
    /// so after the first one the header is compared as text instead of being decoded and read again.
    /// </summary>
    private ValidHeader? _lastValidHeader;

    /// <summary>Creates a validator.</summary>
    /// <param name="keys">Where signing keys come from: a <see cref="JwksCache"/> or a <see cref="StaticJwksProvider"/>.</param>
    /// <param name="options">What to check; copied now, later changes have no effect. Defaults when null.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="machineTokenVerifier">Verifies API keys, M2M and OAuth tokens when <see cref="ClerkTokenValidationOptions.AcceptsToken"/> allows them.</param>
    /// <param name="logger">Receives one debug line per rejection (reason only, never the token).</param>
    public ClerkTokenValidator(
        IJwksProvider keys,
        ClerkTokenValidationOptions? options = null,
        TimeProvider? timeProvider = null,
        IMachineTokenVerifier? machineTokenVerifier = null,
        ILogger<ClerkTokenValidator>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        options ??= new ClerkTokenValidationOptions();
        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromHours(1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ClockSkew, "ClockSkew must be between zero and one hour.");
        }

        if (options.MaxTokenLength < 64)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxTokenLength, "MaxTokenLength must be at least 64.");
        }

        _keys = keys;
        _time = timeProvider ?? TimeProvider.System;
        _machineTokens = machineTokenVerifier;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _authorizedParties = (options.AuthorizedParties ?? []).Where(p => !string.IsNullOrEmpty(p)).Distinct(StringComparer.Ordinal).ToArray();
        _authorizedPartiesUtf8 = _authorizedParties.Select(Encoding.UTF8.GetBytes).ToArray();
        _issuer = string.IsNullOrEmpty(options.Issuer) ? null : options.Issuer;
        _issuerUtf8 = _issuer is null ? null : Encoding.UTF8.GetBytes(_issuer);
        _clockSkewMilliseconds = (long)options.ClockSkew.TotalMilliseconds;
        _acceptedTypes = options.AcceptsToken;
        _maxTokenLength = options.MaxTokenLength;
        _cache = options.EnableTokenCache ? new ValidatedTokenCache(Math.Max(1, options.TokenCacheSize), _time) : null;
        _treatPendingAsSignedOut = options.TreatPendingAsSignedOut;
    }

    /// <summary>The authorized parties this validator enforces (empty when not configured).</summary>
    public IReadOnlyList<string> AuthorizedParties => _authorizedParties;

    /// <summary>How many validated tokens the cache holds now (0 without <see cref="ClerkTokenValidationOptions.EnableTokenCache"/>).</summary>
    internal int CachedTokenCount => _cache?.Count ?? 0;

    /// <summary>Validates a token (without any <c>Bearer </c> prefix).</summary>
    /// <returns>The verdict; completes synchronously when the signing key is already in memory.</returns>
    public ValueTask<ClerkTokenValidationResult> ValidateAsync(string token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return Reject(TokenRejectionReason.Missing);
        }

        if (token.Length > _maxTokenLength)
        {
            return Reject(TokenRejectionReason.TooLarge);
        }

        var tokenType = MachineTokenPrefixes.Classify(token);
        if (tokenType != ClerkTokenTypes.SessionToken)
        {
            return ValidateMachineTokenAsync(token, tokenType, cancellationToken);
        }

        if ((_acceptedTypes & ClerkTokenTypes.SessionToken) == 0)
        {
            return Reject(TokenRejectionReason.TokenTypeNotAccepted);
        }

        var nowMilliseconds = _time.GetUtcNow().ToUnixTimeMilliseconds();
        if (_cache is not null && _cache.TryGet(token, nowMilliseconds, _keys, out var cached))
        {
            return ValueTask.FromResult(cached);
        }

        var result = Validate(token, key: null, nowMilliseconds, out var keyIdToFetch);
        return result is not null
            ? Complete(token, result)
            : ValidateAfterKeyLookupAsync(token, keyIdToFetch!, cancellationToken);
    }

    private async ValueTask<ClerkTokenValidationResult> ValidateAfterKeyLookupAsync(string token, string keyId, CancellationToken cancellationToken)
    {
        var lookup = await _keys.GetKeyAsync(keyId, cancellationToken).ConfigureAwait(false);
        switch (lookup.Status)
        {
            case JwksKeyLookupStatus.Found:
                var nowMilliseconds = _time.GetUtcNow().ToUnixTimeMilliseconds();
                return await Complete(token, Validate(token, lookup.Key!, nowMilliseconds, out _)!).ConfigureAwait(false);
            case JwksKeyLookupStatus.Unavailable:
                return await Reject(TokenRejectionReason.KeysUnavailable).ConfigureAwait(false);
            default:
                return await Reject(TokenRejectionReason.UnknownKey).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Everything from the token's text to the verdict, synchronously. The token is narrowed to ASCII once (any other
    /// character makes it malformed) and every later step reads those bytes: the signing input is a slice of them.
    /// Returns null, with the <c>kid</c> to fetch, when no <paramref name="key"/> is given and the key is not in memory.
    /// </summary>
    [SkipLocalsInit]
    private ClerkTokenValidationResult? Validate(string token, ClerkSigningKey? key, long nowMilliseconds, out string? keyIdToFetch)
    {
        byte[]? rented = null;
        var buffer = token.Length <= StackBufferBytes
            ? stackalloc byte[StackBufferBytes]
            : (rented = ArrayPool<byte>.Shared.Rent(token.Length));
        try
        {
            if (Ascii.FromUtf16(token, buffer, out var length) != OperationStatus.Done)
            {
                keyIdToFetch = null;
                return ClerkTokenValidationResult.Rejected(TokenRejectionReason.Malformed);
            }

            return ValidateAscii(buffer[..length], key, nowMilliseconds, out keyIdToFetch);
        }
        finally
        {
            if (rented is not null)
            {
                // The buffer holds the token, a credential: it must not linger in a shared pool.
                ArrayPool<byte>.Shared.Return(rented, clearArray: true);
            }
        }
    }

    [SkipLocalsInit]
    private ClerkTokenValidationResult? ValidateAscii(ReadOnlySpan<byte> token, ClerkSigningKey? key, long nowMilliseconds, out string? keyIdToFetch)
    {
        keyIdToFetch = null;
        if (token.ContainsAnyExcept(CompactJwsBytes))
        {
            return ClerkTokenValidationResult.Rejected(TokenRejectionReason.Malformed);
        }

        var firstDot = token.IndexOf((byte)'.');
        var secondDot = firstDot < 0 ? -1 : token[(firstDot + 1)..].IndexOf((byte)'.') + firstDot + 1;
        if (firstDot <= 0
            || secondDot <= firstDot + 1
            || secondDot == token.Length - 1
            || token[(secondDot + 1)..].Contains((byte)'.')
            || firstDot > MaxHeaderSegmentLength)
        {
            return ClerkTokenValidationResult.Rejected(TokenRejectionReason.Malformed);
        }

        var headerSegment = token[..firstDot];
        var known = Volatile.Read(ref _lastValidHeader);
        if (known is not null && headerSegment.SequenceEqual(known.Segment))
        {
            return key is not null || _keys.TryGetKey(known.KeyId, out key)
                ? VerifyAndCheckClaims(token, firstDot, secondDot, key, nowMilliseconds)
                : ReturnKeyToFetch(known.KeyId, out keyIdToFetch);
        }

        Span<byte> header = stackalloc byte[Base64Url.GetMaxDecodedLength(MaxHeaderSegmentLength)];
        if (Base64Url.DecodeFromUtf8(headerSegment, header, out _, out var headerLength) != OperationStatus.Done)
        {
            return ClerkTokenValidationResult.Rejected(TokenRejectionReason.Malformed);
        }

        Span<char> keyId = stackalloc char[JwsHeaderReader.MaxKeyIdLength];
        var headerVerdict = JwsHeaderReader.Read(header[..headerLength], keyId, out var keyIdLength);
        if (headerVerdict != TokenRejectionReason.None)
        {
            return ClerkTokenValidationResult.Rejected(headerVerdict);
        }

        if (key is null && !_keys.TryGetKey(keyId[..keyIdLength], out key))
        {
            return ReturnKeyToFetch(keyId[..keyIdLength].ToString(), out keyIdToFetch);
        }

        var result = VerifyAndCheckClaims(token, firstDot, secondDot, key, nowMilliseconds);
        if (result.IsValid)
        {
            // Only a header that came with a valid signature is remembered, so forged tokens cannot displace it.
            Volatile.Write(ref _lastValidHeader, new ValidHeader(headerSegment.ToArray(), keyId[..keyIdLength].ToString()));
        }

        return result;
    }

    private static ClerkTokenValidationResult? ReturnKeyToFetch(string keyId, out string? keyIdToFetch)
    {
        keyIdToFetch = keyId;
        return null;
    }

    /// <summary>The signature over <c>header.payload</c> first, then the payload's claims.</summary>
    private ClerkTokenValidationResult VerifyAndCheckClaims(ReadOnlySpan<byte> token, int firstDot, int secondDot, ClerkSigningKey key, long nowMilliseconds)
    {
        var signatureVerdict = Rs256Signature.Verify(key, token[..secondDot], token[(secondDot + 1)..]);
        if (signatureVerdict != TokenRejectionReason.None)
        {
            return ClerkTokenValidationResult.Rejected(signatureVerdict);
        }

        var payloadSegment = token[(firstDot + 1)..secondDot];
        var payload = new byte[Base64Url.GetMaxDecodedLength(payloadSegment.Length)];
        if (Base64Url.DecodeFromUtf8(payloadSegment, payload, out _, out var payloadLength) != OperationStatus.Done)
        {
            return ClerkTokenValidationResult.Rejected(TokenRejectionReason.Malformed);
        }

        if (payloadLength != payload.Length)
        {
            payload = payload.AsSpan(0, payloadLength).ToArray();
        }

        var claimsVerdict = SessionClaimsReader.Read(payload, out var claims);
        if (claimsVerdict == TokenRejectionReason.None)
        {
            claimsVerdict = CheckClaims(payload, in claims, nowMilliseconds);
        }

        if (claimsVerdict != TokenRejectionReason.None)
        {
            return ClerkTokenValidationResult.Rejected(claimsVerdict);
        }

        var jwt = new ClerkJwt(key, payload, in claims);
        // As in Clerk's SDKs (treatPendingAsSignedOut): a session with unfinished session tasks is signed out, yet
        // its verified claims stay readable so the application can send the user to finish them.
        return _treatPendingAsSignedOut && claims.SessionStatus.ValueEquals(payload, "pending"u8, "pending")
            ? ClerkTokenValidationResult.Pending(jwt)
            : ClerkTokenValidationResult.Success(jwt);
    }

    /// <summary>The claim checks, in the order Clerk's verifier applies them (sub, azp, iss, exp, nbf, iat).</summary>
    private TokenRejectionReason CheckClaims(ReadOnlySpan<byte> payload, in SessionClaimsSummary claims, long nowMilliseconds)
    {
        if (!claims.Subject.IsPresent)
        {
            return TokenRejectionReason.MissingSubject;
        }

        if (_authorizedParties.Length > 0 && !IsAuthorizedParty(payload, claims.AuthorizedParty))
        {
            return TokenRejectionReason.DisallowedAuthorizedParty;
        }

        if (_issuer is not null && !claims.Issuer.ValueEquals(payload, _issuerUtf8, _issuer))
        {
            return TokenRejectionReason.InvalidIssuer;
        }

        if (claims.ExpiresAt is not { } expiresAt)
        {
            return TokenRejectionReason.MissingExpiration;
        }

        // Same comparisons as @clerk/backend, in milliseconds: expired when exp <= now - skew; early when
        // nbf > now + skew; issued in the future when iat > now + skew.
        if (expiresAt * 1000 <= nowMilliseconds - _clockSkewMilliseconds)
        {
            return TokenRejectionReason.Expired;
        }

        if (claims.NotBefore is { } notBefore && notBefore * 1000 > nowMilliseconds + _clockSkewMilliseconds)
        {
            return TokenRejectionReason.NotYetValid;
        }

        if (claims.IssuedAt is { } issuedAt && issuedAt * 1000 > nowMilliseconds + _clockSkewMilliseconds)
        {
            return TokenRejectionReason.IssuedInFuture;
        }

        return TokenRejectionReason.None;
    }

    private bool IsAuthorizedParty(ReadOnlySpan<byte> payload, JsonStringSlice authorizedParty)
    {
        if (!authorizedParty.IsPresent || authorizedParty.Length == 0)
        {
            return false;
        }

        for (var i = 0; i < _authorizedParties.Length; i++)
        {
            if (authorizedParty.ValueEquals(payload, _authorizedPartiesUtf8[i], _authorizedParties[i]))
            {
                return true;
            }
        }

        return false;
    }

    private ValueTask<ClerkTokenValidationResult> Complete(string token, ClerkTokenValidationResult result)
    {
        if (result.IsValid)
        {
            _cache?.Add(token, result);
            return ValueTask.FromResult(result);
        }

        return Reject(result);
    }

    private async ValueTask<ClerkTokenValidationResult> ValidateMachineTokenAsync(string token, ClerkTokenTypes tokenType, CancellationToken cancellationToken)
    {
        if ((_acceptedTypes & tokenType) == 0)
        {
            return await Reject(ClerkTokenValidationResult.Rejected(
                tokenType, TokenRejectionReason.TokenTypeNotAccepted, $"{tokenType} tokens are not accepted here.")).ConfigureAwait(false);
        }

        // A string that cannot be a token Clerk issued is refused here, before any verifier spends a call on it.
        if (!MachineTokenShape.IsWellShaped(token, tokenType))
        {
            return await Reject(ClerkMachineTokenVerifier.NotShapedLike(tokenType)).ConfigureAwait(false);
        }

        if (_machineTokens is null)
        {
            return await Reject(ClerkTokenValidationResult.Rejected(
                tokenType, TokenRejectionReason.MachineTokenVerificationUnavailable, "No machine token verifier is configured.")).ConfigureAwait(false);
        }

        var result = await _machineTokens.VerifyAsync(token, tokenType, cancellationToken).ConfigureAwait(false);
        return result.IsValid ? result : await Reject(result).ConfigureAwait(false);
    }

    private ValueTask<ClerkTokenValidationResult> Reject(TokenRejectionReason reason) =>
        Reject(ClerkTokenValidationResult.Rejected(reason));

    private ValueTask<ClerkTokenValidationResult> Reject(ClerkTokenValidationResult result)
    {
        TokenValidationLog.Rejected(_logger, result.TokenType, result.Reason);
        return ValueTask.FromResult(result);
    }

    /// <summary>A header segment (ASCII) that came with a valid signature, and its <c>kid</c>.</summary>
    private sealed class ValidHeader(byte[] segment, string keyId)
    {
        public byte[] Segment { get; } = segment;

        public string KeyId { get; } = keyId;
    }
}
