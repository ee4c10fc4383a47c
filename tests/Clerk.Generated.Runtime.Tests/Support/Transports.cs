using Clerk.Generated.Http;
using Microsoft.Extensions.Time.Testing;

namespace Clerk.Generated.Runtime.Tests.Support;

/// <summary>Builds transports over MockHttp with a fake clock.</summary>
public static class Transports
{
    public const string SecretKey = "sk_test_0123456789abcdefABCDEF";
    public const string SpecVersion = "2026-05-12";
    public const string ApiUrl = "https://api.clerk.test";

    public static ClerkClientOptions Options(FakeTimeProvider? time = null, Action<ClerkClientOptions>? configure = null)
    {
        var options = new ClerkClientOptions
        {
            SecretKey = SecretKey,
            ApiUrl = ApiUrl,
            TimeProvider = time,
        };
        configure?.Invoke(options);
        return options;
    }

    public static ClerkHttpTransport Create(HttpMessageHandler handler, FakeTimeProvider? time = null, Action<ClerkClientOptions>? configure = null) =>
        new(new HttpClient(handler), Options(time ?? new FakeTimeProvider(), configure), SpecVersion);

    public static ClerkRequest Get(string path = "/users/user_1", string operationId = "GetUser", string template = "/users/{user_id}") =>
        new(HttpMethod.Get, operationId, template, path);

    public static ClerkRequest Post(string path = "/users", string operationId = "CreateUser") =>
        new(HttpMethod.Post, operationId, path, path);

    /// <summary>Moves the fake clock forward in steps until <paramref name="task"/> completes, within a real-time bound.</summary>
    public static async Task<T> RunAsync<T>(Task<T> task, FakeTimeProvider time, TimeSpan step)
    {
        await AdvanceUntilDone(task, time, step);
        return await task;
    }

    public static async Task AdvanceUntilDone(Task task, FakeTimeProvider time, TimeSpan step)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!task.IsCompleted)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The call did not finish while the fake clock advanced.");
            }

            time.Advance(step);
            await Task.Delay(2);
        }
    }

    /// <summary>Waits in real time (bounded) until <paramref name="condition"/> holds.</summary>
    public static async Task WaitUntil(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Timed out waiting until " + what);
            }

            await Task.Delay(2);
        }
    }
}
