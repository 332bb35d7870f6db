namespace Comms.Core.Diagnostics;

/// <summary>Collects diagnostics from every stage; the CLI decides the exit code from them.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<Diagnostic> Items
    {
        get
        {
            lock (_gate)
            {
                return _items.ToArray();
            }
        }
    }

    private int _errors;

    /// <summary>Whether any error was added (a count, not a copy of every item: it is asked after each step and page).</summary>
    public bool HasErrors => Volatile.Read(ref _errors) > 0;

    /// <summary>How many errors were added so far (a reader compares it before and after its work).</summary>
    public int ErrorCount => Volatile.Read(ref _errors);

    public void Add(Diagnostic diagnostic)
    {
        lock (_gate)
        {
            _items.Add(diagnostic);
            if (diagnostic.Severity == Severity.Error)
            {
                _errors++;
            }
        }
    }

    public void Error(string code, string message, string? file = null, int line = 0, int column = 0) =>
        Add(new Diagnostic(Severity.Error, code, message, file, line, column));

    public void Warning(string code, string message, string? file = null, int line = 0, int column = 0) =>
        Add(new Diagnostic(Severity.Warning, code, message, file, line, column));

    public void Info(string code, string message, string? file = null, int line = 0, int column = 0) =>
        Add(new Diagnostic(Severity.Info, code, message, file, line, column));

    /// <summary>Diagnostics in a stable order: by file (numbers in names compared as numbers), line, column, code, message.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        Items.OrderBy(d => d.File ?? string.Empty, NaturalOrder.Instance)
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToArray();
}
