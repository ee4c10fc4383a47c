using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Clerk.Generated.Webhooks;

namespace Clerk.Generated.Benchmarks.Webhooks;

/// <summary>
/// Verifying one delivery: our span-based verifier against the string-based algorithm as .NET webhook libraries
/// commonly write it (decode the body to a string, interpolate "{id}.{timestamp}.{body}", encode it back, hash with
/// a new HMAC object, base64 to a string, split the header, compare strings). Both check the same signature.
/// </summary>
[MemoryDiagnoser]
public class WebhookVerificationBenchmarks
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string MessageId = "msg_2abcDEFghiJKLmnoPQRstuVWXyz";

    private byte[] _body = [];
    private byte[] _key = [];
    private ClerkWebhookHeaders _headers;
    private ClerkWebhookVerifier _verifier = null!;

    /// <summary>Body size in bytes: a typical Clerk user.created event, and one past the one-shot hashing limit.</summary>
    [Params(2_048, 300_000)]
    public int BodyBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var text = new StringBuilder("{\"type\":\"user.created\",\"object\":\"event\",\"data\":{\"pad\":\"");
        while (text.Length < BodyBytes - 3)
        {
            text.Append("é✓abcdefgh"[text.Length % 10]);
        }

        _body = Encoding.UTF8.GetBytes(text.Append("\"}}").ToString());
        _key = Convert.FromBase64String(Secret["whsec_".Length..]);
        var secret = ClerkWebhookSigningSecret.Parse(Secret);
        var now = DateTimeOffset.UtcNow;
        var signed = new ClerkWebhookSigner(secret).CreateHeaders(MessageId, now, _body);
        // Svix sends one signature per active secret; two entries is the rotation case.
        _headers = signed with { Signature = "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= " + signed.Signature };
        _verifier = new ClerkWebhookVerifier(secret);
        if (!Ours() || !StringBased())
        {
            throw new InvalidOperationException("Benchmark setup: a verifier rejected the valid delivery.");
        }
    }

    [Benchmark(Baseline = true)]
    public bool StringBased()
    {
        var payload = Encoding.UTF8.GetString(_body);
        var toSign = $"{_headers.MessageId}.{_headers.Timestamp}.{payload}";
        using var hmac = new HMACSHA256(_key);
        var expected = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(toSign)));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var timestamp = long.Parse(_headers.Timestamp!, System.Globalization.CultureInfo.InvariantCulture);
        if (Math.Abs(now - timestamp) > 300)
        {
            return false;
        }

        foreach (var entry in _headers.Signature!.Split(' '))
        {
            var parts = entry.Split(',');
            if (parts.Length == 2 && parts[0] == "v1" &&
                CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(parts[1]), Encoding.ASCII.GetBytes(expected)))
            {
                return true;
            }
        }

        return false;
    }

    [Benchmark]
    public bool Ours() => _verifier.Verify(_body, _headers).IsValid;
}
