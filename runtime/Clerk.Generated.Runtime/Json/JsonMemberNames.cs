using System.Text.Json;

namespace Clerk.Generated.Json;

/// <summary>
/// Detects a member name repeated within one JSON object. Parsers disagree on which of two equal names wins, so an
/// object that repeats one is refused rather than read. Names are compared after unescaping (<c>"\u0073ub"</c> is
/// <c>"sub"</c>). Up to <see cref="InlineCapacity"/> unescaped names are compared as bytes with no allocation;
/// beyond that, or once an escaped name appears, the names move to a set.
/// </summary>
internal ref struct JsonMemberNames
{
    public const int InlineCapacity = 24;

    private readonly ReadOnlySpan<byte> _json;
    private readonly Span<Range> _inline;
    private int _count;
    private HashSet<string>? _set;

    /// <param name="json">The buffer the reader reads (names are remembered as ranges into it).</param>
    /// <param name="inline">Scratch space of <see cref="InlineCapacity"/> ranges, usually on the stack.</param>
    public JsonMemberNames(ReadOnlySpan<byte> json, Span<Range> inline)
    {
        _json = json;
        _inline = inline;
        _count = 0;
        _set = null;
    }

    /// <summary>
    /// Records the property name the reader is on; false when the object already had it. The name must be
    /// well-formed (<see cref="JsonStringEscapes.IsWellFormed(ref readonly Utf8JsonReader)"/>).
    /// </summary>
    public bool TryAdd(ref readonly Utf8JsonReader reader)
    {
        if (_set is null && !reader.ValueIsEscaped && !reader.HasValueSequence && _count < _inline.Length)
        {
            var start = checked((int)reader.TokenStartIndex + 1);
            var name = _json.Slice(start, reader.ValueSpan.Length);
            for (var i = 0; i < _count; i++)
            {
                if (_json[_inline[i]].SequenceEqual(name))
                {
                    return false;
                }
            }

            _inline[_count++] = new Range(start, start + name.Length);
            return true;
        }

        if (_set is null)
        {
            _set = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < _count; i++)
            {
                _set.Add(System.Text.Encoding.UTF8.GetString(_json[_inline[i]]));
            }
        }

        return _set.Add(reader.GetString()!);
    }
}
