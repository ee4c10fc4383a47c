using System.Text.Json;

namespace Clerk.Generated.Json;

/// <summary>
/// The JSON names of a generated model's properties, in declaration order: pre-encoded for writing, and matched
/// against the UTF-8 names a reader meets. The property expected next is tried first, so JSON written in the
/// model's order (what Clerk sends) costs one comparison per property; other orders fall back to a scan.
/// </summary>
public sealed class ClerkJsonPropertyNames
{
    private readonly byte[][] _utf8;
    private readonly JsonEncodedText[] _encoded;

    /// <summary>Creates the names, in the order of the model's properties.</summary>
    /// <param name="names">The JSON property names.</param>
    public ClerkJsonPropertyNames(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _utf8 = Utf8Table.Encode(names);
        _encoded = new JsonEncodedText[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            _encoded[i] = JsonEncodedText.Encode(names[i]);
        }
    }

    /// <summary>The pre-encoded name of the property at <paramref name="index"/>, for <c>WritePropertyName</c>.</summary>
    /// <param name="index">The property's position.</param>
    public JsonEncodedText this[int index] => _encoded[index];

    /// <summary>
    /// The position of <paramref name="name"/>, or -1 for a name the model does not have. <paramref name="expected"/>
    /// is tried first and left just past the match, so a reader keeps one per object and passes it on each call.
    /// </summary>
    /// <param name="name">The property name as UTF-8 (unescaped).</param>
    /// <param name="expected">The position tried first; start at 0.</param>
    public int IndexOf(ReadOnlySpan<byte> name, ref int expected)
    {
        if ((uint)expected < (uint)_utf8.Length && name.SequenceEqual(_utf8[expected]))
        {
            return expected++;
        }

        var index = Utf8Table.IndexOf(_utf8, name);
        if (index >= 0)
        {
            expected = index + 1;
        }

        return index;
    }
}
