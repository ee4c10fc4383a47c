namespace Clerk.Generated.Json;

/// <summary>
/// An open enum generated from the spec: a string value, with the values the spec names as members. What
/// <see cref="ClerkEnumConverter{T}"/> needs to read and write it.
/// </summary>
/// <typeparam name="TSelf">The enum type.</typeparam>
public interface IClerkEnum<TSelf> : IEquatable<TSelf>
    where TSelf : struct, IClerkEnum<TSelf>
{
    /// <summary>The values the spec names, in its order.</summary>
    static abstract IReadOnlyList<TSelf> KnownValues { get; }

    /// <summary>The value as it appears on the wire.</summary>
    string Value { get; }

    /// <summary>Wraps any value, known or not.</summary>
    /// <param name="value">The value.</param>
    static abstract TSelf Create(string value);
}
