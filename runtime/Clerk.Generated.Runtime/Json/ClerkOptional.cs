namespace Clerk.Generated.Json;

/// <summary>
/// A value that may be absent, for PATCH bodies where "leave as is" (absent), "clear" (null) and "set" (a value)
/// are three different requests. <c>default</c> is absent; assigning a value (or null) sets it.
/// </summary>
/// <typeparam name="T">The value type; nullable when the API accepts null.</typeparam>
public readonly struct ClerkOptional<T> : IEquatable<ClerkOptional<T>>
{
    private readonly T _value;

    /// <summary>A set value (which may be null when <typeparamref name="T"/> allows it).</summary>
    public ClerkOptional(T value)
    {
        _value = value;
        IsSet = true;
    }

    /// <summary>Whether a value (possibly null) was given; false means the property is left out.</summary>
    public bool IsSet { get; }

    /// <summary>The value; <c>default</c> when not set.</summary>
    public T Value => _value;

    /// <summary>Sets a value.</summary>
    public static implicit operator ClerkOptional<T>(T value) => new(value);

    /// <inheritdoc/>
    public bool Equals(ClerkOptional<T> other) => IsSet == other.IsSet && EqualityComparer<T>.Default.Equals(_value, other._value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ClerkOptional<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => IsSet ? HashCode.Combine(true, _value) : 0;

    /// <inheritdoc/>
    public override string ToString() => IsSet ? _value?.ToString() ?? "null" : "(not set)";

    /// <summary>Compares presence and value.</summary>
    public static bool operator ==(ClerkOptional<T> left, ClerkOptional<T> right) => left.Equals(right);

    /// <summary>Compares presence and value.</summary>
    public static bool operator !=(ClerkOptional<T> left, ClerkOptional<T> right) => !left.Equals(right);
}
