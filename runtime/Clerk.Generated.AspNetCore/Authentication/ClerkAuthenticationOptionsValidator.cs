using System.Security.Cryptography;
using Clerk.Generated.Tokens;
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

    internal const string JwtKeyNotPemMessage =
        "ClerkAuthenticationOptions.JwtKey (or CLERK_JWT_KEY) holds no PEM block: set it to the PEM public key the Clerk dashboard "
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

        // The key itself is imported on the first token (importing loads the platform's cryptography library); text that
        // holds no PEM block at all, such as a secret key or a URL in the wrong setting, is refused at start-up already.
        if (options.Keys is null && jwtKey is not null && !PemEncoding.TryFind(jwtKey.Replace("\\n", "\n", StringComparison.Ordinal), out _))
        {
            failures.Add(JwtKeyNotPemMessage);
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
