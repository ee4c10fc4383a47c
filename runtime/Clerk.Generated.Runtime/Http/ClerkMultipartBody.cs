using System.Globalization;

namespace Clerk.Generated.Runtime;

/// <summary>
/// A <c>multipart/form-data</c> request body: ordered fields and files, omitting absent (<see langword="null"/>)
/// values. It is a recipe, not content: every attempt of a request builds fresh content from it.
/// </summary>
public sealed class ClerkMultipartBody
{
    private readonly List<Part> _parts = [];

    /// <summary>The names of the parts in the order they were added.</summary>
    public IReadOnlyList<string> PartNames => _parts.ConvertAll(p => p.Name);

    /// <summary>Adds a text field; <see langword="null"/> omits it.</summary>
    public void Add(string name, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (value is not null)
        {
            _parts.Add(new Part(name, value, null));
        }
    }

    /// <summary>Adds an integer field in invariant culture; <see langword="null"/> omits it.</summary>
    public void Add(string name, long? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a boolean field as <c>true</c> or <c>false</c>; <see langword="null"/> omits it.</summary>
    public void Add(string name, bool? value) => Add(name, value is null ? null : value.Value ? "true" : "false");

    /// <summary>Adds a file; <see langword="null"/> omits it.</summary>
    public void AddFile(string name, ClerkFile? file)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (file is not null)
        {
            _parts.Add(new Part(name, null, file));
        }
    }

    internal async ValueTask PrepareAsync(CancellationToken cancellationToken)
    {
        foreach (var part in _parts)
        {
            if (part.File is not null)
            {
                await part.File.PrepareAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    internal HttpContent CreateContent()
    {
        var content = new MultipartFormDataContent();
        foreach (var part in _parts)
        {
            if (part.File is not null)
            {
                content.Add(part.File.CreateContent(), part.Name, part.File.FileName);
            }
            else
            {
                // A plain field carries no Content-Type of its own: text/plain is the multipart default.
                var field = new StringContent(part.Value!);
                field.Headers.ContentType = null;
                content.Add(field, part.Name);
            }
        }

        return content;
    }

    private sealed record Part(string Name, string? Value, ClerkFile? File);
}
