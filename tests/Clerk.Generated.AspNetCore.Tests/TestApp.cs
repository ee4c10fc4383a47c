using System.Net.Http.Headers;
using Clerk.Generated.Authentication;
using Clerk.Generated.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Clerk.Generated.AspNetCore.Tests;

/// <summary>A TestHost application with the Clerk scheme on an in-memory key, and a minter for that key.</summary>
internal sealed class TestApp : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 5, 12, 10, 0, 0, TimeSpan.Zero);

    private TestApp(WebApplication app, ClerkTestTokens tokens, FakeTimeProvider time)
    {
        App = app;
        Tokens = tokens;
        Time = time;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public ClerkTestTokens Tokens { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Client { get; }

    public static async Task<TestApp> StartAsync(
        Action<WebApplication> map,
        Action<ClerkAuthenticationOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        bool useAuthentication = true)
    {
        var time = new FakeTimeProvider(Now);
        var tokens = new ClerkTestTokens(time);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddAuthentication(ClerkAuthenticationDefaults.AuthenticationScheme).AddClerk(o =>
        {
            o.Keys = tokens.Keys;
            configure?.Invoke(o);
        });
        builder.Services.AddAuthorization();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        if (useAuthentication)
        {
            app.UseAuthentication();
            app.UseAuthorization();
        }

        map(app);
        await app.StartAsync();
        return new TestApp(app, tokens, time);
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? bearer = null, string? cookie = null, string? authorization = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        Tokens.Dispose();
    }
}
