using System.Text.Json;
using Clerk.Generated.Testing;
using Clerk.Generated.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace Clerk.Generated.Tokens.Tests;

/// <summary>
/// JSON that <see cref="Utf8JsonReader"/> reads but whose strings cannot become .NET strings (escaped lone or
/// swapped surrogates), and repeated claims: each is a typed rejection, never an exception.
/// </summary>
public sealed class HostileJsonTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 12, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);

    private static string Kid => SharedKeys.Primary.KeyId;

    private static long Exp => Now.AddMinutes(1).ToUnixTimeSeconds();

    private async Task<ClerkTokenValidationResult> ValidateAsync(string header, string payload, ClerkTokenValidationOptions? options = null)
    {
        using var tokens = new ClerkTestTokens(SharedKeys.Primary, _time);
        var validator = new ClerkTokenValidator(tokens.Keys, options, _time);
        return await validator.ValidateAsync(tokens.SignRaw(header, payload));
    }

    private string Payload(string extra = "") => $$"""{"sub":"user_1","exp":{{Exp}}{{extra}}}""";

    private string Header(string extra = "") => $$"""{"alg":"RS256","kid":"{{Kid}}"{{extra}}}""";

    [TestCase("""{"alg":"RS256","kid":"\udc00"}""", TestName = "A lone low surrogate in kid is refused as malformed")]
    [TestCase("""{"alg":"RS256","kid":"\ud800"}""", TestName = "A lone high surrogate in kid is refused as malformed")]
    [TestCase("""{"alg":"RS256","kid":"\udc00\ud800"}""", TestName = "Swapped surrogates in kid are refused as malformed")]
    [TestCase("""{"alg":"\udc00","kid":"k"}""", TestName = "A lone surrogate in alg is refused as malformed")]
    [TestCase("""{"alg":"RS256","k\udc00":"x","kid":"k"}""", TestName = "A lone surrogate in a header member name is refused as malformed")]
    [TestCase("""{"alg":"RS256","kid":"k","x":["\ud800x"]}""", TestName = "A lone surrogate nested in an unknown header member is refused as malformed")]
    [TestCase("""{"alg":"RS256","kid":"k","typ":"\ud800"}""", TestName = "A lone surrogate in typ is refused as malformed")]
    public async Task Header_with_ill_formed_escape(string header)
    {
        var result = await ValidateAsync(header, Payload());

        Assert.That(result.Reason, Is.EqualTo(TokenRejectionReason.Malformed));
    }

    [Test]
    public async Task A_well_formed_escaped_surrogate_pair_in_the_header_is_read()
    {
        var result = await ValidateAsync(Header(""","x":"\ud83d\ude00" """), Payload());

        Assert.That(result.IsValid, Is.True, result.Message);
    }

    [TestCase(""","sub":"\udc00" """, TestName = "A lone surrogate in sub is refused as malformed")]
    [TestCase(""","sid":"\ud800" """, TestName = "A lone surrogate in sid is refused as malformed")]
    [TestCase(""","n\udc00me":1""", TestName = "A lone surrogate in a claim name is refused as malformed")]
    [TestCase(""","o":{"id":"org_\udc00"}""", TestName = "A lone surrogate in the organization claim is refused as malformed")]
    [TestCase(""","custom":{"a":[{"b":"\ud800\ud800"}]}""", TestName = "A lone surrogate deep in a custom claim is refused as malformed")]
    [TestCase(""","fea":"u:\udfff" """, TestName = "A lone surrogate in fea is refused as malformed")]
    public async Task Signed_payload_with_ill_formed_escape(string extra)
    {
        // "sub" may appear twice in the first case; the escape is checked before the repetition.
        var payload = extra.Contains("\"sub\"", StringComparison.Ordinal)
            ? $$"""{"exp":{{Exp}}{{extra}}}"""
            : Payload(extra);

        var result = await ValidateAsync(Header(), payload);

        Assert.That(result.Reason, Is.EqualTo(TokenRejectionReason.Malformed));
    }

    [TestCase("o", """{"id":"org_1"}""")]
    [TestCase("org_id", "\"org_1\"")]
    [TestCase("org_role", "\"org:admin\"")]
    [TestCase("org_permissions", "[]")]
    [TestCase("fea", "\"u:a\"")]
    [TestCase("pla", "\"u:pro\"")]
    [TestCase("fva", "[1,1]")]
    [TestCase("act", """{"sub":"user_2"}""")]
    [TestCase("v", "2")]
    [TestCase("sts", "\"active\"")]
    [TestCase("custom", "1")]
    public async Task A_repeated_claim_is_refused_whatever_its_name(string name, string value)
    {
        var result = await ValidateAsync(Header(), Payload($$""","{{name}}":{{value}},"{{name}}":{{value}}"""));

        Assert.That(result.Reason, Is.EqualTo(TokenRejectionReason.DuplicateClaim));
    }

    [Test]
    public async Task A_claim_repeated_under_an_escaped_name_is_refused()
    {
        var result = await ValidateAsync(Header(), Payload(""","fea":"u:a","f\u0065a":"u:b" """));

        Assert.That(result.Reason, Is.EqualTo(TokenRejectionReason.DuplicateClaim));
    }

    [Test]
    public async Task A_repeated_claim_among_many_custom_claims_is_refused()
    {
        var many = string.Concat(Enumerable.Range(0, 60).Select(i => $",\"c{i}\":{i}"));
        var result = await ValidateAsync(Header(), Payload(many + ",\"c59\":0"));

        Assert.That(result.Reason, Is.EqualTo(TokenRejectionReason.DuplicateClaim));
    }

    [Test]
    public async Task A_token_of_several_kilobytes_is_read_whole_and_its_signature_still_checked()
    {
        var padding = new string('a', 6000);
        using var tokens = new ClerkTestTokens(SharedKeys.Primary, _time);
        var validator = new ClerkTokenValidator(tokens.Keys, options: null, _time);
        var token = tokens.SignRaw(Header(), Payload($$""","pad":"{{padding}}","after":1"""));
        var tampered = token[..^4] + (token[^4] == 'A' ? "B" : "A") + token[^3..];

        var result = await validator.ValidateAsync(token);
        var rejected = await validator.ValidateAsync(tampered);

        Assert.That(result.IsValid, Is.True, result.Message);
        Assert.That(result.Token!.TryGetClaim("pad", out var pad) ? pad.GetString() : null, Is.EqualTo(padding));
        Assert.That(result.Token.HasClaim("after"), Is.True);
        Assert.That(rejected.Reason, Is.EqualTo(TokenRejectionReason.BadSignature));
    }

    [Test]
    public async Task Many_distinct_custom_claims_are_accepted()
    {
        var many = string.Concat(Enumerable.Range(0, 60).Select(i => $",\"c{i}\":{i}"));
        var result = await ValidateAsync(Header(), Payload(many));

        Assert.That(result.IsValid, Is.True, result.Message);
    }

    [TestCase("o", """{"id":"org_1","id":"org_2"}""")]
    [TestCase("act", """{"sub":"user_2","sub":"user_3"}""")]
    public async Task A_repeated_member_of_o_or_act_is_refused(string name, string value)
    {
        var result = await ValidateAsync(Header(), Payload($$""","{{name}}":{{value}}"""));

        Assert.That(result.Reason, Is.EqualTo(TokenRejectionReason.DuplicateClaim));
    }

    [Test]
    public async Task Custom_claims_of_the_wrong_shape_read_as_absent_without_throwing()
    {
        var result = await ValidateAsync(Header(), Payload(""","n":1e400,"d":"not a date" """));
        var jwt = result.Token!;

        Assert.Multiple(() =>
        {
            Assert.That(jwt.TryGetClaim("n", TestClaimsContext.Default.Int32, out _), Is.False);
            Assert.That(jwt.TryGetClaim("d", TestClaimsContext.Default.DateTimeOffset, out _), Is.False);
        });
    }

    [Test]
    public async Task A_pending_session_is_signed_out_by_default_and_its_token_stays_readable()
    {
        var result = await ValidateAsync(Header(), Payload(""","sts":"pending" """));

        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.False);
            Assert.That(result.Reason, Is.EqualTo(TokenRejectionReason.SessionPending));
            Assert.That(result.Token!.SessionStatus, Is.EqualTo("pending"));
        });
    }

    [Test]
    public async Task A_pending_session_is_accepted_when_opted_in()
    {
        var result = await ValidateAsync(Header(), Payload(""","sts":"pending" """), new ClerkTokenValidationOptions { TreatPendingAsSignedOut = false });

        Assert.That(result.IsValid, Is.True);
        Assert.That(result.Token!.SessionStatus, Is.EqualTo("pending"));
    }

    [Test]
    public async Task An_escaped_pending_status_is_recognised()
    {
        var result = await ValidateAsync(Header(), Payload(""","sts":"p\u0065nding" """));

        Assert.That(result.Reason, Is.EqualTo(TokenRejectionReason.SessionPending));
    }
}
