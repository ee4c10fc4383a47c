using Clerk.Generated.Http;

namespace Clerk.Generated.Runtime.Tests.Http;

public sealed class PaginationTests
{
    private sealed record Page(IReadOnlyList<int>? Data, long? TotalCount);

    /// <summary>A list operation over <paramref name="total"/> items, recording each (offset, limit) it is asked for.</summary>
    private sealed class FakeList(int total, bool reportsTotal)
    {
        public List<(long Offset, long Limit)> Calls { get; } = [];

        public Task<Page> Fetch(long offset, long limit, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Calls.Add((offset, limit));
            var items = Enumerable.Range(0, total).Skip((int)offset).Take((int)limit).ToArray();
            return Task.FromResult(new Page(items, reportsTotal ? total : null));
        }
    }

    private static IAsyncEnumerable<int> Enumerate(FakeList list, long pageSize, CancellationToken cancellationToken = default) =>
        ClerkPagination.EnumerateAsync<Page, int>(list.Fetch, p => p.Data, p => p.TotalCount, pageSize, cancellationToken);

    [TestCase(5, 2, new long[] { 0, 2, 4 })]
    [TestCase(4, 2, new long[] { 0, 2 })]
    [TestCase(0, 10, new long[] { 0 })]
    [TestCase(10, 500, new long[] { 0 })]
    public async Task Data_and_total_count_pages_stop_at_the_total(int total, long pageSize, long[] expectedOffsets)
    {
        var list = new FakeList(total, reportsTotal: true);

        var items = await Enumerate(list, pageSize).ToListAsync();

        Assert.That(items, Is.EqualTo(Enumerable.Range(0, total)));
        Assert.That(list.Calls.Select(c => c.Offset), Is.EqualTo(expectedOffsets));
        Assert.That(list.Calls.Select(c => c.Limit), Is.All.EqualTo(pageSize));
    }

    [TestCase(5, 2, new long[] { 0, 2, 4 })]
    [TestCase(4, 2, new long[] { 0, 2, 4 })]
    [TestCase(0, 3, new long[] { 0 })]
    public async Task Bare_array_pages_stop_on_a_short_or_empty_page(int total, long pageSize, long[] expectedOffsets)
    {
        var list = new FakeList(total, reportsTotal: false);

        var items = await Enumerate(list, pageSize).ToListAsync();

        Assert.That(items, Is.EqualTo(Enumerable.Range(0, total)));
        Assert.That(list.Calls.Select(c => c.Offset), Is.EqualTo(expectedOffsets));
    }

    [Test]
    public async Task Pages_are_fetched_lazily()
    {
        var list = new FakeList(100, reportsTotal: true);

        var firstThree = await Enumerate(list, 10).Take(3).ToListAsync();

        Assert.That(firstThree, Is.EqualTo(new[] { 0, 1, 2 }));
        Assert.That(list.Calls, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_null_item_list_ends_the_sequence()
    {
        var calls = 0;
        var items = await ClerkPagination.EnumerateAsync<Page, int>(
            (_, _, _) => { calls++; return Task.FromResult(new Page(null, 10)); },
            p => p.Data, p => p.TotalCount, 5, CancellationToken.None).ToListAsync();

        Assert.That(items, Is.Empty);
        Assert.That(calls, Is.EqualTo(1));
    }

    [Test]
    public void Cancellation_stops_between_pages_through_either_token()
    {
        var list = new FakeList(100, reportsTotal: true);
        using var cts = new CancellationTokenSource();

        Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in Enumerate(list, 10, cts.Token))
            {
                if (item == 15)
                {
                    await cts.CancelAsync();
                }
            }
        });
        Assert.That(list.Calls, Has.Count.EqualTo(2));

        using var enumeratorCts = new CancellationTokenSource();
        var other = new FakeList(100, reportsTotal: true);
        Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in Enumerate(other, 10).WithCancellation(enumeratorCts.Token))
            {
                if (item == 5)
                {
                    await enumeratorCts.CancelAsync();
                }
            }
        });
        Assert.That(other.Calls, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_page_size_below_one_is_rejected()
    {
        var list = new FakeList(1, reportsTotal: true);

        Assert.That(() => Enumerate(list, 0), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
