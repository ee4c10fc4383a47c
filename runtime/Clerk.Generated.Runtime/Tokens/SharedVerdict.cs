using System.Text;

namespace Clerk.Generated.Tokens;

/// <summary>
/// A final machine-token verdict as the fleet shares it: <c>V</c> and Clerk's JSON answer (re-read by each
/// instance, so expiry is checked against its own clock), or <c>I</c> and the reason the token is invalid.
/// </summary>
internal static class SharedVerdict
{
    private const byte Valid = (byte)'V';
    private const byte Invalid = (byte)'I';

    /// <summary>The shared form of <paramref name="result"/>, or null when the verdict is not final.</summary>
    public static byte[]? Encode(ClerkTokenValidationResult result, byte[]? clerkAnswer) => result.Reason switch
    {
        TokenRejectionReason.None when clerkAnswer is not null => [Valid, .. clerkAnswer],
        TokenRejectionReason.MachineTokenInvalid => [Invalid, .. Encoding.UTF8.GetBytes(result.Message ?? string.Empty)],
        _ => null,
    };

    public static ClerkTokenValidationResult Decode(
        byte[] shared,
        ClerkTokenTypes tokenType,
        Func<ClerkTokenTypes, byte[], ClerkTokenValidationResult> interpret,
        Func<ClerkTokenTypes, string, ClerkTokenValidationResult> invalid) =>
        shared.Length > 0 && shared[0] == Valid
            ? interpret(tokenType, shared[1..])
            : invalid(tokenType, Encoding.UTF8.GetString(shared.AsSpan(1)));
}
