namespace Clerk.Generated.Packaging.Tests;

/// <summary>The documentation gives no pack or build command that these tests do not run verbatim.</summary>
public sealed class DocumentationTests
{
    [Test]
    public void Every_documented_pack_and_build_command_is_run_by_the_packaging_tests()
    {
        var documented = DocumentedCommands.InDocumentation().ToList();
        var notRun = documented.Where(d => !DocumentedCommands.All.Contains(d.Command)).Select(d => $"{d.File}: {d.Command}");
        var notDocumented = DocumentedCommands.All.Where(c => !documented.Any(d => d.Command == c));

        Assert.Multiple(() =>
        {
            Assert.That(notRun, Is.Empty, "Documented but not run by a test.");
            Assert.That(notDocumented, Is.Empty, "Run by a test as documented, but no longer in the documentation.");
        });
    }
}
