namespace Clerk.Generated.Http;

/// <summary>
/// An operation was called whose every security alternative needs credentials the options do not have; thrown before
/// anything is sent. The message names the operation and the options to set, never a value.
/// </summary>
public sealed class ClerkCredentialsRequiredException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operationId">The operation called.</param>
    /// <param name="security">What the operation accepts.</param>
    public ClerkCredentialsRequiredException(string operationId, ClerkSecurity security)
        : base(Describe(operationId, security))
    {
        OperationId = operationId;
        Security = security;
    }

    /// <summary>The operation called.</summary>
    public string OperationId { get; }

    /// <summary>What the operation accepts, in the spec's order.</summary>
    public ClerkSecurity Security { get; }

    /// <summary>The options that supply <paramref name="credentials"/>, as configuration keys.</summary>
    internal static IEnumerable<string> OptionNames(ClerkCredentials credentials)
    {
        var section = ClerkClientOptions.SectionName;
        if (credentials.HasFlag(ClerkCredentials.SecretKey))
        {
            yield return $"{section}:SecretKey";
        }

        if (credentials.HasFlag(ClerkCredentials.PlatformAccessToken))
        {
            yield return $"{section}:PlatformAccessToken";
        }

        // The native flag is sent along with the client token: setting the token is what it takes.
        if ((credentials & (ClerkCredentials.ClientToken | ClerkCredentials.NativeFlag)) != 0)
        {
            yield return $"{section}:ClientToken";
        }

        if (credentials.HasFlag(ClerkCredentials.DevBrowserToken))
        {
            yield return $"{section}:DevBrowserToken";
        }

        if (credentials.HasFlag(ClerkCredentials.ClientCookie))
        {
            yield return $"{section}:ClientCookie";
        }

        if (credentials.HasFlag(ClerkCredentials.OAuthClientCredentials))
        {
            yield return $"{section}:OAuthClientId";
            yield return $"{section}:OAuthClientSecret";
        }
    }

    private static string Describe(string operationId, ClerkSecurity security)
    {
        ArgumentException.ThrowIfNullOrEmpty(operationId);
        ArgumentNullException.ThrowIfNull(security);
        var ways = security.Alternatives
            .Where(alternative => alternative != ClerkCredentials.None)
            .Select(alternative => string.Join(" and ", OptionNames(alternative)))
            .Distinct()
            .ToList();
        return ways.Count switch
        {
            0 => $"The Clerk operation '{operationId}' accepts no credentials this client can send.",
            1 => $"The Clerk operation '{operationId}' needs credentials the client options do not have: set {ways[0]}.",
            _ => $"The Clerk operation '{operationId}' needs credentials the client options do not have: set one of {string.Join("; ", ways)}.",
        };
    }
}
