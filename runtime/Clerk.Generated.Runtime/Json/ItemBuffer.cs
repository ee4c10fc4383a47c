using System.Buffers;
using System.Runtime.CompilerServices;

namespace Clerk.Generated.Json;

/// <summary>
/// Collects the items of a JSON array in a pooled buffer and hands them out as an array of exactly their count: one
/// allocation per list instead of a <see cref="List{T}"/> and the arrays it outgrows.
/// </summary>
internal struct ItemBuffer<T>
{
    private T[]? _items;
    private int _count;

    public void Add(T item)
    {
        if (_items is null)
        {
            _items = ArrayPool<T>.Shared.Rent(8);
        }
        else if (_count == _items.Length)
        {
            var larger = ArrayPool<T>.Shared.Rent(_count * 2);
            _items.AsSpan(0, _count).CopyTo(larger);
            Return(_items);
            _items = larger;
        }

        _items[_count++] = item;
    }

    /// <summary>The items as an array of their count; the buffer goes back to the pool.</summary>
    public T[] ToArray()
    {
        if (_items is null)
        {
            return [];
        }

        var result = _items.AsSpan(0, _count).ToArray();
        Return(_items);
        _items = null;
        return result;
    }

    private static void Return(T[] items) => ArrayPool<T>.Shared.Return(items, clearArray: RuntimeHelpers.IsReferenceOrContainsReferences<T>());
}
