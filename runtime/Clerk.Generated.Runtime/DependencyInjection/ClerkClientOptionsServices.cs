using Clerk.Generated.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clerk.Generated.DependencyInjection;

/// <summary>Gives the options the container's <see cref="TimeProvider"/> and <see cref="ILoggerFactory"/> unless set explicitly.</summary>
internal sealed class ClerkClientOptionsServices(IServiceProvider services) : IPostConfigureOptions<ClerkClientOptions>
{
    public void PostConfigure(string? name, ClerkClientOptions options)
    {
        options.TimeProvider ??= services.GetService<TimeProvider>();
        options.LoggerFactory ??= services.GetService<ILoggerFactory>();
    }
}
