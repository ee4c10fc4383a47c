using System.Text;
using System.Text.Json;

namespace Clerk.Generated.Runtime.Tests.Json;

/// <summary>Readers over test JSON, as a converter receives them.</summary>
internal static class JsonReaders
{
    /// <summary>A reader over <paramref name="json"/>, on its first token.</summary>
    public static Utf8JsonReader AtFirstToken(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return reader;
    }
}
