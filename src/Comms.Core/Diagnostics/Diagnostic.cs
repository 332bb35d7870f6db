using System.Globalization;

namespace Comms.Core.Diagnostics;

public enum Severity
{
    Info,
    Warning,
    Error,
}

/// <summary>A message about the input, pointing at the place it concerns.</summary>
public sealed record Diagnostic(Severity Severity, string Code, string Message, string? File = null, int Line = 0, int Column = 0)
{
    /// <summary>Formats as <c>file(line,col): error CODE: message</c>, the form editors and CI logs understand.</summary>
    public override string ToString()
    {
        var level = Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "info",
        };
        var place = File is null
            ? "comms"
            : Line > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{File}({Line},{Math.Max(Column, 1)})")
                : File;
        // PR text, labels and file names can carry terminal escapes or bidi controls: the line shows them as nothing.
        return ConsoleText.Clean(Secrets.Redact($"{place}: {level} {Code}: {Message}"));
    }
}
