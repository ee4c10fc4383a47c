using System.Reflection;
using Clerk.Generated.Conformance.Tests.Prism;
using Clerk.Generated.Http;

namespace Clerk.Generated.Conformance.Tests.Operations;

/// <summary>Calls generated methods against Prism, one at a time, and classifies what happened.</summary>
public sealed class OperationRunner(ClerkClient client, PrismHandler prism, ArgumentFactory arguments)
{
    private static readonly MethodInfo TakeMethod = typeof(OperationRunner).GetMethod(nameof(TakeAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    public async Task<CallOutcome> CallAsync(GeneratedMethod method, CancellationToken cancellationToken)
    {
        var before = prism.Exchanges.Count;
        MethodArguments args;
        try
        {
            args = arguments.Build(method, cancellationToken);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or NotSupportedException or ArgumentException)
        {
            return new CallOutcome(method, CallResult.ArgumentFailure, ex.GetType().Name + ": " + ex.Message, [], null);
        }

        var group = method.Group.GetValue(client)!;
        CallResult result;
        string? detail = null;
        try
        {
            var returned = method.Method.Invoke(group, args.Values);
            if (method.IsPaging)
            {
                var itemType = method.Method.ReturnType.GetGenericArguments()[0];
                var count = await (Task<int>)TakeMethod.MakeGenericMethod(itemType).Invoke(null, [returned, 5, cancellationToken])!;
                detail = $"{count} items";
            }
            else
            {
                var task = (Task)returned!;
                await task;
                var value = task.GetType().IsGenericType ? task.GetType().GetProperty("Result")!.GetValue(task) : null;
                if (task.GetType().IsGenericType && value is null)
                {
                    throw new InvalidOperationException("the method returned null");
                }
            }

            result = CallResult.Ok;
        }
        catch (Exception ex) when (Unwrap(ex) is ClerkResponseException response)
        {
            result = CallResult.DeserializationFailure;
            detail = response.Message;
        }
        catch (Exception ex) when (Unwrap(ex) is ClerkApiException api)
        {
            result = CallResult.ErrorStatus;
            detail = $"{(int)api.StatusCode} {api.ErrorCode}";
        }
        catch (Exception ex)
        {
            var inner = Unwrap(ex);
            result = CallResult.Crash;
            detail = inner.GetType().Name + ": " + inner.Message + " at " + string.Join(" < ", (inner.StackTrace ?? string.Empty).Split('\n').Take(4).Select(l => l.Trim()));
        }

        var exchanges = prism.Exchanges.Skip(before).ToArray();
        return new CallOutcome(method, result, detail, exchanges, args.IntendedBodyJson);
    }

    private static async Task<int> TakeAsync<T>(IAsyncEnumerable<T> items, int max, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            if (item is null)
            {
                throw new InvalidOperationException("a null item");
            }

            if (++count >= max)
            {
                break;
            }
        }

        return count;
    }

    private static Exception Unwrap(Exception ex) => ex is TargetInvocationException { InnerException: { } inner } ? inner : ex;
}
