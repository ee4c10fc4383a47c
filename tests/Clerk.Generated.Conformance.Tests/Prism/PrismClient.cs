using Clerk.Generated.Http;

namespace Clerk.Generated.Conformance.Tests.Prism;

/// <summary>A <see cref="ClerkHttpTransport"/> aimed at a Prism server, with the handler that records what Prism said.</summary>
public sealed class PrismClient : IDisposable
{
    public const string SecretKey = "sk_test_conformance0123456789";
    public const string SpecVersion = "2026-05-12";

    public PrismClient(PrismServer server)
    {
        Handler = new PrismHandler(server.BaseAddress);
        HttpClient = new HttpClient(Handler) { Timeout = Timeout.InfiniteTimeSpan };
        Options = new ClerkClientOptions
        {
            SecretKey = SecretKey,
            // The real API's host: the handler sends everything to Prism, so this also proves the transport never
            // talks to anything but what it is given.
            ApiUrl = "https://api.clerk.com",
            Timeout = TimeSpan.FromSeconds(30),
        };
        Options.Retry.MaxAttempts = 1;
        Transport = new ClerkHttpTransport(HttpClient, Options, SpecVersion);
    }

    public PrismHandler Handler { get; }

    public HttpClient HttpClient { get; }

    public ClerkClientOptions Options { get; }

    public ClerkHttpTransport Transport { get; }

    public PrismExchange LastExchange => Handler.Exchanges.Last();

    public void Dispose() => HttpClient.Dispose();
}
