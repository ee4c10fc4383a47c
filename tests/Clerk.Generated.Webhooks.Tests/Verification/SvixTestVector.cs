using System.Security.Cryptography;
using System.Text;

namespace Clerk.Generated.Webhooks.Tests.Verification;

/// <summary>
/// The example delivery published with the Svix libraries (their own test suites check it), plus an independent
/// reference signature: a plain concatenation hashed in one call, sharing no code with the runtime.
/// </summary>
internal static class SvixTestVector
{
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    public const string MessageId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    public const long Timestamp = 1614265330;
    public const string Signature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    public static byte[] Body => Encoding.UTF8.GetBytes("""{"test": 2432232314}""");

    public static ClerkWebhookHeaders Headers(string? signature = Signature, string? timestamp = "1614265330", string? id = MessageId)
        => new(id, timestamp, signature);

    public static string ReferenceSignature(byte[] key, string id, string timestamp, byte[] body)
    {
        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(body).ToArray();
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }

    public static byte[] KeyOf(string secret) => Convert.FromBase64String(secret.Replace("whsec_", "", StringComparison.Ordinal));
}
