using Clerk.Generated.Http;

namespace Clerk.Generated.Runtime.Tests.Http;

public sealed class ClerkRequestTests
{
    private static readonly ClerkEndpoint DeleteMembership = new(
        "DeleteOrganizationMembership", "delete", "/organizations/{organization_id}/memberships/{user_id}", "OrganizationMemberships", false);

    [Test]
    public void ForEndpoint_fills_and_escapes_every_placeholder()
    {
        var request = ClerkRequest.ForEndpoint(DeleteMembership, new Dictionary<string, string>
        {
            ["organization_id"] = "org_1",
            ["user_id"] = "a/../b",
        });

        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo(HttpMethod.Delete));
            Assert.That(request.OperationId, Is.EqualTo("DeleteOrganizationMembership"));
            Assert.That(request.PathTemplate, Is.EqualTo(DeleteMembership.PathTemplate));
            Assert.That(request.Path, Is.EqualTo("/organizations/org_1/memberships/a%2F..%2Fb"));
        });
    }

    [Test]
    public void ForEndpoint_without_placeholders_needs_no_parameters()
    {
        var request = ClerkRequest.ForEndpoint(new ClerkEndpoint("GetUserList", "GET", "/users", "Users", false));

        Assert.That(request.Path, Is.EqualTo("/users"));
    }

    [Test]
    public void ForEndpoint_names_a_missing_parameter()
    {
        Assert.That(
            () => ClerkRequest.ForEndpoint(DeleteMembership, new Dictionary<string, string> { ["organization_id"] = "org_1" }),
            Throws.ArgumentException.With.Message.Contains("'user_id'"));
    }

    [Test]
    public void ForEndpoint_rejects_an_empty_value_and_an_unknown_name()
    {
        Assert.Multiple(() =>
        {
            Assert.That(
                () => ClerkRequest.ForEndpoint(DeleteMembership, new Dictionary<string, string> { ["organization_id"] = "org_1", ["user_id"] = "" }),
                Throws.ArgumentException.With.Message.Contains("empty"));
            Assert.That(
                () => ClerkRequest.ForEndpoint(DeleteMembership, new Dictionary<string, string> { ["organization_id"] = "o", ["user_id"] = "u", ["userId"] = "u" }),
                Throws.ArgumentException.With.Message.Contains("'userId'"));
        });
    }

    [TestCase("users")]
    [TestCase("/users?limit=1")]
    [TestCase("/users#x")]
    public void Constructor_rejects_paths_that_are_not_plain_relative_paths(string path)
    {
        Assert.That(() => new ClerkRequest(HttpMethod.Get, "GetUserList", "/users", path), Throws.ArgumentException);
    }
}
