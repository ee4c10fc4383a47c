using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Clerk.Generated.Json;

/// <summary>
/// A member name of up to eight bytes packed into one number (first byte lowest), so a reader can identify the names
/// it knows with one <c>switch</c> instead of comparing the name against each of them. Names are packed after
/// unescaping (<c>"\u0073ub"</c> packs as <c>sub</c>); a longer name, or one holding a NUL (which would pack like a
/// shorter name), packs as <see cref="None"/>.
/// </summary>
internal static class JsonShortName
{
    public const ulong None = 0;

    /// <summary>The name the reader is on (a well-formed <c>PropertyName</c>), packed.</summary>
    [SkipLocalsInit]
    public static ulong Pack(ref readonly Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            return Pack(reader.ValueSpan);
        }

        // An escaped name unescapes to at most as many bytes as its raw text.
        var raw = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (raw > 8 * 6)
        {
            return None;
        }

        Span<byte> unescaped = stackalloc byte[8 * 6];
        var length = reader.CopyString(unescaped);
        return Pack(unescaped[..length]);
    }

    public static ulong Pack(ReadOnlySpan<byte> name)
    {
        if (name.Length is 0 or > 8 || name.Contains((byte)0))
        {
            return None;
        }

        ulong packed = 0;
        for (var i = name.Length - 1; i >= 0; i--)
        {
            packed = (packed << 8) | name[i];
        }

        return packed;
    }
}
