using System.Buffers;
using System.IO.Pipelines;
using Clerk.Generated.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Clerk.Generated.Webhooks;

/// <summary>
/// Handles one delivery: the Svix headers checked before any byte of the body is read, a bounded read of the raw
/// body, verification over those exact bytes, envelope parsing, a claim on the delivery id (only once the signature
/// holds), dispatch, and a status code Svix understands (2xx = done, anything else = retry later).
/// </summary>
internal sealed partial class ClerkWebhookEndpoint(
    ClerkWebhookVerifier verifier,
    ClerkWebhookDispatcher dispatcher,
    IClerkWebhookDeliveryStore deliveries,
    long maxBodyBytes,
    ILogger logger)
{
    internal const string LogCategory = "Clerk.Generated.AspNetCore.Webhooks";

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var headers = ClerkWebhookHeaders.Resolve(request.Headers, static (h, name) => HeaderValue(h, name));
        if (!verifier.TryCheckHeaders(headers, out var headerFailure))
        {
            await RejectUnverifiedAsync(context, headers, headerFailure).ConfigureAwait(false);
            return;
        }

        if (request.ContentLength > maxBodyBytes)
        {
            await RejectTooLargeAsync(context, request.ContentLength.Value).ConfigureAwait(false);
            return;
        }

        var reader = request.BodyReader;
        var read = await ReadBoundedBodyAsync(context, reader).ConfigureAwait(false);
        if (read is null)
        {
            return;
        }

        ClerkWebhookEnvelope? envelope;
        try
        {
            envelope = await VerifyAndParseAsync(context, read.Value.Buffer, headers).ConfigureAwait(false);
        }
        finally
        {
            // The envelope holds its own copy of the JSON, so the request buffer can go back to the pipe.
            reader.AdvanceTo(read.Value.Buffer.End);
        }

        if (envelope is not null && await ClaimAsync(context, envelope.Delivery).ConfigureAwait(false) is { } claim)
        {
            await DispatchAsync(context, envelope, claim).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Claims the verified delivery, or answers the request itself: 204 for a delivery already processed (a
    /// redelivery or a replay), 409 with Retry-After while another request processes it. Null means answered.
    /// </summary>
    private async Task<ClerkWebhookDeliveryClaim?> ClaimAsync(HttpContext context, ClerkWebhookDelivery? delivery)
    {
        if (delivery is null)
        {
            return new ClerkWebhookDeliveryClaim(string.Empty, ClerkWebhookDeliveryStatus.Claimed, string.Empty);
        }

        var claim = await deliveries.TryClaimAsync(delivery.MessageId, context.RequestAborted).ConfigureAwait(false);
        switch (claim.Status)
        {
            case ClerkWebhookDeliveryStatus.Claimed:
                return claim;
            case ClerkWebhookDeliveryStatus.AlreadyProcessed:
                LogAlreadyProcessed(logger, delivery.MessageId);
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return null;
            default:
                LogInFlight(logger, delivery.MessageId);
                context.Response.Headers.RetryAfter = "5";
                await WriteProblemAsync(
                    context, StatusCodes.Status409Conflict, "Webhook delivery in progress",
                    "This delivery is being processed by another request; retry later.", "DeliveryInFlight").ConfigureAwait(false);
                return null;
        }
    }

    /// <summary>Reads the whole body up to the limit; null when the answer (413) has already been written.</summary>
    private async Task<ReadResult?> ReadBoundedBodyAsync(HttpContext context, PipeReader reader)
    {
        // Let the server stop reading early too, but never raise a limit the application set lower.
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = Math.Min(sizeFeature.MaxRequestBodySize ?? long.MaxValue, maxBodyBytes);
        }

        ReadResult read;
        try
        {
            read = await ReadBodyAsync(reader, context.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await RejectTooLargeAsync(context, length: null).ConfigureAwait(false);
            return null;
        }

        if (read.Buffer.Length > maxBodyBytes)
        {
            reader.AdvanceTo(read.Buffer.End);
            await RejectTooLargeAsync(context, read.Buffer.Length).ConfigureAwait(false);
            return null;
        }

        return read;
    }

    /// <summary>The verified envelope; null when the answer (400) has already been written.</summary>
    private async Task<ClerkWebhookEnvelope?> VerifyAndParseAsync(HttpContext context, ReadOnlySequence<byte> body, ClerkWebhookHeaders headers)
    {
        try
        {
            var verification = verifier.Verify(body, headers);
            if (!verification.IsValid)
            {
                await RejectUnverifiedAsync(context, headers, verification).ConfigureAwait(false);
                return null;
            }

            return ClerkWebhookEnvelope.Parse(body, verification.Delivery);
        }
        catch (ClerkWebhookPayloadException e)
        {
            await RejectPayloadAsync(context, headers.MessageId, e).ConfigureAwait(false);
            return null;
        }
    }

    private async Task DispatchAsync(HttpContext context, ClerkWebhookEnvelope envelope, ClerkWebhookDeliveryClaim claim)
    {
        var aborted = context.RequestAborted;
        try
        {
            var result = await dispatcher.DispatchAsync(envelope, context.RequestServices, aborted).ConfigureAwait(false);
            LogDispatched(logger, envelope.Type, envelope.Delivery?.MessageId, result.HandlersRun);
            await CompleteAsync(claim).ConfigureAwait(false);
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }
        catch (ClerkWebhookPayloadException e)
        {
            await RejectPayloadAsync(context, envelope.Delivery?.MessageId, e).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The sender is gone; nothing can be answered, and Svix will retry.
        }
        catch (Exception e)
        {
            // The exception is logged, not returned: its message may hold application data.
            LogHandlerFailed(logger, e, envelope.Type, envelope.Delivery?.MessageId);
            await WriteProblemAsync(
                context, StatusCodes.Status500InternalServerError, "Webhook handler failed",
                "A handler for this event failed; the delivery should be retried.", "HandlerFailed").ConfigureAwait(false);
        }

        // Not processed: give the claim back so the sender's retry (to any instance) can run the handlers.
        await ReleaseAsync(claim).ConfigureAwait(false);
    }

    // The outcome is recorded even when the sender hung up: the handlers ran, or must be able to run again.
    private ValueTask CompleteAsync(ClerkWebhookDeliveryClaim claim) =>
        claim.DeliveryId.Length == 0 ? ValueTask.CompletedTask : deliveries.CompleteAsync(claim, CancellationToken.None);

    private ValueTask ReleaseAsync(ClerkWebhookDeliveryClaim claim) =>
        claim.DeliveryId.Length == 0 ? ValueTask.CompletedTask : deliveries.ReleaseAsync(claim, CancellationToken.None);

    private async Task<ReadResult> ReadBodyAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (read.IsCompleted || read.IsCanceled || read.Buffer.Length > maxBodyBytes)
            {
                return read;
            }

            // Consume nothing, examine everything: the next read returns the whole body so far plus more.
            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    private static string? HeaderValue(IHeaderDictionary headers, string name)
        => headers.TryGetValue(name, out var values) && values.Count > 0
            ? (values.Count == 1 ? values[0] : string.Join(' ', values.ToArray()))
            : null;

    private Task RejectUnverifiedAsync(HttpContext context, ClerkWebhookHeaders headers, ClerkWebhookVerificationResult failure)
    {
        LogRejected(logger, failure.Failure, headers.MessageId, failure.Message);
        return WriteProblemAsync(
            context, StatusCodes.Status400BadRequest, "Webhook signature verification failed", failure.Message, failure.Failure.ToString());
    }

    private Task RejectPayloadAsync(HttpContext context, string? messageId, ClerkWebhookPayloadException e)
    {
        LogBadPayload(logger, messageId, e.Message);
        return WriteProblemAsync(context, StatusCodes.Status400BadRequest, "Webhook payload is not a Clerk event", e.Message, "InvalidPayload");
    }

    private Task RejectTooLargeAsync(HttpContext context, long? length)
    {
        LogTooLarge(logger, length, maxBodyBytes);
        return WriteProblemAsync(
            context, StatusCodes.Status413PayloadTooLarge, "Webhook payload too large",
            $"The body exceeds the limit of {maxBodyBytes} bytes.", "PayloadTooLarge");
    }

    private static async Task WriteProblemAsync(HttpContext context, int status, string title, string detail, string reason)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/problem+json";
        using (var json = new System.Text.Json.Utf8JsonWriter(response.BodyWriter))
        {
            json.WriteStartObject();
            json.WriteString("title", title);
            json.WriteNumber("status", status);
            json.WriteString("detail", detail);
            json.WriteString("reason", reason);
            json.WriteEndObject();
        }

        await response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    [LoggerMessage(1, LogLevel.Warning, "Rejected Clerk webhook {MessageId}: {Failure}. {Reason}")]
    private static partial void LogRejected(ILogger logger, ClerkWebhookVerificationFailure failure, string? messageId, string reason);

    [LoggerMessage(2, LogLevel.Warning, "Clerk webhook {MessageId} is authentic but its payload was refused: {Reason}")]
    private static partial void LogBadPayload(ILogger logger, string? messageId, string reason);

    [LoggerMessage(3, LogLevel.Warning, "Rejected Clerk webhook: body of {Length} bytes exceeds the limit of {Limit} bytes")]
    private static partial void LogTooLarge(ILogger logger, long? length, long limit);

    [LoggerMessage(4, LogLevel.Debug, "Dispatched Clerk webhook {EventType} {MessageId} to {HandlerCount} handler(s)")]
    private static partial void LogDispatched(ILogger logger, string eventType, string? messageId, int handlerCount);

    [LoggerMessage(5, LogLevel.Error, "A handler of Clerk webhook {EventType} {MessageId} failed; answering 500 so the delivery is retried")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string eventType, string? messageId);

    [LoggerMessage(6, LogLevel.Information, "Clerk webhook {MessageId} was processed before; answering 204 without running handlers")]
    private static partial void LogAlreadyProcessed(ILogger logger, string messageId);

    [LoggerMessage(7, LogLevel.Information, "Clerk webhook {MessageId} is being processed elsewhere; answering 409 so it is retried")]
    private static partial void LogInFlight(ILogger logger, string messageId);
}
