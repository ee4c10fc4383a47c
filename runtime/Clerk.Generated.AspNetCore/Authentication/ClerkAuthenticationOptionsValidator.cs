using Clerk.Generated.Tokens;
using Clerk.Generated.Tokens.Jwks;
using Microsoft.Extensions.Options;

namespace Clerk.Generated.Authentication;

/// <summary>Checks at start-up that a Clerk scheme can get signing keys, with messages that say what to set (never a secret).</summary>
internal sealed class ClerkAuthenticationOptionsValidator : IValidateOptions<ClerkAuthenticationOptions>
{
    internal const string NoKeySourceMessage =
        "The Clerk authentication scheme has no signing keys: set ClerkAuthenticationOptions.SecretKey (or CLERK_SECRET_KEY), "
        + "JwtKey (or CLERK_JWT_KEY, the PEM public key), JwksUrl, or Keys.";

    internal const string CookieWithoutAuthorizedPartiesMessage =
        "ClerkAuthenticationOptions.ValidateSessionCookie is on but AuthorizedParties is empty: the azp check is what stops a session "
        + "token minted for another site from being replayed as a cookie. List your app's origins in AuthorizedParties, or set "
        + "AllowSessionCookieWithoutAuthorizedParties = true to accept that risk explicitly.";

    /// <summary>What to set, after what is wrong with the JwtKey (a phrase of <see cref="ClerkSigningKey.IsAcceptedPem"/>).</summary>
    internal static string JwtKeyMessage(string problem) =>
        $"ClerkAuthenticationOptions.JwtKey (or CLERK_JWT_KEY) {problem}: set it to the PEM public key the Clerk dashboard "
        + "shows, from -----BEGIN PUBLIC KEY----- to -----END PUBLIC KEY-----, with line breaks (or \\n) between its lines.";

    public ValidateOptionsResult Validate(string? name, ClerkAuthenticationOptions options)
    {
        var failures = new List<string>();
        var jwtKey = ClerkValidatorProvider.ResolveJwtKey(options);
        if (options.Keys is null
            && jwtKey is null
            && options.JwksUrl is null
            && ClerkValidatorProvider.ResolveSecretKey(options) is null)
        {
            failures.Add(NoKeySourceMessage);
        }

        // The key is imported on the first token (importing loads the platform's cryptography library). Its text is
        // checked here in full without importing it, so a secret key or a URL in the wrong setting, a private key, a
        // damaged block or a key of the wrong size stops the start instead of failing every token.
        if (options.Keys is null && jwtKey is not null && !ClerkSigningKey.IsAcceptedPem(jwtKey, out var problem))
        {
            failures.Add(JwtKeyMessage(problem));
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromHours(1))
        {
            failures.Add($"ClerkAuthenticationOptions.ClockSkew must be between zero and one hour; got {options.ClockSkew}.");
        }

        if (options.JwksUrl is { } url && !ClerkUrlPolicy.IsAllowed(url))
        {
            failures.Add(ClerkUrlPolicy.Explain("ClerkAuthenticationOptions.JwksUrl"));
        }

        if (options.ApiUrl is null || !ClerkUrlPolicy.IsAllowed(options.ApiUrl))
        {
            failures.Add(ClerkUrlPolicy.Explain("ClerkAuthenticationOptions.ApiUrl"));
        }

        if (options.ValidateSessionCookie && options.AuthorizedParties.Count == 0 && !options.AllowSessionCookieWithoutAuthorizedParties)
        {
            failures.Add(CookieWithoutAuthorizedPartiesMessage);
        }

        if (options.AcceptsToken == Tokens.ClerkTokenTypes.None)
        {
            failures.Add("ClerkAuthenticationOptions.AcceptsToken must accept at least one token type.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
