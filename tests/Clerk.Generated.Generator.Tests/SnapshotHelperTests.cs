using Clerk.Generated.Generator.Tests.Support;

namespace Clerk.Generated.Generator.Tests;

/// <summary>The golden-file helper itself: it must catch differences, missing and stale files, and refuse updates under CI.</summary>
public sealed class SnapshotHelperTests
{
    private string _root = null!;

    [SetUp]
    public void CreateRoot() => _root = Directory.CreateTempSubdirectory("clerk-snapshots-").FullName;

    [TearDown]
    public void DeleteRoot() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Update_writes_files_that_then_match()
    {
        Snapshot.Match(_root, "Case", [("A.g.cs", "one\ntwo\n")], update: true, ci: false);

        Assert.That(File.ReadAllText(Path.Combine(_root, "Case", "A.g.cs")), Is.EqualTo("one\ntwo\n"));
        Assert.DoesNotThrow(() => Snapshot.Match(_root, "Case", [("A.g.cs", "one\r\ntwo\r\n")], update: false, ci: true));
    }

    [Test]
    public void A_changed_line_fails_with_a_readable_diff()
    {
        Snapshot.Match(_root, "Case", [("A.g.cs", "alpha\nbeta\ngamma\n")], update: true, ci: false);

        var failure = Assert.Throws<AssertionException>(() =>
            Snapshot.Match(_root, "Case", [("A.g.cs", "alpha\nBETA\ngamma\n")], update: false, ci: false))!;

        Assert.That(failure.Message, Does.Contain("- 2: beta").And.Contain("+ 2: BETA").And.Contain("UPDATE_SNAPSHOTS=1"));
    }

    [Test]
    public void Missing_and_stale_files_fail()
    {
        Snapshot.Match(_root, "Case", [("Old.g.cs", "x\n")], update: true, ci: false);

        var failure = Assert.Throws<AssertionException>(() =>
            Snapshot.Match(_root, "Case", [("New.g.cs", "x\n")], update: false, ci: false))!;

        Assert.That(failure.Message, Does.Contain("Case/New.g.cs: generated, but there is no snapshot").And.Contain("Case/Old.g.cs: in the snapshots, but no longer generated"));
    }

    [Test]
    public void Update_removes_stale_files()
    {
        Snapshot.Match(_root, "Case", [("Old.g.cs", "x\n")], update: true, ci: false);

        Snapshot.Match(_root, "Case", [("New.g.cs", "x\n")], update: true, ci: false);

        Assert.That(Directory.GetFiles(Path.Combine(_root, "Case")).Select(Path.GetFileName), Is.EqualTo(new[] { "New.g.cs" }));
    }

    [Test]
    public void Update_is_refused_under_CI_and_writes_nothing()
    {
        var failure = Assert.Throws<AssertionException>(() =>
            Snapshot.Match(_root, "Case", [("A.g.cs", "x\n")], update: true, ci: true))!;

        Assert.That(failure.Message, Does.Contain("refused"));
        Assert.That(Directory.Exists(Path.Combine(_root, "Case")), Is.False);
    }

    [Test]
    public void Diff_of_a_large_change_is_bounded()
    {
        var left = string.Join('\n', Enumerable.Range(0, 5000).Select(i => "line " + i));
        var right = string.Join('\n', Enumerable.Range(0, 5000).Select(i => "LINE " + i));

        var diff = TextDiff.Unified(left, right);

        Assert.That(diff, Does.Contain("more changed lines"));
        Assert.That(diff.Split('\n'), Has.Length.LessThan(250));
    }
}
