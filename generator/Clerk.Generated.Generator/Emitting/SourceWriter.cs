using System;
using System.Text;

namespace Clerk.Generated.Generator.Emitting;

/// <summary>
/// An indenting text writer for generated C#: four-space indents, <c>\n</c> line endings, and a check that every
/// block opened is closed (an unbalanced emitter is a bug, caught before the text leaves).
/// </summary>
internal sealed class SourceWriter
{
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
