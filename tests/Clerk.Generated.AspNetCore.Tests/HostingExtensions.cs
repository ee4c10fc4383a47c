using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace Clerk.Generated.AspNetCore.Tests;

internal static class HostingExtensions
{
    public static IWebHostBuilder UseTestServerForTests(this IWebHostBuilder builder) => builder.UseTestServer();
}
