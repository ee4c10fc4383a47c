using System.Globalization;
using System.Text;

namespace Clerk.Generated.Http;

/// <summary>
/// The query string of one request: ordered, keeps repeated keys, omits absent (<see langword="null"/>) values and
/// escapes names and values when rendered.
/// </summary>
public sealed class ClerkQuery
{
    private readonly List<KeyValuePair<string, string>> _parameters = [];

    /// <summary>The parameters in the order they were added, unescaped.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters => _parameters;

    /// <summary>Adds a string parameter; <see langword="null"/> omits it.</summary>
    public void Add(string name, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (value is not null)
        {
            _parameters.Add(new(name, value));
        }
    }

    /// <summary>Adds an integer parameter in invariant culture; <see langword="null"/> omits it.</summary>
    public void AddInt64(string name, long? value) =>
        Add(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a number parameter in invariant culture (shortest round-trip form); <see langword="null"/> omits it.</summary>
    public void AddDouble(string name, double? value) =>
        Add(name, value?.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Adds a boolean parameter as <c>true</c> or <c>false</c>; <see langword="null"/> omits it.</summary>
    public void AddBoolean(string name, bool? value) =>
        Add(name, value is null ? null : value.Value ? "true" : "false");

    /// <summary>Adds a date-time parameter in ISO 8601 round-trip form (<c>"O"</c>); <see langword="null"/> omits it.</summary>
    public void AddDateTimeOffset(string name, DateTimeOffset? value) =>
        Add(name, value?.ToString("O", CultureInfo.InvariantCulture));

    /// <summary>Adds an array parameter in form style with <c>explode: true</c>: <c>name=a&amp;name=b</c>.</summary>
    public void AddEach(string name, IEnumerable<string>? values)
    {
        if (values is null)
        {
            return;
        }

        foreach (var value in values)
        {
            Add(name, value);
        }
    }

    /// <summary>Adds an array parameter in form style with <c>explode: false</c>: <c>name=a,b</c>. An empty sequence is omitted.</summary>
    public void AddJoined(string name, IEnumerable<string>? values) => AddJoined(name, values, ",");

    /// <summary>
    /// Adds an array parameter joined by <paramref name="separator"/>: <c>" "</c> for OpenAPI's
    /// <c>spaceDelimited</c>, <c>"|"</c> for <c>pipeDelimited</c>. An empty sequence is omitted.
    /// </summary>
    public void AddJoined(string name, IEnumerable<string>? values, string separator)
    {
        if (values is null)
        {
            return;
        }

        var joined = string.Join(separator, values.Where(v => v is not null));
        if (joined.Length > 0)
        {
            Add(name, joined);
        }
    }

    /// <summary>Renders the query as <c>?a=1&amp;b=2</c> with names and values escaped, or an empty string when it has no parameters.</summary>
    public override string ToString()
    {
        if (_parameters.Count == 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        foreach (var (name, value) in _parameters)
        {
            builder.Append(builder.Length == 0 ? '?' : '&')
                .Append(Uri.EscapeDataString(name))
                .Append('=')
                .Append(Uri.EscapeDataString(value));
        }

        return builder.ToString();
    }
}
