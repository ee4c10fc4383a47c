using System.Runtime.CompilerServices;

namespace Clerk.Generated.Authentication;

/// <summary>
/// The token cut out of recently seen <c>Authorization</c> header strings. Kestrel hands each request of a kept-alive
/// connection that repeats a header value the very same string instance, so a client re-sending its session token gets
/// the token instance of its previous request back instead of a fresh ~1 KB copy per request (and the token cache then
/// compares that key by reference). Slots are picked by the header's identity and overwritten on collision: a header
/// seen for the first time costs one small entry. Bounded to <see cref="SlotCount"/> headers.
/// </summary>
internal static class BearerTokenMemo
{
    /// <summary>
    /// Each kept-alive connection has its own header instance, and two that share a slot evict each other on every
    /// request: 256 slots keep that to about one connection in ten at 32 connections (64 made it two in five).
    /// </summary>
    private const int SlotCount = 256;

    private static readonly Entry?[] Slots = new Entry?[SlotCount];

    /// <summary><paramref name="header"/> from <paramref name="start"/> to its end, reusing the string of an earlier request with the same header instance.</summary>
    public static string Slice(string header, int start)
    {
        ref var slot = ref Slots[RuntimeHelpers.GetHashCode(header) & (SlotCount - 1)];
        var entry = Volatile.Read(ref slot);
        if (entry is not null && ReferenceEquals(entry.Header, header) && entry.Start == start)
        {
            return entry.Token;
        }

        var token = header[start..];
        Volatile.Write(ref slot, new Entry(header, start, token));
        return token;
    }

    private sealed record Entry(string Header, int Start, string Token);
}
