namespace Clerk.Generated.Http;

/// <summary>A <c>multipart/form-data</c> body rebuilt from its recipe for every attempt.</summary>
internal sealed class MultipartRequestBody(ClerkMultipartBody body) : ClerkRequestBody
{
    public override ValueTask PrepareAsync(CancellationToken cancellationToken) => body.PrepareAsync(cancellationToken);

    public override HttpContent CreateContent() => body.CreateContent();
}
