using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace Clerk.Sample.Api;

/// <summary>What <c>GET /</c> answers: the routes and how keys are obtained.</summary>
internal sealed record IndexResponse(string Service, string Keys, IReadOnlyList<string> Routes);

/// <summary>The signed-in session.</summary>
internal sealed record SessionResponse(string UserId, string? SessionId);

/// <summary>The active organization as the token describes it.</summary>
internal sealed record OrganizationResponse(string Id, string? Slug, string? Role, IReadOnlyList<string> Permissions);

/// <summary>A protected resource of the active organization.</summary>
internal sealed record InvoicesResponse(string OrganizationId, IReadOnlyList<Invoice> Invoices);

/// <summary>One invoice.</summary>
internal sealed record Invoice(string Id, decimal Amount, string Currency);

/// <summary>The user as the Backend API returns it.</summary>
internal sealed record ProfileResponse(string Id, string? FirstName, string? LastName, string? Username);

/// <summary>Source-generated JSON metadata for every response, problems included: no reflection, Native AOT clean.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IndexResponse))]
[JsonSerializable(typeof(SessionResponse))]
[JsonSerializable(typeof(OrganizationResponse))]
[JsonSerializable(typeof(InvoicesResponse))]
[JsonSerializable(typeof(ProfileResponse))]
[JsonSerializable(typeof(ProblemDetails))]
internal sealed partial class SampleJsonContext : JsonSerializerContext;
