using System.Text;
using Clerk.Generated.Testing;

namespace Clerk.Generated.Fuzzing;

/// <summary>
/// Session-token-shaped strings from <see cref="HostileJson"/>: grammar headers and payloads, correctly signed with
/// the validator's key (so the payload path is reached) or carrying a foreign signature (header path), and compact
/// serialisations broken in structure (segments, base64url alphabet, padding, length).
/// </summary>
internal sealed class HostileTokens(HostileJson json, ClerkTestKey key, long now)
{
    private static readonly string[] StructuralBreaks = ["", ".", "..", "...", "a.b", "a..c", "=.=.=", "e30.e30.", ".e30.e30", "e30.e30.e30.e30"];

    /// <summary>Header JSON: usually a valid RS256 header for <paramref name="key"/>, with grammar members mixed in.</summary>
    public byte[] Header(bool mostlyValid)
    {
        var output = new ByteWriter();
        if (mostlyValid && json.Chance(70))
        {
            output.Append($"{{\"alg\":\"RS256\",\"kid\":\"{key.KeyId}\"");
            if (json.Chance(40))
            {
                output.Append(',');
                json.Name(output, ["x", "typ", "cat", "jku", "x5c"]);
                output.Append(':');
                json.Value(output, 3, HostileJson.HeaderMembers);
            }

            output.Append('}');
            return output.ToArray();
        }

        output.Append('{');
        var members = json.Next(6);
        for (var i = 0; i < members; i++)
        {
            if (i > 0)
            {
                output.Append(',');
            }

            json.Name(output, HostileJson.HeaderMembers);
            output.Append(':');
            switch (json.Next(4))
            {
                case 0:
                    output.Append(json.Pick(["\"RS256\"", "\"none\"", "\"HS256\"", "\"rs256\"", "\"RS256\\u0000\"", "\"RS\\u0032\\u00356\""]));
                    break;
                case 1:
                    output.Append('"').Append(json.Chance(50) ? key.KeyId : json.Alphanumeric(json.Next(1, 300))).Append('"');
                    break;
                default:
                    json.Value(output, 4, HostileJson.HeaderMembers);
                    break;
            }
        }

        output.Append(json.Chance(3) ? "" : "}");
        return output.ToArray();
    }

    /// <summary>Payload JSON: Clerk's claims each present, absent, repeated, escaped or of a wrong type, plus grammar members.</summary>
    public byte[] Payload()
    {
        var output = new ByteWriter();
        if (json.Chance(3))
        {
            json.Value(output, 6, HostileJson.RegisteredClaims);
            return output.ToArray();
        }

        output.Append('{');
        var first = true;
        foreach (var claim in HostileJson.RegisteredClaims.Concat(HostileJson.ClerkClaims))
        {
            var roll = json.Next(100);
            if (roll < (claim is "sub" or "exp" ? 10 : 45))
            {
                continue;
            }

            var repeats = json.Chance(3) ? 2 : 1;
            for (var r = 0; r < repeats; r++)
            {
                Separator(output, ref first);
                output.Append('"').Append(json.Chance(5) ? Escaped(claim) : claim).Append("\":");
                // Wrong types for the claims validation reads make the token Malformed; keep them rarer so more
                // payloads get through to the lazily read claims, where every Clerk claim's wrong types are tried.
                if (roll < (HostileJson.RegisteredClaims.Contains(claim) ? 96 : 80))
                {
                    output.Append(json.PlausibleValueFor(claim, now));
                }
                else
                {
                    json.WrongValueFor(output, claim);
                }
            }
        }

        var extras = json.Chance(50) ? 0 : json.Next(1, 4);
        for (var i = 0; i < extras; i++)
        {
            Separator(output, ref first);
            json.Name(output, ["custom", "metadata", "tenant", "roles", "sub", "o"]);
            output.Append(':');
            json.Value(output, 5, ["a", "b", "id", "\\u0061"]);
        }

        output.Append(json.Chance(2) ? "" : "}");
        if (json.Chance(2))
        {
            output.Append(json.Pick([" ", "x", "{}", "\u0000", "]"]));
        }

        return output.ToArray();
    }

    /// <summary>The signing input (<c>header.payload</c>) of a token to be signed with the validator's key.</summary>
    public string SigningInput() => HostileJson.Segment(Header(mostlyValid: true)) + "." + HostileJson.Segment(Payload());

    /// <summary>Signs a <see cref="SigningInput"/> with the validator's key (thread-safe: it only reads the key).</summary>
    public string Sign(string signingInput) => signingInput + "." + HostileJson.Segment(key.SignRs256(Encoding.ASCII.GetBytes(signingInput)));

    /// <summary>A compact token: signed properly, or with a foreign signature, or broken in structure.</summary>
    public string Token(bool sign)
    {
        if (json.Chance(3))
        {
            return json.Pick(StructuralBreaks);
        }

        if (sign)
        {
            return Sign(SigningInput());
        }

        var header = HostileJson.Segment(Header(mostlyValid: false));
        var payload = HostileJson.Segment(Payload());

        var signature = json.Chance(10) ? json.Alphanumeric(json.Next(0, 10)) : json.Alphanumeric(342);
        var token = header + "." + payload + "." + signature;
        return json.Chance(5) ? BreakAlphabet(token) : token;
    }

    private string BreakAlphabet(string token)
    {
        var chars = token.ToCharArray();
        chars[json.Next(chars.Length)] = json.Pick(['=', '+', '/', ' ', '%', '\u00e9', '*']);
        return new string(chars);
    }

    private static void Separator(ByteWriter output, ref bool first)
    {
        if (!first)
        {
            output.Append(',');
        }

        first = false;
    }

    private static string Escaped(string name) => string.Concat(name.Select(c => $"\\u{(int)c:x4}"));
}
