using System;
using System.Linq;

namespace Clerk.Generated.Generator.Model;

/// <summary>
/// What a security scheme of the spec asks the client to send, named as the runtime's <c>ClerkCredentials</c> members
/// (the option that supplies it); an alternative sends several together.
/// </summary>
[Flags]
internal enum Credentials
{
    None = 0,
    SecretKey = 1,
    PlatformAccessToken = 2,
    ClientToken = 4,
    NativeFlag = 8,
    DevBrowserToken = 16,
    ClientCookie = 32,
    OAuthClientCredentials = 64,
}

/// <summary>One security requirement of the spec: the credentials sent together; <see cref="Credentials.None"/> is <c>{}</c>.</summary>
internal readonly record struct SecurityAlternative(Credentials Credentials);

/// <summary>An operation's (or the spec's) <c>security</c>: the alternatives it accepts, in the spec's order.</summary>
internal sealed record SecurityModel(EquatableArray<SecurityAlternative> Alternatives)
{
    /// <summary><c>security: []</c>, or a spec that declares none: nothing is sent.</summary>
    public static readonly SecurityModel Anonymous = Of(Credentials.None);

    public static SecurityModel Of(params Credentials[] alternatives) =>
        new(alternatives.Select(a => new SecurityAlternative(a)).ToEquatableArray());

    public bool IsAnonymous => Alternatives.Count == 1 && Alternatives[0].Credentials == Credentials.None;
}
