using System.Text;

namespace Clerk.Generated.Conformance.Tests.Operations;

/// <summary>Counts over many calls, printed into the test output.</summary>
public sealed class ConformanceReport(string title, IReadOnlyList<CallOutcome> outcomes)
{
    public IReadOnlyList<CallOutcome> Outcomes => outcomes;

    public int Calls => outcomes.Count;

    public int OperationsCalled => outcomes.Where(o => o.Exchanges.Count > 0).Select(o => o.Method.OperationId).Distinct().Count();

    public IReadOnlyList<CallOutcome> WithRequestViolations => outcomes.Where(o => o.RequestViolations.Any()).ToArray();

    public int RequestViolations => outcomes.Sum(o => o.RequestViolations.Count());

    public int ResponseViolations => outcomes.Sum(o => o.ResponseViolations.Count());

    public IReadOnlyList<CallOutcome> Where(CallResult result) => outcomes.Where(o => o.Result == result).ToArray();

    public string Render(int maxListed = 40)
    {
        var text = new StringBuilder();
        text.AppendLine($"== {title}");
        text.AppendLine($"calls: {Calls}, operations called: {OperationsCalled}, requests sent: {outcomes.Sum(o => o.Exchanges.Count)}");
        var latencies = outcomes.SelectMany(o => o.Exchanges).Select(e => e.Elapsed.TotalMilliseconds).Order().ToArray();
        if (latencies.Length > 0)
        {
            text.AppendLine($"Prism latency per request: median {latencies[latencies.Length / 2]:0} ms, p95 {latencies[(int)(latencies.Length * 0.95)]:0} ms, max {latencies[^1]:0} ms");
        }

        text.AppendLine($"request violations: {RequestViolations} (in {WithRequestViolations.Count} calls)");
        text.AppendLine($"response violations reported by Prism (the spec's own examples or generated data): {ResponseViolations}");
        foreach (var result in Enum.GetValues<CallResult>())
        {
            text.AppendLine($"{result}: {Where(result).Count}");
        }

        foreach (var outcome in outcomes.Where(o => o.Result != CallResult.Ok || o.RequestViolations.Any()).Take(maxListed))
        {
            text.AppendLine("  " + outcome);
        }

        return text.ToString();
    }
}
