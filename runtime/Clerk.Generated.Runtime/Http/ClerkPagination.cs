using System.Runtime.CompilerServices;

namespace Clerk.Generated.Http;

/// <summary>Turns the Clerk API's <c>limit</c>/<c>offset</c> list operations into lazily paged sequences.</summary>
public static class ClerkPagination
{
    /// <summary>
    /// Enumerates every item of a list operation, fetching one page at a time as the caller consumes them. Stops
    /// on an empty page, a page shorter than <paramref name="pageSize"/>, or when the offset reaches the total count.
    /// </summary>
    /// <typeparam name="TPage">The operation's response type: <c>{data, total_count}</c> or a bare array.</typeparam>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <param name="fetchPage">Fetches the page at (offset, limit).</param>
    /// <param name="getItems">The page's items.</param>
    /// <param name="getTotalCount">The page's total count, or <see langword="null"/> for bare-array pages.</param>
    /// <param name="pageSize">The <c>limit</c> of every request; the generated code keeps it within the operation's maximum.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is less than 1.</exception>
    public static IAsyncEnumerable<TItem> EnumerateAsync<TPage, TItem>(
        Func<long, long, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, IReadOnlyList<TItem>?> getItems,
        Func<TPage, long?> getTotalCount,
        long pageSize,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        ArgumentNullException.ThrowIfNull(getItems);
        ArgumentNullException.ThrowIfNull(getTotalCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        return EnumerateCoreAsync(fetchPage, getItems, getTotalCount, pageSize, cancellationToken);
    }

    private static async IAsyncEnumerable<TItem> EnumerateCoreAsync<TPage, TItem>(
        Func<long, long, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, IReadOnlyList<TItem>?> getItems,
        Func<TPage, long?> getTotalCount,
        long pageSize,
        CancellationToken cancellationToken,
        [EnumeratorCancellation] CancellationToken enumeratorCancellation = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, enumeratorCancellation);
        var token = linked.Token;
        var offset = 0L;
        while (true)
        {
            token.ThrowIfCancellationRequested();
            var page = await fetchPage(offset, pageSize, token).ConfigureAwait(false);
            var items = getItems(page);
            if (items is null || items.Count == 0)
            {
                yield break;
            }

            foreach (var item in items)
            {
                yield return item;
            }

            offset += items.Count;
            var total = getTotalCount(page);
            if (items.Count < pageSize || (total is { } t && offset >= t))
            {
                yield break;
            }
        }
    }
}
