namespace Clerk.Generated.Generator.Model;

/// <summary>
/// A diagnostic as plain data (no Location or Diagnostic objects, which would defeat incremental caching):
/// the descriptor id, where in the spec file it points (zero-based line and column), and its message arguments.
/// </summary>
internal sealed record DiagnosticInfo(
    string Id,
    string FilePath,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn,
    EquatableArray<string> MessageArguments);
