using System.Text.Json;
using Clerk.Generated.Tokens;

namespace Clerk.Generated.Json;

/// <summary>What <see cref="JsonObjectMembers.Read"/> asks of a reader of one object's members.</summary>
internal interface IJsonMemberVisitor
{
    /// <summary>The reader is on a well-formed property name: identify it, refuse a repeat.</summary>
    TokenRejectionReason OnName(ref Utf8JsonReader reader);

    /// <summary>
    /// The reader is on the value of the member just named (a string value is well-formed): read it, and leave the
    /// reader on the value's last token (skipping objects and arrays, for example with <see cref="JsonStringEscapes.TrySkipValue"/>).
    /// </summary>
    TokenRejectionReason OnValue(ref Utf8JsonReader reader);
}
