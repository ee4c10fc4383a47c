using Microsoft.Extensions.Options;

namespace Clerk.Generated.AspNetCore;

/// <summary>Checks at start-up that a Clerk scheme can get signing keys, with messages that say what to set (never a secret).</summary>
internal sealed class ClerkAuthenticationOptionsValidator : IValidateOptions<ClerkAuthenticationOptions>
{
    internal const string NoKeySourceMessage =
        "The Clerk authentication scheme has no signing keys: set ClerkAuthenticationOptions.SecretKey (or CLERK_SECRET_KEY), "
        + "JwtKey (or CLERK_JWT_KEY, the PEM public key), JwksUrl, or Keys.";

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

        if (options.JwksUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add("ClerkAuthenticationOptions.JwksUrl must be an absolute http(s) URL.");
        }

        if (options.AcceptsToken == Tokens.ClerkTokenTypes.None)
        {
            failures.Add("ClerkAuthenticationOptions.AcceptsToken must accept at least one token type.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
