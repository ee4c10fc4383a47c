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

    public ValidateOptionsResult Validate(string? name, ClerkAuthenticationOptions options)
    {
        var failures = new List<string>();
        if (options.Keys is null
            && ClerkValidatorProvider.ResolveJwtKey(options) is null
            && options.JwksUrl is null
            && ClerkValidatorProvider.ResolveSecretKey(options) is null)
        {
            failures.Add(NoKeySourceMessage);
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
