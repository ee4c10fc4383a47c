using System;
using System.Collections.Generic;

namespace Clerk.Generated.Generator.Emitting;

/// <summary>
/// Remembers emitted source by the value-equal item it was emitted from. A command-line build starts a new generator
/// driver each time, so without this every build re-emits all ~500 files even when the spec has not changed; the
/// compiler server keeps this assembly loaded, and emission is a pure function of its item, so an earlier result for
/// an equal item is exactly what emitting again would produce.
/// </summary>
internal static class EmittedSourceCache
{
    // Two full specs' worth of files; when exceeded the cache starts over rather than tracking recency per file.
    private const int Capacity = 2048;
    private static readonly object Gate = new();
    private static readonly Dictionary<object, string> Sources = new();

    public static string GetOrAdd<TItem>(TItem item, Func<TItem, string> emit)
        where TItem : notnull
    {
        lock (Gate)
        {
            if (Sources.TryGetValue(item, out var cached))
            {
                return cached;
            }
        }

        var source = emit(item);
        lock (Gate)
        {
            if (Sources.Count >= Capacity)
            {
                Sources.Clear();
            }

            Sources[item] = source;
        }

        return source;
    }

    /// <summary>For benchmarks and tests that measure emission itself.</summary>
    internal static void Clear()
    {
        lock (Gate)
        {
            Sources.Clear();
        }
    }
}
