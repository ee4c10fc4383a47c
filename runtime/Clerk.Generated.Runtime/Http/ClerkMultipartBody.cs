using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace Clerk.Generated.Http;

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
            HttpContent partContent;
            if (part.File is not null)
            {
                partContent = part.File.CreateContent();
                partContent.Headers.ContentDisposition = Disposition(part.Name, part.File.FileName);
            }
            else
            {
                // A plain field carries no Content-Type of its own: text/plain is the multipart default.
                partContent = new StringContent(part.Value!);
                partContent.Headers.ContentType = null;
                partContent.Headers.ContentDisposition = Disposition(part.Name, null);
            }

            content.Add(partContent);
        }

        return content;
    }

    /// <summary>
    /// <c>form-data; name="…"; filename="…"</c> with quoted strings, as browsers and curl send it. The framework's
    /// own <c>Add(content, name, fileName)</c> leaves them as bare tokens plus <c>filename*</c>, which RFC 7578 allows
    /// but some servers and validators (Prism among them) fail to parse.
    /// </summary>
    private static ContentDispositionHeaderValue Disposition(string name, string? fileName)
    {
        var disposition = new ContentDispositionHeaderValue("form-data") { Name = Quote(name) };
        if (fileName is not null)
        {
            disposition.FileName = Quote(fileName);
            if (!Ascii.IsValid(fileName))
            {
                disposition.FileNameStar = fileName;
            }
        }

        return disposition;
    }

    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal) + "\"";

    private sealed record Part(string Name, string? Value, ClerkFile? File);
}
