namespace Clerk.Generated.Webhooks;

/// <summary>
/// The delivery store of one instance: claims and processed ids in memory, forgotten after
/// <see cref="ClerkWebhookOptions.DeliveryRetention"/>. It makes concurrent and repeated deliveries to this instance
/// run once; it knows nothing of other instances.
/// </summary>
public sealed class InMemoryClerkWebhookDeliveryStore : IClerkWebhookDeliveryStore
{
    private const int PruneEvery = 1024;

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeSpan _retention;
    private readonly TimeSpan _lease;
    private readonly TimeProvider _time;
    private int _claimsSincePrune;

    /// <summary>Creates a store with the retention and lease of <paramref name="options"/> (defaults when null).</summary>
    public InMemoryClerkWebhookDeliveryStore(ClerkWebhookOptions? options = null, TimeProvider? timeProvider = null)
    {
        options ??= new ClerkWebhookOptions();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.DeliveryRetention, TimeSpan.Zero, "ClerkWebhookOptions.DeliveryRetention");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.DeliveryClaimLease, TimeSpan.Zero, "ClerkWebhookOptions.DeliveryClaimLease");
        _retention = options.DeliveryRetention;
        _lease = options.DeliveryClaimLease;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>How many delivery ids are held (claimed or processed, not yet forgotten).</summary>
    public int Count
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<ClerkWebhookDeliveryClaim> TryClaimAsync(string deliveryId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(deliveryId);
        var now = _time.GetUtcNow();
        lock (_entries)
        {
            if (++_claimsSincePrune >= PruneEvery)
            {
                PruneLocked(now);
            }

            if (_entries.TryGetValue(deliveryId, out var entry) && entry.ExpiresAt > now)
            {
                return ValueTask.FromResult(ClerkWebhookDeliveryClaim.NotClaimed(
                    deliveryId, entry.Owner is null ? ClerkWebhookDeliveryStatus.AlreadyProcessed : ClerkWebhookDeliveryStatus.InFlight));
            }

            var claim = ClerkWebhookDeliveryClaim.NewOwner(deliveryId);
            _entries[deliveryId] = new Entry(claim.Owner, now + _lease);
            return ValueTask.FromResult(claim);
        }
    }

    /// <inheritdoc />
    public ValueTask CompleteAsync(ClerkWebhookDeliveryClaim claim, CancellationToken cancellationToken = default)
    {
        lock (_entries)
        {
            // Processed is processed, even when the lease ran out meanwhile: the handlers did succeed.
            _entries[claim.DeliveryId] = new Entry(null, _time.GetUtcNow() + _retention);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(ClerkWebhookDeliveryClaim claim, CancellationToken cancellationToken = default)
    {
        lock (_entries)
        {
            if (_entries.TryGetValue(claim.DeliveryId, out var entry) && entry.Owner == claim.Owner)
            {
                _entries.Remove(claim.DeliveryId);
            }
        }

        return ValueTask.CompletedTask;
    }

    private void PruneLocked(DateTimeOffset now)
    {
        _claimsSincePrune = 0;
        foreach (var (id, entry) in _entries)
        {
            if (entry.ExpiresAt <= now)
            {
                _entries.Remove(id);
            }
        }
    }

    /// <summary>A claimed (owner set) or processed (owner null) delivery and when it is forgotten.</summary>
    private readonly record struct Entry(string? Owner, DateTimeOffset ExpiresAt);
}
