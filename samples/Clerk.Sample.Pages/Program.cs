namespace Clerk.Sample.Pages;

/// <summary>The entry point (a named class, so tests can reference this sample beside the minimal-API one).</summary>
internal static class Program
{
    private static void Main(string[] args) => PagesSample.Build(args).Run();
}
