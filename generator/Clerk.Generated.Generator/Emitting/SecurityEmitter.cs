using System.Linq;
using Clerk.Generated.Generator.Model;

namespace Clerk.Generated.Generator.Emitting;

/// <summary>How a <see cref="SecurityModel"/> is spelled: a runtime <c>ClerkSecurity</c> of <c>ClerkCredentials</c> alternatives.</summary>
internal static class SecurityEmitter
{
    public const string SecurityType = CSharpTypes.Runtime + ".ClerkSecurity";
    private const string CredentialsType = CSharpTypes.Runtime + ".ClerkCredentials";

    /// <summary>
    /// Writes <c>{head} = {security}{end}</c>: the runtime's shared instance when it is anonymous, else a
    /// <c>ClerkSecurity</c> of its alternatives, wrapped one per line when they do not fit on one.
    /// </summary>
    public static void Write(SourceWriter writer, string head, SecurityModel security, string end)
    {
        if (security.IsAnonymous)
        {
            writer.Line(head + " = " + SecurityType + ".Anonymous" + end);
            return;
        }

        writer.Call(head + " = new " + SecurityType, security.Alternatives.Select(a => Alternative(a.Credentials)).ToList(), end);
    }

    /// <summary>A name saying what <paramref name="security"/> accepts: <c>DevBrowserTokenOrAnonymous</c>.</summary>
    public static string Name(SecurityModel security) => security.Alternatives.Count == 0
        ? "NoAlternative"
        : string.Join("Or", security.Alternatives.Select(a => a.Credentials == Credentials.None ? "Anonymous" : string.Join("And", Flags(a.Credentials))));

    private static string Alternative(Credentials credentials) => credentials == Credentials.None
        ? CredentialsType + ".None"
        : string.Join(" | ", Flags(credentials).Select(flag => CredentialsType + "." + flag));

    private static System.Collections.Generic.IEnumerable<Credentials> Flags(Credentials credentials) =>
        System.Enum.GetValues(typeof(Credentials)).Cast<Credentials>().Where(flag => flag != Credentials.None && (credentials & flag) == flag);
}
