using System.Text.Json.Serialization;

namespace Clerk.Generated.Runtime.Tests.Support;

/// <summary>A stand-in for a generated model.</summary>
public sealed record TestUser(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("first_name")] string? FirstName);

/// <summary>A <c>{data, total_count}</c> page.</summary>
public sealed record TestUserPage(
    [property: JsonPropertyName("data")] IReadOnlyList<TestUser> Data,
    [property: JsonPropertyName("total_count")] long TotalCount);

/// <summary>A PATCH body whose <c>first_name</c> is sent as null while <c>last_name</c> is left out.</summary>
public sealed record TestUserPatch(
    [property: JsonPropertyName("first_name")] string? FirstName,
    [property: JsonPropertyName("last_name"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? LastName);

[JsonSerializable(typeof(TestUser))]
[JsonSerializable(typeof(TestUserPage))]
[JsonSerializable(typeof(TestUserPatch))]
[JsonSerializable(typeof(List<TestUser>))]
public sealed partial class TestJsonContext : JsonSerializerContext;
