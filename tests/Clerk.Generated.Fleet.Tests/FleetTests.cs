using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Clerk.Generated.Testing;
using Clerk.Generated.Tests.Shared;
using Clerk.Generated.Webhooks;

namespace Clerk.Generated.Fleet.Tests;

/// <summary>
/// Three real instances behind no balancer (every request is sent to each of them), one real Redis, one stub
/// Backend API. The counts are the defaults below; <c>CLERK_FLEET_SCALE</c> multiplies them for longer runs.
/// </summary>
[TestFixture]
[NonParallelizable]
[CancelAfter(170_000)]
public sealed class FleetTests
{
    private static readonly double Scale = double.TryParse(Environment.GetEnvironmentVariable("CLERK_FLEET_SCALE"), System.Globalization.CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 1;
    private static readonly int Deliveries = (int)(1_000 * Scale);
    private static readonly int MachineTokens = (int)(5_000 * Scale);
    private static readonly int SessionValidationsPerInstance = (int)(300 * Scale);

    /// <summary>How long the outage test calls the limited endpoint, and the most calls one limit lets through in that time.</summary>
    private static readonly TimeSpan LimitRun = TimeSpan.FromSeconds(2);
    private static readonly int MaxLimitedCalls = StubBackendApi.RateLimit * ((int)LimitRun.TotalSeconds + 1);

    private readonly RedisServer _redis = new();
    private readonly ClerkTestKey _key = ClerkTestKey.Generate("ins_fleet_key");
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(30) };
    private readonly string _webhookSecretText = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
    private StubBackendApi _backend = null!;
    private FleetInstance[] _fleet = [];

    [OneTimeSetUp]
    public async Task StartFleet()
    {
        _redis.Start();
        _backend = new StubBackendApi(_key);
        await _backend.StartAsync();
        var dll = typeof(FleetTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "FleetServiceDll").Value!;
        Assert.That(File.Exists(dll), Is.True, $"{dll} is not built");
        _fleet = Enumerable.Range(0, 3)
            .Select(_ => new FleetInstance(dll, _redis.Configuration, _backend.Url, "sk_test_fleet", _webhookSecretText))
            .ToArray();
        foreach (var instance in _fleet)
        {
            instance.WaitUntilListening();
        }
    }

    [OneTimeTearDown]
    public async Task StopFleet()
    {
        foreach (var instance in _fleet)
        {
            instance.Dispose();
        }

        _redis.Dispose();
        await _backend.DisposeAsync();
        _key.Dispose();
        _http.Dispose();
    }

    [Test, Order(1)]
    public async Task Cold_session_token_validations_on_every_instance_fetch_the_JWKS_once_for_the_fleet()
    {
        using var tokens = new ClerkTestTokens(_key);
        var token = tokens.Mint();
        var statuses = await SendAll(
            _fleet.SelectMany(instance => Enumerable.Repeat(instance, SessionValidationsPerInstance)),
            instance => Session(instance, token));

        Assert.Multiple(() =>
        {
            Assert.That(statuses.Distinct(), Is.EqualTo(new[] { HttpStatusCode.OK }), Logs());
            Assert.That(_backend.JwksFetches, Is.EqualTo(1), "JWKS requests that reached the Backend API");
        });
    }

    [Test, Order(2)]
    public async Task Each_delivery_posted_to_all_three_instances_at_once_runs_its_handlers_exactly_once()
    {
        var ids = Enumerable.Range(0, Deliveries).Select(i => $"msg_once_{i}").ToArray();
        await DeliverUntilAcknowledged(ids);

        Assert.Multiple(() =>
        {
            Assert.That(ids.Where(id => _backend.HandlerSuccesses.GetValueOrDefault(id) != 1), Is.Empty, "deliveries not run exactly once");
            Assert.That(ids.Sum(id => _backend.HandlerAttempts.GetValueOrDefault(id)), Is.EqualTo(Deliveries), "handler runs");
        });
    }

    [Test, Order(3)]
    public async Task Handlers_failing_the_first_time_end_in_exactly_one_success_through_retries()
    {
        _backend.FailFirstRun = true;
        try
        {
            var ids = Enumerable.Range(0, Deliveries).Select(i => $"msg_retry_{i}").ToArray();
            var rounds = await DeliverUntilAcknowledged(ids);

            Assert.Multiple(() =>
            {
                Assert.That(rounds, Is.GreaterThanOrEqualTo(2), "the first failure must have forced a retry");
                Assert.That(ids.Where(id => _backend.HandlerSuccesses.GetValueOrDefault(id) != 1), Is.Empty, "deliveries not succeeding exactly once");
                Assert.That(ids.Where(id => _backend.HandlerAttempts.GetValueOrDefault(id) != 2), Is.Empty, "deliveries not run exactly twice (fail, succeed)");
            });
        }
        finally
        {
            _backend.FailFirstRun = false;
        }
    }

    [Test, Order(4)]
    public async Task Each_opaque_machine_token_sent_to_all_three_instances_costs_one_Backend_API_verification()
    {
        var tokens = Enumerable.Range(0, MachineTokens).Select(i => "mt_" + Convert.ToHexStringLower(SHA256.HashData(BitConverter.GetBytes(i)))[..32]).ToArray();
        var statuses = await SendAll(
            tokens.SelectMany(token => _fleet.Select(instance => (instance, token))),
            pair => Get(pair.instance, "machine?token=" + pair.token));

        Assert.Multiple(() =>
        {
            Assert.That(statuses.Distinct(), Is.EqualTo(new[] { HttpStatusCode.OK }), Logs());
            Assert.That(tokens.Where(t => _backend.MachineVerifications.GetValueOrDefault(t) != 1), Is.Empty, "tokens not verified exactly once by the Backend API");
        });
    }

    [Test, Order(5)]
    public async Task The_shared_limit_keeps_the_whole_fleet_under_the_Backend_API_rate_limit()
    {
        var duration = TimeSpan.FromSeconds(3 * Scale);
        var answers = (await CallLimitedOnEveryInstance(duration)).SelectMany(a => a).ToList();

        var seconds = Math.Ceiling(duration.TotalSeconds);
        Assert.Multiple(() =>
        {
            Assert.That(_backend.LimitedOverLimit, Is.Zero, "calls that reached the Backend API above its limit");
            Assert.That(answers.Count(a => a == "local 429"), Is.GreaterThan(0), "the demand exceeded the limit, so some calls must have been held back");
            Assert.That(answers.Count(a => a == "clerk 200"), Is.EqualTo(_backend.LimitedServed));
            Assert.That(_backend.LimitedServed, Is.InRange((int)(StubBackendApi.RateLimit * seconds / 2), (int)(StubBackendApi.RateLimit * (seconds + 1))), "calls served");
        });
    }

    [Test, Order(6)]
    public async Task A_Retry_After_from_Clerk_holds_every_instance()
    {
        await Task.Delay(1100); // let the previous test's window pass
        _backend.ForceRetryAfterSeconds = 2;
        Assert.That(await _http.GetStringAsync(new Uri(_fleet[0].Url, "limited")), Is.EqualTo("clerk 429"));
        var callsBefore = _backend.LimitedCalls;

        var held = await Task.WhenAll(_fleet.Skip(1).SelectMany(instance => Enumerable.Range(0, 5).Select(_ => _http.GetStringAsync(new Uri(instance.Url, "limited")))));
        Assert.Multiple(() =>
        {
            Assert.That(held, Is.All.EqualTo("local 429"));
            Assert.That(_backend.LimitedCalls, Is.EqualTo(callsBefore), "calls that reached the Backend API during the hold");
        });

        await Task.Delay(2200);
        Assert.That(await _http.GetStringAsync(new Uri(_fleet[1].Url, "limited")), Is.EqualTo("clerk 200"));
    }

    [Test, Order(9)]
    public async Task With_Redis_stopped_instances_keep_working_on_local_state_and_share_again_once_it_returns()
    {
        using var tokens = new ClerkTestTokens(_key);
        var session = tokens.Mint();
        _redis.Stop();

        // During the outage deduplication is per instance: each delivery goes to two instances at once, then again to
        // both (a redelivery). None may be lost or refused; each of the two runs it once (at least once across the
        // fleet), and neither runs the redelivery.
        var outage = Enumerable.Range(0, Deliveries / 10).Select(i => $"msg_outage_{i}").ToArray();
        var posts = outage.SelectMany((id, i) => new[] { _fleet[i % 3], _fleet[(i + 1) % 3] }.Select(instance => (id, instance))).ToArray();
        var firstRound = await SendAll(posts, pair => Deliver(pair.instance, pair.id));
        var redelivered = await SendAll(posts, pair => Deliver(pair.instance, pair.id));
        var sessionStatuses = await SendAll(_fleet, instance => Session(instance, session));
        Assert.Multiple(() =>
        {
            Assert.That(firstRound.Concat(redelivered).Distinct(), Is.EqualTo(new[] { HttpStatusCode.NoContent }), Logs());
            Assert.That(sessionStatuses.Distinct(), Is.EqualTo(new[] { HttpStatusCode.OK }), Logs());
            Assert.That(outage.Where(id => _backend.HandlerSuccesses.GetValueOrDefault(id) is < 1 or > 2), Is.Empty, "deliveries lost, or run more often than by the two instances");
            Assert.That(
                posts.Where(p => _backend.HandlerAttemptsByInstance.GetValueOrDefault((p.id, p.instance.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))) != 1),
                Is.Empty,
                "deliveries not run exactly once by each instance that received them (per-instance deduplication)");
            Assert.That(_fleet.Select(i => CountOf(i.Output, "Redis is unavailable")), Is.All.EqualTo(1), "each instance logs the outage once");
        });

        // The shared limit falls back to a local one per instance: each keeps limiting (PermitLimit a second), none fails.
        var limitedDuringOutage = await CallLimitedOnEveryInstance(LimitRun);
        Assert.That(await Task.WhenAll(_fleet.Select(Health)), Is.All.EqualTo("Degraded"), "health during the outage");
        Assert.Multiple(() =>
        {
            foreach (var answers in limitedDuringOutage)
            {
                Assert.That(answers, Is.All.AnyOf("clerk 200", "clerk 429", "local 429"));
                Assert.That(answers.Count(a => a == "local 429"), Is.GreaterThan(0), "calls this instance held back on its own");
                Assert.That(answers.Count(a => a.StartsWith("clerk", StringComparison.Ordinal)), Is.InRange(1, MaxLimitedCalls), "calls this instance let through");
            }
        });

        _redis.Start();
        await WaitUntilHealthy();
        var after = Enumerable.Range(0, Deliveries / 10).Select(i => $"msg_after_{i}").ToArray();
        await DeliverUntilAcknowledged(after);
        Assert.That(after.Where(id => _backend.HandlerSuccesses.GetValueOrDefault(id) != 1), Is.Empty, "deliveries not run exactly once after Redis returned");

        // Sharing resumes for the limit too: the fleet together lets through no more than one instance did alone.
        var limitedAfter = await CallLimitedOnEveryInstance(LimitRun);
        Assert.That(
            limitedAfter.Sum(answers => answers.Count(a => a.StartsWith("clerk", StringComparison.Ordinal))),
            Is.InRange(1, MaxLimitedCalls),
            "calls the whole fleet let through once Redis returned");
    }

    [Test, Order(0)]
    public async Task Health_is_healthy_with_Redis_up_and_no_key_fetched_yet()
    {
        Assert.That(await Task.WhenAll(_fleet.Select(Health)), Is.All.EqualTo("Healthy"));
    }

    /// <summary>
    /// Eight callers per instance call <c>/limited</c> back to back for <paramref name="duration"/>; returns each
    /// instance's answers ("clerk &lt;status&gt;" when the call reached the stub, "local 429" when held back).
    /// </summary>
    private async Task<string[][]> CallLimitedOnEveryInstance(TimeSpan duration)
    {
        var until = DateTime.UtcNow + duration;
        return await Task.WhenAll(_fleet.Select(async instance =>
        {
            var answers = new System.Collections.Concurrent.ConcurrentBag<string>();
            await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
            {
                while (DateTime.UtcNow < until)
                {
                    answers.Add(await _http.GetStringAsync(new Uri(instance.Url, "limited")));
                }
            }));
            return answers.ToArray();
        }));
    }

    /// <summary>Waits (bounded) until every instance reports Healthy again: its connection to Redis is back.</summary>
    private async Task WaitUntilHealthy()
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var states = await Task.WhenAll(_fleet.Select(Health));
            if (states.All(s => s == "Healthy"))
            {
                return;
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(until), $"instances did not become healthy again: {string.Join(", ", states)}");
            await Task.Delay(200);
        }
    }

    private async Task<string> Health(FleetInstance instance) => await _http.GetStringAsync(new Uri(instance.Url, "health"));

    /// <summary>
    /// Posts every delivery to all three instances at once, then, as Svix does, posts again the deliveries no instance
    /// acknowledged with a 2xx, until all are acknowledged. Returns the number of rounds.
    /// </summary>
    private async Task<int> DeliverUntilAcknowledged(IReadOnlyCollection<string> ids)
    {
        var pending = ids.ToList();
        var rounds = 0;
        while (pending.Count > 0)
        {
            Assert.That(++rounds, Is.LessThanOrEqualTo(20), $"{pending.Count} deliveries still unacknowledged. {Logs()}");
            if (rounds > 1)
            {
                await Task.Delay(100);
            }

            var answers = await SendAll(pending.SelectMany(id => _fleet.Select(instance => (id, instance))), pair => Deliver(pair.instance, pair.id));
            var pairs = pending.SelectMany(id => _fleet.Select(_ => id)).Zip(answers);
            Assert.That(answers, Is.All.AnyOf(HttpStatusCode.NoContent, HttpStatusCode.Conflict, HttpStatusCode.InternalServerError), Logs());
            var acknowledged = pairs.Where(p => p.Second == HttpStatusCode.NoContent).Select(p => p.First).ToHashSet();
            pending = pending.Where(id => !acknowledged.Contains(id)).ToList();
        }

        return rounds;
    }

    private async Task<HttpStatusCode> Deliver(FleetInstance instance, string id)
    {
        var body = Encoding.UTF8.GetBytes($$$"""{"type":"user.created","object":"event","timestamp":1,"data":{"id":"user_{{{id}}}","object":"user"}}""");
        var headers = new ClerkWebhookSigner(ClerkWebhookSigningSecret.Parse(_webhookSecretText)).CreateHeaders(id, DateTimeOffset.UtcNow, body);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(instance.Url, "webhooks")) { Content = new ByteArrayContent(body) };
        request.Headers.Add(ClerkWebhookHeaders.SvixId, headers.MessageId);
        request.Headers.Add(ClerkWebhookHeaders.SvixTimestamp, headers.Timestamp);
        request.Headers.Add(ClerkWebhookHeaders.SvixSignature, headers.Signature);
        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }

    private Task<HttpStatusCode> Session(FleetInstance instance, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(instance.Url, "session"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return Send(request);
    }

    private Task<HttpStatusCode> Get(FleetInstance instance, string path) => Send(new HttpRequestMessage(HttpMethod.Get, new Uri(instance.Url, path)));

    private async Task<HttpStatusCode> Send(HttpRequestMessage request)
    {
        using (request)
        using (var response = await _http.SendAsync(request))
        {
            return response.StatusCode;
        }
    }

    /// <summary>Sends one request per item, 48 at a time, and returns the statuses in the items' order.</summary>
    private static async Task<HttpStatusCode[]> SendAll<T>(IEnumerable<T> items, Func<T, Task<HttpStatusCode>> send)
    {
        var list = items.ToArray();
        var statuses = new HttpStatusCode[list.Length];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, list.Length),
            new ParallelOptions { MaxDegreeOfParallelism = 48 },
            async (i, _) => statuses[i] = await send(list[i]));
        return statuses;
    }

    private static int CountOf(string text, string what) => text.Split('\n').Count(line => line.Contains(what, StringComparison.Ordinal));

    private string Logs() => string.Join("\n---\n", _fleet.Select(i => i.Output));
}
