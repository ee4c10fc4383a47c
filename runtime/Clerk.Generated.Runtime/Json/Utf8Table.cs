using System.Text;

namespace Clerk.Generated.Json;

/// <summary>Texts as UTF-8, found by their exact bytes: the name and value tables of generated converters.</summary>
internal static class Utf8Table
{
    /// <summary>Each text as UTF-8, in order.</summary>
    public static byte[][] Encode(string[] texts)
    {
        var table = new byte[texts.Length][];
        for (var i = 0; i < texts.Length; i++)
        {
            table[i] = Encoding.UTF8.GetBytes(texts[i]);
        }

        return table;
    }

    /// <summary>The position of <paramref name="text"/> in <paramref name="table"/>, or -1.</summary>
    public static int IndexOf(byte[][] table, ReadOnlySpan<byte> text)
    {
        for (var i = 0; i < table.Length; i++)
        {
            if (text.SequenceEqual(table[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
