using System;
using System.Collections.Generic;
using System.Threading;
using Clerk.Generated.Generator.Model;

namespace Clerk.Generated.Generator.Parsing;

/// <summary>
/// Remembers the last few parses across generator runs. The compiler server keeps analyzer assemblies loaded
/// between builds, but a command-line build starts a new generator driver each time, so without this every build
/// would parse the 740 KB spec again even when it has not changed. Parsing is a pure function of the input, so
/// returning an earlier result for an equal input is exactly what parsing again would return.
/// </summary>
internal static class SpecCache
{
    private const int Capacity = 4;
    private static readonly object Gate = new();
    private static readonly LinkedList<(SpecInput Input, SpecModel Model)> Entries = new();

    public static SpecModel GetOrParse(SpecInput input, CancellationToken cancellationToken)
    {
        lock (Gate)
        {
            for (var node = Entries.First; node is not null; node = node.Next)
            {
                if (node.Value.Input.Equals(input))
                {
                    Entries.Remove(node);
                    Entries.AddFirst(node);
                    return node.Value.Model;
                }
            }
        }

        var model = SpecParser.Parse(input, cancellationToken);
        lock (Gate)
        {
            Entries.AddFirst((input, model));
            while (Entries.Count > Capacity)
            {
                Entries.RemoveLast();
            }
        }

        return model;
    }

    /// <summary>For tests that measure or observe parsing itself.</summary>
    internal static void Clear()
    {
        lock (Gate)
        {
            Entries.Clear();
        }
    }
}
