using System.Text.Json;

namespace Clerk.Generated.Json;

/// <summary>Reads one JSON value at the reader's current token, leaving the reader on the value's last token.</summary>
public delegate T ClerkJsonReadFunc<T>(ref Utf8JsonReader reader, JsonSerializerOptions options);

/// <summary>Writes one value as the next JSON value.</summary>
public delegate void ClerkJsonWriteAction<in T>(Utf8JsonWriter writer, T value, JsonSerializerOptions options);
