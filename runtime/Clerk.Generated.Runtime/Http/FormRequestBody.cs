namespace Clerk.Generated.Http;

/// <summary>An <c>application/x-www-form-urlencoded</c> body; every attempt encodes the same fields.</summary>
internal sealed class FormRequestBody(KeyValuePair<string, string>[] fields) : ClerkRequestBody
{
    public IReadOnlyList<KeyValuePair<string, string>> Fields => fields;

    public override HttpContent CreateContent() => new FormUrlEncodedContent(fields);
}
