using System.Net;
using System.Net.Http.Headers;

namespace Clerk.Generated.Http;

/// <summary>
/// A file to upload in a multipart request. It can be read once per attempt, so a retried request sends the
/// same bytes: byte arrays and files on disk are re-read, a seekable stream is rewound to where it started,
/// and a non-seekable stream is buffered in memory before the first attempt.
/// </summary>
public sealed class ClerkFile
{
    private const string DefaultContentType = "application/octet-stream";

    private readonly byte[]? _bytes;
    private readonly Stream? _stream;
    private readonly long _streamStart;
    private readonly string? _path;
    private byte[]? _buffered;

    /// <summary>Creates a file from bytes in memory.</summary>
    /// <param name="content">The file's bytes; not copied, so do not change them while a request is in flight.</param>
    /// <param name="fileName">The file name sent in the part's Content-Disposition.</param>
    /// <param name="contentType">The part's media type; <c>application/octet-stream</c> when omitted.</param>
    public ClerkFile(byte[] content, string fileName, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        _bytes = content;
        (FileName, ContentType) = Check(fileName, contentType);
    }

    /// <summary>Creates a file from a stream, which the caller keeps owning and disposing.</summary>
    /// <param name="content">A readable stream; read from its current position.</param>
    /// <param name="fileName">The file name sent in the part's Content-Disposition.</param>
    /// <param name="contentType">The part's media type; <c>application/octet-stream</c> when omitted.</param>
    public ClerkFile(Stream content, string fileName, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanRead)
        {
            throw new ArgumentException("The stream is not readable.", nameof(content));
        }

        _stream = content;
        _streamStart = content.CanSeek ? content.Position : 0;
        (FileName, ContentType) = Check(fileName, contentType);
    }

    private ClerkFile(string path, string fileName, string? contentType)
    {
        _path = path;
        (FileName, ContentType) = Check(fileName, contentType);
    }

    /// <summary>The file name sent in the part's Content-Disposition.</summary>
    public string FileName { get; }

    /// <summary>The part's media type.</summary>
    public string ContentType { get; }

    /// <summary>Creates a file read from disk at every attempt.</summary>
    /// <param name="path">The file's path; its name becomes <see cref="FileName"/>.</param>
    /// <param name="contentType">The part's media type; <c>application/octet-stream</c> when omitted.</param>
    /// <exception cref="FileNotFoundException">No file exists at <paramref name="path"/>.</exception>
    public static ClerkFile FromPath(string path, string? contentType = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = System.IO.Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException("The file to upload does not exist.", fullPath);
        }

        return new ClerkFile(fullPath, System.IO.Path.GetFileName(fullPath), contentType);
    }

    /// <inheritdoc />
    public override string ToString() => $"ClerkFile {FileName} ({ContentType})";

    /// <summary>Buffers a non-seekable stream once, so every attempt can send it.</summary>
    internal async ValueTask PrepareAsync(CancellationToken cancellationToken)
    {
        if (_stream is { CanSeek: false } && _buffered is null)
        {
            using var buffer = new MemoryStream();
            await _stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            _buffered = buffer.ToArray();
        }
    }

    /// <summary>Creates fresh content for one attempt; disposing it never disposes the caller's stream.</summary>
    internal HttpContent CreateContent()
    {
        HttpContent content;
        if (_bytes is not null)
        {
            content = new ByteArrayContent(_bytes);
        }
        else if (_path is not null)
        {
            content = new StreamContent(new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true));
        }
        else if (_buffered is not null)
        {
            content = new ByteArrayContent(_buffered);
        }
        else if (_stream is { CanSeek: true })
        {
            content = new RewindingStreamContent(_stream, _streamStart);
        }
        else
        {
            throw new InvalidOperationException("The stream was not buffered before sending; this is a bug in the transport.");
        }

        content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        return content;
    }

    private static (string FileName, string ContentType) Check(string fileName, string? contentType)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        contentType ??= DefaultContentType;
        if (!MediaTypeHeaderValue.TryParse(contentType, out _))
        {
            throw new ArgumentException($"'{contentType}' is not a valid media type.", nameof(contentType));
        }

        return (fileName, contentType);
    }

    /// <summary>Sends a caller-owned seekable stream from its start position without taking ownership of it.</summary>
    private sealed class RewindingStreamContent(Stream stream, long start) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream target, TransportContext? context) =>
            SerializeToStreamAsync(target, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream target, TransportContext? context, CancellationToken cancellationToken)
        {
            stream.Position = start;
            await stream.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = Math.Max(0, stream.Length - start);
            return true;
        }
    }
}
