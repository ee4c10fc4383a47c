using System;
using System.Collections.Generic;
using System.Text;

namespace Clerk.Generated.Generator.Emitting;

/// <summary>
/// An indenting text writer for generated C#: four-space indents, <c>\n</c> line endings, and a check that every
/// block opened is closed (an unbalanced emitter is a bug, caught before the text leaves).
/// </summary>
internal sealed class SourceWriter
{
    /// <summary>
    /// The longest line a signature is written on before its parameters are wrapped. Lines can still be longer where
    /// one parameter or expression is long by itself (a deeply generic type).
    /// </summary>
    public const int MaxLineLength = 160;

    private readonly StringBuilder _builder = new();
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
            _builder.Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>
    /// Writes a multi-line template (a raw string literal in the emitter) at the current indentation: each line keeps
    /// its own relative indentation, blank lines stay blank.
    /// </summary>
    public SourceWriter Lines(string template)
    {
        foreach (var line in template.Replace("\r\n", "\n").Split('\n'))
        {
            Line(line.TrimEnd());
        }

        return this;
    }

    public SourceWriter OpenBlock(string? header = null)
    {
        if (header is not null)
        {
            Line(header);
        }

        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter CloseBlock(string suffix = "")
    {
        _indent--;
        if (_indent < 0)
        {
            throw new InvalidOperationException("A block was closed that was never opened.");
        }

        return Line("}" + suffix);
    }

    /// <summary>
    /// Writes a member signature ending in <paramref name="end"/> (<c>;</c> for declarations, empty before a body).
    /// Up to two parameters stay on the header's line while it fits in <see cref="MaxLineLength"/>; longer lists go
    /// one per line, as a person would write them.
    /// </summary>
    public SourceWriter Signature(string header, IReadOnlyList<string> parameters, string end = "") =>
        List(header, parameters, end, parameters.Count <= 2);

    /// <summary>
    /// Writes a call or constructor expression <c>head(arguments)end</c>: on one line while it fits in
    /// <see cref="MaxLineLength"/>, otherwise one argument per line.
    /// </summary>
    public SourceWriter Call(string head, IReadOnlyList<string> arguments, string end = "") =>
        List(head, arguments, end, fitsOnOneLine: true);

    /// <summary>
    /// Writes a statement that ends in a call (<c>x = F(a, b);</c>, <c>return F(a, b);</c>): on one line while it
    /// fits, otherwise the outermost call's arguments one per line. Only for statements built from calls, whose
    /// <c>&lt;</c> and <c>&gt;</c> are generic brackets.
    /// </summary>
    public SourceWriter CallStatement(string statement)
    {
        if (_indent * 4 + statement.Length <= MaxLineLength || !TrySplitCall(statement, out var head, out var arguments, out var end))
        {
            return Line(statement);
        }

        return Call(head, arguments, end);
    }

    private static bool TrySplitCall(string statement, out string head, out List<string> arguments, out string end)
    {
        head = end = string.Empty;
        arguments = new List<string>();
        var close = statement.LastIndexOf(')');
        var depth = 0;
        var open = -1;
        var start = 0;
        for (var i = 0; i <= close; i++)
        {
            var c = statement[i];
            if (c == '"')
            {
                do
                {
                    i = statement.IndexOf('"', i + 1);
                }
                while (i > 0 && statement[i - 1] == '\\');

                if (i < 0)
                {
                    return false;
                }

                continue;
            }

            if (c is '(' or '<' or '[' or '{')
            {
                if (c == '(' && depth == 0 && open < 0 && statement.IndexOf(" => ", 0, i, StringComparison.Ordinal) < 0)
                {
                    open = i;
                    start = i + 1;
                }

                depth++;
            }
            else if (c is ')' or '>' or ']' or '}')
            {
                if (c == '>' && i > 0 && statement[i - 1] == '=')
                {
                    continue;
                }

                depth--;
                if (depth == 0 && open >= 0 && i != close)
                {
                    // The outermost call closes before the end: not a single call with trailing text.
                    return false;
                }
            }
            else if (c == ',' && depth == 1 && open >= 0)
            {
                arguments.Add(statement.Substring(start, i - start).Trim());
                start = i + 1;
            }
        }

        if (open < 0 || depth != 0)
        {
            return false;
        }

        arguments.Add(statement.Substring(start, close - start).Trim());
        head = statement.Substring(0, open);
        end = statement.Substring(close + 1);
        if (arguments.Count == 1 && TrySplitCall(arguments[0], out var innerHead, out var innerArguments, out var innerEnd))
        {
            // F(G(a, b)): wrap G's arguments.
            head = head + "(" + innerHead;
            end = innerEnd + ")" + end;
            arguments = innerArguments;
        }

        return arguments.Count > 1;
    }

    /// <summary>An expression-bodied member: on one line while it fits, otherwise the body on the next line.</summary>
    public SourceWriter Member(string declaration, string body)
    {
        var oneLine = declaration + " => " + body + ";";
        if (_indent * 4 + oneLine.Length <= MaxLineLength)
        {
            return Line(oneLine);
        }

        Line(declaration);
        _indent++;
        Line("=> " + body + ";");
        _indent--;
        return this;
    }

    private SourceWriter List(string head, IReadOnlyList<string> items, string end, bool fitsOnOneLine)
    {
        var oneLine = head + "(" + string.Join(", ", items) + ")" + end;
        if (items.Count == 0 || (fitsOnOneLine && _indent * 4 + oneLine.Length <= MaxLineLength))
        {
            return Line(oneLine);
        }

        Line(head + "(");
        _indent++;
        for (var i = 0; i < items.Count; i++)
        {
            Line(items[i] + (i < items.Count - 1 ? "," : ")" + end));
        }

        _indent--;
        return this;
    }

    /// <summary>Writes <c>{head}</c> and an initializer block holding <paramref name="items"/>, one per line.</summary>
    public SourceWriter Initializer(string head, IEnumerable<string> items)
    {
        Line(head);
        OpenBlock();
        foreach (var item in items)
        {
            Line(item + ",");
        }

        return CloseBlock(";");
    }

    public SourceWriter Indent()
    {
        _indent++;
        return this;
    }

    public SourceWriter Outdent()
    {
        _indent--;
        return this;
    }

    /// <summary>Writes an XML doc element, one <c>///</c> line per line of text, escaped.</summary>
    public SourceWriter Doc(string element, string? text, string? attributes = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return this;
        }

        var open = attributes is null ? "<" + element + ">" : "<" + element + " " + attributes + ">";
        var lines = text!.Replace("\r\n", "\n").Trim().Split('\n');
        if (lines.Length == 1 && _indent * 4 + open.Length * 2 + lines[0].Length <= DocWidth)
        {
            return Line("/// " + open + Parsing.Naming.XmlEscape(lines[0].Trim()) + "</" + element + ">");
        }

        Line("/// " + open);
        foreach (var line in lines)
        {
            foreach (var part in WrapWords(Parsing.Naming.XmlEscape(line.TrimEnd()), DocWidth - _indent * 4))
            {
                Line(("/// " + part).TrimEnd());
            }
        }

        return Line("/// </" + element + ">");
    }

    /// <summary>The width doc comments from the spec are wrapped to, at spaces (a long URL stays whole).</summary>
    private const int DocWidth = 120;

    private static IEnumerable<string> WrapWords(string text, int width)
    {
        width = Math.Max(width, 40);
        while (text.Length > width)
        {
            var cut = text.LastIndexOf(' ', width);
            if (cut <= 0)
            {
                cut = text.IndexOf(' ', width);
                if (cut < 0)
                {
                    break;
                }
            }

            yield return text.Substring(0, cut);
            text = text.Substring(cut + 1);
        }

        yield return text;
    }

    public override string ToString()
    {
        if (_indent != 0)
        {
            throw new InvalidOperationException("Generated source left " + _indent + " block(s) open.");
        }

        return _builder.ToString();
    }
}
