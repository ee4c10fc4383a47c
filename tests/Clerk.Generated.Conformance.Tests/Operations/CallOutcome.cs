using Clerk.Generated.Conformance.Tests.Prism;

namespace Clerk.Generated.Conformance.Tests.Operations;

public enum CallResult
{
    /// <summary>2xx and the body was read as the method's return type.</summary>
    Ok,

    /// <summary>2xx but the body could not be read as the return type.</summary>
    DeserializationFailure,

    /// <summary>Prism answered with an error status (it does so for requests that break the spec).</summary>
    ErrorStatus,

    /// <summary>The arguments could not be built (the factory's JSON was refused by a generated model).</summary>
    ArgumentFailure,

    /// <summary>Anything else: a crash in the client, a dead Prism.</summary>
    Crash,
}

/// <summary>What happened to one call of one generated method.</summary>
public sealed record CallOutcome(GeneratedMethod Method, CallResult Result, string? Detail, IReadOnlyList<PrismExchange> Exchanges, string? IntendedBodyJson)
{
    public IEnumerable<PrismViolation> RequestViolations => Exchanges.SelectMany(e => e.RequestViolations);

    public IEnumerable<PrismViolation> ResponseViolations => Exchanges.SelectMany(e => e.ResponseViolations);

    public override string ToString()
    {
        var exchange = Exchanges.LastOrDefault();
        var where = exchange is null ? "(nothing sent)" : $"{exchange.Method} {exchange.Path} -> {exchange.Status}";
        var violations = string.Join("; ", RequestViolations);
        return $"{Method.OperationId} via {Method.Group.Name}.{Method.Method.Name}: {Result} {where} {Detail} {violations}".Trim();
    }
}
