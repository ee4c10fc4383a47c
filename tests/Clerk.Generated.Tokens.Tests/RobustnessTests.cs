using Clerk.Generated.Testing;
using Clerk.Generated.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace Clerk.Generated.Tokens.Tests;

/// <summary>Bad input never throws and never validates: random garbage and random single-character mutations.</summary>
public sealed class RobustnessTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 12, 12, 0, 0, TimeSpan.Zero);
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ \u00e9\0";

    [Test]
    public async Task Every_single_character_mutation_of_a_valid_token_is_rejected_without_throwing()
    {
        var time = new FakeTimeProvider(Now);
        using var tokens = new ClerkTestTokens(SharedKeys.Primary, time);
        var validator = new ClerkTokenValidator(tokens.Keys, timeProvider: time);
        var token = tokens.Mint();
        var random = new Random(7);
        var reasons = new Dictionary<TokenRejectionReason, int>();

        for (var i = 0; i < 5000; i++)
        {
            var chars = token.ToCharArray();
            var at = random.Next(chars.Length);
            char replacement;
            do
            {
                replacement = Alphabet[random.Next(Alphabet.Length)];
            }
            while (replacement == chars[at]);
            chars[at] = replacement;

            var result = await validator.ValidateAsync(new string(chars));

            Assert.That(result.IsValid, Is.False, $"mutation at {at} to '{replacement}' was accepted");
            reasons[result.Reason] = reasons.GetValueOrDefault(result.Reason) + 1;
        }

        TestContext.Out.WriteLine(string.Join(", ", reasons.Select(r => $"{r.Key}: {r.Value}")));
        Assert.That(reasons.Keys, Does.Contain(TokenRejectionReason.BadSignature).And.Contain(TokenRejectionReason.Malformed));
    }

    [Test]
    public async Task Random_garbage_is_rejected_without_throwing()
    {
        var validator = new ClerkTokenValidator(new InMemoryJwksProvider(SharedKeys.Primary.SigningKey), timeProvider: new FakeTimeProvider(Now));
        var random = new Random(11);

        for (var i = 0; i < 5000; i++)
        {
            var length = random.Next(1, 400);
            var text = new string(Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());

            var result = await validator.ValidateAsync(text);

            Assert.That(result.IsValid, Is.False);
            Assert.That(result.Message, Is.Not.Empty);
        }
    }
}
