using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using SharpYaml;
using SharpYaml.Events;

namespace Clerk.Generated.Generator.Parsing;

/// <summary>
/// Finds where a JSON pointer (<c>#/paths/~1users/get</c>) sits in the spec text, so diagnostics point at the
/// spec line instead of nowhere, and which operations write a <c>security</c> key of their own. Works for YAML and
/// JSON alike (JSON is YAML). Only used when there is something to report, or when an operation's empty security must
/// be told from an absent one: otherwise a spec never pays for this second pass.
/// </summary>
internal sealed class SpecPositionLocator
{
    private readonly string _text;
    private Dictionary<string, (int Line, int Column)>? _positions;
    private List<(string Reference, int Line, int Column)>? _references;

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

        var positions = _positions ??= Index(_references = new List<(string, int, int)>());
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

    /// <summary>Every <c>$ref</c> of the document: its value and where its key sits (zero-based).</summary>
    public IReadOnlyList<(string Reference, int Line, int Column)> References()
    {
        if (_references is null)
        {
            _references = new List<(string, int, int)>();
            _positions = Index(_references);
        }

        return _references;
    }

    /// <summary>Where the text stops being YAML (or JSON), zero-based, as the YAML parser reports it; null when it parses.</summary>
    public (int Line, int Column)? SyntaxErrorPosition()
    {
        try
        {
            var parser = Parser.CreateParser(new StringReader(_text));
            while (parser.MoveNext())
            {
            }

            return null;
        }
        catch (YamlException exception)
        {
            return (exception.Start.Line, exception.Start.Column);
        }
    }

    /// <summary>
    /// The operations that write a <c>security</c> key of their own, as <c>"get /users"</c> (method in lower case, path
    /// as written): the reader gives <c>security: []</c> and no <c>security</c> alike as an empty list.
    /// </summary>
    public HashSet<string> OperationsDeclaringSecurity()
    {
        var operations = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            var parser = Parser.CreateParser(new StringReader(_text));
            while (parser.MoveNext() && parser.Current is not MappingStart and not SequenceStart)
            {
            }

            if (parser.Current is not MappingStart)
            {
                return operations;
            }

            ForEachEntry(parser, rootKey =>
            {
                if (rootKey != "paths" || parser.Current is not MappingStart)
                {
                    SkipNode(parser);
                    return;
                }

                ForEachEntry(parser, path =>
                {
                    if (parser.Current is not MappingStart)
                    {
                        SkipNode(parser);
                        return;
                    }

                    ForEachEntry(parser, method =>
                    {
                        if (parser.Current is not MappingStart)
                        {
                            SkipNode(parser);
                            return;
                        }

                        ForEachEntry(parser, key =>
                        {
                            if (key == "security")
                            {
                                operations.Add(method.ToLowerInvariant() + " " + path);
                            }

                            SkipNode(parser);
                        });
                    });
                });
            });
        }
        catch (Exception)
        {
            // A document too broken to walk: the reader has reported it; what was found so far stands.
        }

        return operations;
    }

    // Called with parser.Current at a MappingStart; calls visit with each key and parser.Current at its value, which
    // visit must consume (leaving parser.Current at the value's last event); returns at the MappingEnd.
    private static void ForEachEntry(IParser parser, Action<string> visit)
    {
        while (parser.MoveNext() && parser.Current is not MappingEnd)
        {
            var key = (parser.Current as Scalar)?.Value;
            if (key is null)
            {
                SkipNode(parser);
                parser.MoveNext();
                SkipNode(parser);
                continue;
            }

            parser.MoveNext();
            visit(key);
        }
    }

    private static string Normalize(string pointer)
    {
        var path = pointer.StartsWith("#", StringComparison.Ordinal) ? pointer.Substring(1) : pointer;
        return path.TrimEnd('/');
    }

    private Dictionary<string, (int Line, int Column)> Index(List<(string, int, int)> references)
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
                Walk(parser, string.Empty, positions, references);
            }
        }
        catch (Exception)
        {
            // A document too broken to walk: what was indexed so far still helps.
        }

        return positions;
    }

    // Called with parser.Current at a MappingStart or SequenceStart; returns with parser.Current at its end event.
    private static void Walk(IParser parser, string path, Dictionary<string, (int, int)> positions, List<(string, int, int)> references)
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
                if (key?.Value == "$ref" && parser.Current is Scalar reference)
                {
                    references.Add((reference.Value, key.Start.Line, key.Start.Column));
                }

                VisitValue(parser, childPath, positions, references);
            }
        }
        else
        {
            var index = 0;
            while (parser.MoveNext() && parser.Current is not SequenceEnd)
            {
                var childPath = path + "/" + index.ToString(CultureInfo.InvariantCulture);
                positions[childPath] = (parser.Current!.Start.Line, parser.Current.Start.Column);
                VisitValue(parser, childPath, positions, references);
                index++;
            }
        }
    }

    private static void VisitValue(IParser parser, string path, Dictionary<string, (int, int)> positions, List<(string, int, int)> references)
    {
        if (parser.Current is MappingStart or SequenceStart)
        {
            Walk(parser, path, positions, references);
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

    /// <summary>A key as one JSON pointer token (RFC 6901): <c>~</c> as <c>~0</c>, then <c>/</c> as <c>~1</c>.</summary>
    public static string Escape(string key) => key.Replace("~", "~0").Replace("/", "~1");
}
