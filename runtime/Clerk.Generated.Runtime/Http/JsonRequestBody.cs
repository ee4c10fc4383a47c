using System.Net.Http.Headers;

namespace Clerk.Generated.Http;

/// <summary>A JSON body serialized once; every attempt sends the same bytes.</summary>
internal sealed class JsonRequestBody(byte[] utf8Json) : ClerkRequestBody
{
    public ReadOnlyMemory<byte> Utf8Json => utf8Json;

    public override HttpContent CreateContent()
    {
        var content = new ByteArrayContent(utf8Json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
