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
    public SourceWriter Signature(string header, IReadOnlyList<string> parameters, string end = "")
    {
        var oneLine = header + "(" + string.Join(", ", parameters) + ")" + end;
        if (parameters.Count == 0 || (parameters.Count <= 2 && _indent * 4 + oneLine.Length <= MaxLineLength))
        {
            return Line(oneLine);
        }

        Line(header + "(");
        _indent++;
        for (var i = 0; i < parameters.Count; i++)
        {
            Line(parameters[i] + (i < parameters.Count - 1 ? "," : ")" + end));
        }

        _indent--;
        return this;
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
        if (lines.Length == 1)
        {
            return Line("/// " + open + Parsing.Naming.XmlEscape(lines[0].Trim()) + "</" + element + ">");
        }

        Line("/// " + open);
        foreach (var line in lines)
        {
            Line(("/// " + Parsing.Naming.XmlEscape(line.TrimEnd())).TrimEnd());
        }

        return Line("/// </" + element + ">");
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
