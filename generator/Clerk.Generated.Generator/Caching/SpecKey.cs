using System;
using System.Security.Cryptography;
using System.Text;
using Clerk.Generated.Generator.Parsing;

namespace Clerk.Generated.Generator.Caching;

/// <summary>
/// What identifies a parse: the SHA-256 of the spec's path, text and every setting the consumer put on the item,
/// as 64 hex digits. Parsing is a pure function of exactly these inputs, so equal keys mean equal models; the cache
/// keeps this string, never the spec's text, and compares 64 characters instead of 740 KB.
/// </summary>
internal static class SpecKey
{
    public static string Of(SpecInput input)
    {
        using var sha = SHA256.Create();
        var builder = new StringBuilder(input.Text.Length + 256);
        // Length-prefixed fields: no two different inputs concatenate to the same bytes.
        foreach (var field in new[] { input.Path, input.Kind?.ToString(), input.ClerkSpec, input.Namespace, input.TypeVisibility, input.Tags, input.Text })
        {
            builder.Append(field is null ? -1 : field.Length).Append(':').Append(field).Append('\n');
        }

        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(builder.ToString()));
        var hex = new StringBuilder(hash.Length * 2);
        foreach (var b in hash)
        {
            hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }
}
