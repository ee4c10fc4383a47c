using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Clerk.Generated.Http;

/// <summary>
/// One request to one operation of the Clerk Backend API. The generated client builds it and the
/// <see cref="ClerkHttpTransport"/> sends it, possibly several times when it retries, so the body is kept as a
/// recipe that produces fresh content for every attempt.
/// </summary>
public sealed class ClerkRequest
{
    private ClerkRequestBody? _body;
    private List<KeyValuePair<string, string>>? _headers;

    /// <summary>Creates a request.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="operationId">The spec's operationId, used for telemetry and errors.</param>
    /// <param name="pathTemplate">The path template, for example <c>/users/{user_id}</c>; used for telemetry because it holds no identifiers.</param>
    /// <param name="path">The path with its parameters already escaped, relative to the API base, for example <c>/users/user_123</c>.</param>
    public ClerkRequest(HttpMethod method, string operationId, string pathTemplate, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrEmpty(operationId);
        ArgumentException.ThrowIfNullOrEmpty(pathTemplate);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (path[0] != '/')
        {
            throw new ArgumentException($"The path must start with '/': '{path}'.", nameof(path));
        }

        if (path.Contains('?') || path.Contains('#'))
        {
            throw new ArgumentException("The path must not hold a query or fragment; use Query instead.", nameof(path));
        }

        Method = method;
        OperationId = operationId;
        PathTemplate = pathTemplate;
        Path = path;
    }

    /// <summary>Creates a request to an operation of the <c>ClerkEndpoints</c> catalogue, with its method, id, template and security.</summary>
    /// <param name="endpoint">The operation.</param>
    /// <param name="path">The path with its parameters already escaped, relative to the API base.</param>
    public ClerkRequest(ClerkEndpoint endpoint, string path)
        : this(HttpMethod.Parse((endpoint ?? throw new ArgumentNullException(nameof(endpoint))).Method.ToUpperInvariant()), endpoint.OperationId, endpoint.PathTemplate, path)
    {
        Security = endpoint.Security;
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The spec's operationId.</summary>
    public string OperationId { get; }

    /// <summary>The path template with <c>{name}</c> placeholders.</summary>
    public string PathTemplate { get; }

    /// <summary>The escaped path relative to the API base.</summary>
    public string Path { get; }

    /// <summary>The query parameters.</summary>
    public ClerkQuery Query { get; } = new();

    /// <summary>
    /// The security alternatives the operation accepts; <see langword="null"/> for the API's
    /// (<see cref="ClerkApiDescription.Security"/>). The transport sends only the credentials of the alternative it picks.
    /// </summary>
    public ClerkSecurity? Security { get; set; }

    /// <summary>Whether a body has been set.</summary>
    public bool HasBody => _body is not null;

    /// <summary>
    /// Whether this request may be retried even though its method is not idempotent (POST, PATCH); <see langword="null"/>
    /// follows <see cref="ClerkRetryOptions.RetryNonIdempotentRequests"/>.
    /// </summary>
    public bool? AllowRetry { get; set; }

    /// <summary>Sets a JSON body, serialized once now through <paramref name="typeInfo"/> and sent as-is by every attempt.</summary>
    /// <typeparam name="T">The body's type.</typeparam>
    /// <param name="body">The body.</param>
    /// <param name="typeInfo">Source-generated serialization metadata for <typeparamref name="T"/>.</param>
    public void SetJsonBody<T>(T body, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        _body = new JsonRequestBody(JsonSerializer.SerializeToUtf8Bytes(body, typeInfo));
    }

    /// <summary>
    /// Sets an <c>application/x-www-form-urlencoded</c> body: the fields are built like query parameters (OpenAPI's
    /// <c>form</c> style: repeated keys for exploded arrays) and copied now, so later changes to
    /// <paramref name="fields"/> are not sent.
    /// </summary>
    /// <param name="fields">The form fields, in order.</param>
    public void SetFormBody(ClerkQuery fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        _body = new FormRequestBody([.. fields.Parameters]);
    }

    /// <summary>
    /// Adds a header an operation defines as a parameter (<c>Origin</c>, <c>If-Match</c>), sent with every attempt;
    /// <see langword="null"/> sends nothing.
    /// </summary>
    /// <param name="name">The header's name.</param>
    /// <param name="value">The header's value.</param>
    /// <exception cref="ArgumentException">The value holds a line break (it would split the header).</exception>
    public void SetHeader(string name, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (value is null)
        {
            return;
        }

        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException($"The value of header '{name}' holds a line break.", nameof(value));
        }

        (_headers ??= []).Add(new(name, value));
    }

    /// <summary>The headers set with <see cref="SetHeader"/>, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => (IReadOnlyList<KeyValuePair<string, string>>?)_headers ?? [];

    /// <summary>Sets a <c>multipart/form-data</c> body.</summary>
    /// <param name="body">The body; every attempt builds fresh content from it.</param>
    public void SetMultipartBody(ClerkMultipartBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        _body = new MultipartRequestBody(body);
    }

    /// <summary>
    /// Creates a request for an endpoint of <c>ClerkEndpoints.All</c>, filling each <c>{name}</c> placeholder of its
    /// template with the escaped value of the same name. This is the raw escape hatch's way to call any operation.
    /// </summary>
    /// <param name="endpoint">The endpoint.</param>
    /// <param name="pathParameters">The values of the template's placeholders.</param>
    /// <exception cref="ArgumentException">A placeholder has no value, a value is empty, or a value names no placeholder.</exception>
    public static ClerkRequest ForEndpoint(ClerkEndpoint endpoint, IReadOnlyDictionary<string, string>? pathParameters = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var template = endpoint.PathTemplate;
        var path = new StringBuilder(template.Length + 32);
        var used = 0;
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf('{', position);
            if (open < 0)
            {
                path.Append(template, position, template.Length - position);
                break;
            }

            var close = template.IndexOf('}', open + 1);
            if (close < 0)
            {
                throw new ArgumentException($"The path template '{template}' has an unclosed placeholder.", nameof(endpoint));
            }

            var name = template[(open + 1)..close];
            if (pathParameters is null || !pathParameters.TryGetValue(name, out var value))
            {
                throw new ArgumentException($"No value for path parameter '{name}' of {endpoint.OperationId} ({template}).", nameof(pathParameters));
            }

            if (string.IsNullOrEmpty(value))
            {
                throw new ArgumentException($"The value for path parameter '{name}' of {endpoint.OperationId} is empty.", nameof(pathParameters));
            }

            path.Append(template, position, open - position).Append(ClerkPath.Escape(value));
            used++;
            position = close + 1;
        }

        if (pathParameters is not null && pathParameters.Count > used)
        {
            var unknown = pathParameters.Keys.Where(k => !template.Contains("{" + k + "}", StringComparison.Ordinal));
            throw new ArgumentException(
                $"{endpoint.OperationId} ({template}) has no path parameter named {string.Join(", ", unknown.Select(k => $"'{k}'"))}.",
                nameof(pathParameters));
        }

        return new ClerkRequest(endpoint, path.ToString());
    }

    /// <inheritdoc />
    public override string ToString() => $"{Method} {PathTemplate} ({OperationId})";

    internal ValueTask PrepareAsync(CancellationToken cancellationToken) =>
        _body?.PrepareAsync(cancellationToken) ?? ValueTask.CompletedTask;

    internal HttpContent? CreateContent() => _body?.CreateContent();

    /// <summary>Adds the operation's own headers to one attempt's message.</summary>
    internal void ApplyHeaders(HttpRequestMessage message)
    {
        foreach (var header in Headers)
        {
            message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }
}
