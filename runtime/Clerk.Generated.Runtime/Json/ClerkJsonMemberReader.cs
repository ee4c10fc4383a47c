using System.Text.Json;

namespace Clerk.Generated.Json;

/// <summary>
/// Walks the members of the JSON object a generated converter reads. It stops at each member the model names, with
/// the member's position in <see cref="Index"/> and the reader on its value. Every other member is kept in
/// <see cref="AdditionalProperties"/>, so that reading and writing back loses nothing. A converter keeps one in a
/// local for the object it reads: the position expected next lives in it (see
/// <see cref="ClerkJsonPropertyNames.IndexOf"/>).
/// </summary>
public struct ClerkJsonMemberReader
{
    private readonly ClerkJsonPropertyNames _names;
    private int _expected;
    private Dictionary<string, JsonElement>? _additionalProperties;

    /// <summary>Starts a walk over an object whose known members are <paramref name="names"/>.</summary>
    /// <param name="names">The model's property names.</param>
    public ClerkJsonMemberReader(ClerkJsonPropertyNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _names = names;
        Index = -1;
    }

    /// <summary>The position among the model's names of the member <see cref="MoveNext"/> stopped at.</summary>
    public int Index { get; private set; }

    /// <summary>The members the model does not name, by name; null when there were none.</summary>
    public readonly IReadOnlyDictionary<string, JsonElement>? AdditionalProperties => _additionalProperties;

    /// <summary>
    /// Moves to the value of the next member the model names, keeping the unknown members on the way; false at the
    /// object's end.
    /// </summary>
    /// <param name="reader">The reader, inside the object (at its start or on the value of the previous member).</param>
    public bool MoveNext(ref Utf8JsonReader reader)
    {
        while (ClerkJson.NextProperty(ref reader))
        {
            var index = _names.IndexOf(ClerkJson.PropertyName(ref reader), ref _expected);
            if (index >= 0)
            {
                reader.Read();
                Index = index;
                return true;
            }

            var name = reader.GetString()!;
            reader.Read();
            (_additionalProperties ??= new(StringComparer.Ordinal))[name] = JsonElement.ParseValue(ref reader);
        }

        return false;
    }
}
