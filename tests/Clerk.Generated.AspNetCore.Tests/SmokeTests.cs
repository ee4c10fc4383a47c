namespace Clerk.Generated.AspNetCore.Tests;

public sealed class SmokeTests
{
    [Test]
    public void Test_project_runs()
    {
        Assert.That(typeof(SmokeTests).Assembly.GetName().Name, Is.EqualTo("Clerk.Generated.AspNetCore.Tests"));
    }
}
