using System.Net.Http.Headers;
using System.Text;

namespace Clerk.Generated.Runtime.Tests.Support;

public sealed record MultipartPart(string Name, string? FileName, string? ContentType, byte[] Body);

/// <summary>A small multipart/form-data parser, enough to check what the transport put on the wire.</summary>
public static class MultipartReader
{
    public static Task<IReadOnlyList<MultipartPart>> ReadAsync(RecordedRequest request)
    {
        var contentType = request.ContentHeaders?.ContentType ?? throw new InvalidOperationException("no content type");
        Assert.That(contentType.MediaType, Is.EqualTo("multipart/form-data"));
        var boundary = contentType.Parameters.Single(p => p.Name == "boundary").Value!.Trim('"');
        return Task.FromResult(Parse(request.Body!, boundary));
    }

    private static IReadOnlyList<MultipartPart> Parse(byte[] body, string boundary)
    {
        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        var parts = new List<MultipartPart>();
        var position = IndexOf(body, delimiter, 0) + delimiter.Length;
        while (true)
        {
            if (body.AsSpan(position).StartsWith("--"u8))
            {
                return parts;
            }

            position += 2; // CRLF after the delimiter
            var headerEnd = IndexOf(body, "\r\n\r\n"u8.ToArray(), position);
            var headers = Encoding.ASCII.GetString(body, position, headerEnd - position).Split("\r\n");
            var bodyStart = headerEnd + 4;
            var next = IndexOf(body, delimiter, bodyStart);
            var partBody = body[bodyStart..(next - 2)]; // CRLF before the delimiter

            string? name = null, fileName = null, type = null;
            foreach (var header in headers)
            {
                var colon = header.IndexOf(':');
                var key = header[..colon].Trim();
                var value = header[(colon + 1)..].Trim();
                if (key.Equals("Content-Disposition", StringComparison.OrdinalIgnoreCase))
                {
                    var disposition = ContentDispositionHeaderValue.Parse(value);
                    name = disposition.Name?.Trim('"');
                    fileName = disposition.FileName?.Trim('"');
                }
                else if (key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    type = value;
                }
            }

            parts.Add(new MultipartPart(name!, fileName, type, partBody));
            position = next + delimiter.Length;
        }
    }

    private static int IndexOf(byte[] haystack, byte[] needle, int start)
    {
        var index = haystack.AsSpan(start).IndexOf(needle);
        if (index < 0)
        {
            throw new InvalidOperationException("malformed multipart body");
        }

        return start + index;
    }
}
