using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using SharpYaml;
using SharpYaml.Events;

namespace Clerk.Generated.Generator.Parsing;

/// <summary>
/// Finds where a JSON pointer (<c>#/paths/~1users/get</c>) sits in the spec text, so diagnostics point at the
/// spec line instead of nowhere. Works for YAML and JSON alike (JSON is YAML). Only used when there is something
/// to report: a clean spec never pays for this second pass.
/// </summary>
internal sealed class SpecPositionLocator
{
    private readonly string _text;
    private Dictionary<string, (int Line, int Column)>? _positions;

    public SpecPositionLocator(string text) => _text = text;

    /// <summary>Zero-based line and column of the node at <paramref name="pointer"/>, or of its nearest existing ancestor.</summary>
    public (int Line, int Column) Locate(string? pointer)
    {
        if (string.IsNullOrEmpty(pointer))
        {
            return (0, 0);
        }

        // The reader reports syntax errors as "#line=N", with the parser's zero-based line.
        if (pointer!.StartsWith("#line=", StringComparison.Ordinal) &&
            int.TryParse(pointer.Substring(6).Split(' ')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var line))
        {
            return (Math.Max(0, line), 0);
        }

        var positions = _positions ??= Index();
        var path = Normalize(pointer);
        while (true)
        {
            if (positions.TryGetValue(path, out var position))
            {
                return position;
            }

            var slash = path.LastIndexOf('/');
            if (slash <= 0)
            {
                return (0, 0);
            }

            path = path.Substring(0, slash);
        }
    }

    /// <summary>
    /// Where the first <c>$ref</c> naming <paramref name="id"/> sits, and its text: the reader reports references it
    /// cannot resolve by id only, without a pointer.
    /// </summary>
    public (int Line, int Column, string Reference)? FindReference(string id)
    {
        var lines = _text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            for (var at = lines[i].IndexOf("$ref", StringComparison.Ordinal); at >= 0; at = lines[i].IndexOf("$ref", at + 4, StringComparison.Ordinal))
            {
                var colon = lines[i].IndexOf(':', at + 4);
                if (colon < 0)
                {
                    continue;
                }

                var rest = lines[i].Substring(colon + 1).TrimStart();
                var end = rest.IndexOfAny(new[] { ',', '}', '\r' });
                var value = (end < 0 ? rest : rest.Substring(0, end)).Trim().Trim('"', '\'');
                if (value == id || value.EndsWith("/" + id, StringComparison.Ordinal))
                {
                    var column = at > 0 && lines[i][at - 1] is '"' or '\'' ? at - 1 : at;
                    return (i, column, value);
                }
            }
        }

        return null;
    }

    private static string Normalize(string pointer)
    {
        var path = pointer.StartsWith("#", StringComparison.Ordinal) ? pointer.Substring(1) : pointer;
        return path.TrimEnd('/');
    }

    private Dictionary<string, (int Line, int Column)> Index()
    {
        var positions = new Dictionary<string, (int, int)>(StringComparer.Ordinal) { [string.Empty] = (0, 0) };
        try
        {
            var parser = Parser.CreateParser(new StringReader(_text));
            while (parser.MoveNext() && parser.Current is not MappingStart and not SequenceStart)
            {
            }

            if (parser.Current is not null)
            {
                Walk(parser, string.Empty, positions);
            }
        }
        catch (Exception)
        {
            // A document too broken to walk: what was indexed so far still helps.
        }

        return positions;
    }

    // Called with parser.Current at a MappingStart or SequenceStart; returns with parser.Current at its end event.
    private static void Walk(IParser parser, string path, Dictionary<string, (int, int)> positions)
    {
        if (parser.Current is MappingStart)
        {
            while (parser.MoveNext() && parser.Current is not MappingEnd)
            {
                var key = parser.Current as Scalar;
                var childPath = path + "/" + Escape(key?.Value ?? string.Empty);
                positions[childPath] = (parser.Current!.Start.Line, parser.Current.Start.Column);
                if (key is null)
                {
                    SkipNode(parser);
                }

                parser.MoveNext();
                VisitValue(parser, childPath, positions);
            }
        }
        else
        {
            var index = 0;
            while (parser.MoveNext() && parser.Current is not SequenceEnd)
            {
                var childPath = path + "/" + index.ToString(CultureInfo.InvariantCulture);
                positions[childPath] = (parser.Current!.Start.Line, parser.Current.Start.Column);
                VisitValue(parser, childPath, positions);
                index++;
            }
        }
    }

    private static void VisitValue(IParser parser, string path, Dictionary<string, (int, int)> positions)
    {
        if (parser.Current is MappingStart or SequenceStart)
        {
            Walk(parser, path, positions);
        }
    }

    private static void SkipNode(IParser parser)
    {
        var depth = 0;
        do
        {
            if (parser.Current is MappingStart or SequenceStart)
            {
                depth++;
            }
            else if (parser.Current is MappingEnd or SequenceEnd)
            {
                depth--;
            }
        }
        while (depth > 0 && parser.MoveNext());
    }

    private static string Escape(string key) => key.Replace("~", "~0").Replace("/", "~1");
}
