namespace Clerk.Generated.Generator.Model;

internal enum ParameterIn
{
    Path,
    Query,
    Header,
}

internal enum BodyKind
{
    None,
    Json,
    Multipart,
    /// <summary><c>application/x-www-form-urlencoded</c>.</summary>
    Form,
}

/// <summary>One operation of the API: one async method in its group, one entry in the endpoint catalogue.</summary>
/// <param name="EndpointName">Its field in the <c>ClerkEndpoints</c> catalogue, which the method builds its request from.</param>
/// <param name="Security">Its own security; null when it follows the spec's global security.</param>
/// <param name="ResponseType">Null when a success response has no JSON body (202/204 or undocumented content).</param>
/// <param name="Pagination">Set when the operation pages with limit/offset.</param>
/// <param name="FormFields">For multipart and urlencoded bodies: the form fields, in order.</param>
internal sealed record OperationModel(
    string OperationId,
    string EndpointName,
    string MethodName,
    string HttpMethod,
    string PathTemplate,
    string Group,
    string? Summary,
    string? Description,
    bool IsDeprecated,
    EquatableArray<ParameterModel> Parameters,
    BodyKind BodyKind,
    TypeReference? BodyType,
    bool IsBodyRequired,
    EquatableArray<FormFieldModel> FormFields,
    TypeReference? ResponseType,
    PaginationModel? Pagination,
    SecurityModel? Security);

/// <summary>
/// One field of a form body and how OpenAPI's encoding object says to write it (urlencoded bodies): <c>form</c>
/// style repeats an exploded array's key or joins it with commas; <c>spaceDelimited</c>/<c>pipeDelimited</c> join it.
/// </summary>
internal sealed record FormFieldModel(PropertyModel Property, FormStyle Style, bool Explode);

/// <summary>The OpenAPI styles a form field's array can take.</summary>
internal enum FormStyle
{
    Form,
    SpaceDelimited,
    PipeDelimited,
}

/// <summary>One path, query or header parameter.</summary>
/// <param name="IsExploded">Arrays: repeat the key (true) or join with commas (false).</param>
internal sealed record ParameterModel(
    string JsonName,
    string Name,
    ParameterIn Location,
    TypeReference Type,
    bool IsRequired,
    bool IsExploded,
    string? Documentation,
    bool IsDeprecated);

/// <summary>How a list operation pages: the item type, and whether the page is <c>{data, total_count}</c> or a bare array.</summary>
/// <param name="DataProperty">The C# property holding the items; null for bare arrays.</param>
/// <param name="TotalCountProperty">The C# property holding the total; null when absent.</param>
internal sealed record PaginationModel(
    TypeReference ItemType,
    string? DataProperty,
    string? TotalCountProperty,
    long MaxPageSize);

/// <summary>One API group (<c>client.Users</c>): its class, the interface it implements, its operations in spec order.</summary>
internal sealed record GroupModel(
    string Name,
    string PropertyName,
    string ClassName,
    string InterfaceName,
    string? Documentation,
    EquatableArray<OperationModel> Operations);
