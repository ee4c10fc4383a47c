using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Clerk.Generated.Generator.Model;
using Clerk.Generated.Generator.Parsing;

namespace Clerk.Generated.Generator.Caching;

/// <summary>
/// The generator's memory across drivers. The compiler server keeps analyzer assemblies loaded between builds, but a
/// command-line build starts a new generator driver each time, so without this every build would parse the 740 KB
/// spec and emit ~500 files again although nothing changed (docs/performance.md has the figures).
/// </summary>
/// <remarks>
/// <para>One entry per spec, keyed by <see cref="SpecKey"/> (a SHA-256 of the spec's text and settings): the parsed
/// model, the narrow models the shared outputs are emitted from, and every source emitted from the model's parts.
/// Parts are found by reference: a new driver fed a cached model hands the emitters the very same instances, so a
/// lookup is a pointer hash, never a deep comparison of models.</para>
/// <para>At most <see cref="Capacity"/> specs are kept, least recently used evicted first; an entry's sources leave
/// with it. Parsing and emission are pure functions of their inputs, so a cached result is exactly what doing the
/// work again would produce.</para>
/// </remarks>
internal static class GenerationCache
{
    /// <summary>Specs kept: an app and a library of one solution, each with a spec or two.</summary>
    public const int Capacity = 4;

    private static readonly object Gate = new();
    private static readonly LinkedList<Entry> Entries = new();

    /// <summary>The model of <paramref name="input"/>: from the cache when its key is there, else parsed and cached.</summary>
    public static SpecModel GetOrParse(SpecInput input, CancellationToken cancellationToken)
    {
        var key = SpecKey.Of(input);
        lock (Gate)
        {
            if (Find(entry => entry.Key == key) is { } hit)
            {
                return hit.Model;
            }
        }

        var model = SpecParser.Parse(input, cancellationToken);
        lock (Gate)
        {
            Entries.AddFirst(new Entry(key, model));
            while (Entries.Count > Capacity)
            {
                Entries.RemoveLast();
            }
        }

        return model;
    }

    /// <summary>
    /// A narrow model derived from <paramref name="parent"/> (a cached spec's model, or a model derived from it): the
    /// same instance every time, so the source emitted from it is found again by reference.
    /// </summary>
    public static T Derive<TParent, T>(TParent parent, Func<TParent, T> derive)
        where TParent : class
        where T : class
    {
        lock (Gate)
        {
            var entry = Find(e => e.Parts.Contains(parent));
            if (entry is null)
            {
                return derive(parent);
            }

            if (!entry.Derived.TryGetValue((parent, derive), out var derived))
            {
                derived = derive(parent);
                entry.Derived[(parent, derive)] = derived;
                entry.Parts.Add(derived);
            }

            return (T)derived;
        }
    }

    /// <summary>
    /// The source of <paramref name="output"/> emitted from <paramref name="part"/> (a type, a group or a derived
    /// model of a cached spec): emitted once, then served from the spec's entry.
    /// </summary>
    public static string GetOrEmit<TPart>(TPart part, string output, Func<TPart, string> emit)
        where TPart : class
    {
        lock (Gate)
        {
            foreach (var entry in Entries)
            {
                if (entry.Sources.TryGetValue((part, output), out var cached))
                {
                    return cached;
                }
            }
        }

        var source = emit(part);
        lock (Gate)
        {
            if (Find(e => e.Parts.Contains(part)) is { } owner)
            {
                owner.Sources[(part, output)] = source;
            }
        }

        return source;
    }

    /// <summary>How many specs are cached (for tests of the bound).</summary>
    internal static int Count
    {
        get
        {
            lock (Gate)
            {
                return Entries.Count;
            }
        }
    }

    /// <summary>For benchmarks and tests that measure or observe parsing itself.</summary>
    internal static void Clear()
    {
        lock (Gate)
        {
            Entries.Clear();
        }
    }

    /// <summary>For benchmarks that measure emission with the parse cached.</summary>
    internal static void ClearEmittedSources()
    {
        lock (Gate)
        {
            foreach (var entry in Entries)
            {
                entry.Sources.Clear();
            }
        }
    }

    /// <summary>The first entry matching, moved to the front (most recently used). Call under the lock.</summary>
    private static Entry? Find(Func<Entry, bool> match)
    {
        for (var node = Entries.First; node is not null; node = node.Next)
        {
            if (match(node.Value))
            {
                Entries.Remove(node);
                Entries.AddFirst(node);
                return node.Value;
            }
        }

        return null;
    }

    private sealed class Entry
    {
        public Entry(string key, SpecModel model)
        {
            Key = key;
            Model = model;
            Parts = new HashSet<object>(model.Types.Cast<object>().Concat(model.Groups), ReferenceComparer.Instance) { model };
        }

        public string Key { get; }

        public SpecModel Model { get; }

        /// <summary>The objects sources are emitted from: the model, its types and groups, and the derived models.</summary>
        public HashSet<object> Parts { get; }

        /// <summary>Derived models by parent (by reference) and derivation (a static method: equal delegates).</summary>
        public Dictionary<(object Parent, Delegate Derive), object> Derived { get; } = new(DerivedKeyComparer.Instance);

        public Dictionary<(object Part, string Output), string> Sources { get; } = new(SourceKeyComparer.Instance);
    }

    private sealed class ReferenceComparer : IEqualityComparer<object>
    {
        public static readonly ReferenceComparer Instance = new();

        public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

        public int GetHashCode(object obj) => RuntimeHelpers.GetHashCode(obj);
    }

    private sealed class DerivedKeyComparer : IEqualityComparer<(object Parent, Delegate Derive)>
    {
        public static readonly DerivedKeyComparer Instance = new();

        public bool Equals((object Parent, Delegate Derive) x, (object Parent, Delegate Derive) y) =>
            ReferenceEquals(x.Parent, y.Parent) && x.Derive.Equals(y.Derive);

        public int GetHashCode((object Parent, Delegate Derive) obj) =>
            (RuntimeHelpers.GetHashCode(obj.Parent) * 31) ^ obj.Derive.GetHashCode();
    }

    private sealed class SourceKeyComparer : IEqualityComparer<(object Part, string Output)>
    {
        public static readonly SourceKeyComparer Instance = new();

        public bool Equals((object Part, string Output) x, (object Part, string Output) y) =>
            ReferenceEquals(x.Part, y.Part) && string.Equals(x.Output, y.Output, StringComparison.Ordinal);

        public int GetHashCode((object Part, string Output) obj) =>
            (RuntimeHelpers.GetHashCode(obj.Part) * 31) ^ StringComparer.Ordinal.GetHashCode(obj.Output);
    }
}
