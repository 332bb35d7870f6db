namespace Comms.Cli.Serve;

/// <summary>The outcome of the latest build: its number, whether it succeeded, its error lines and how long it took.</summary>
public sealed record BuildState(int Number, bool Ok, IReadOnlyList<string> Diagnostics, long Milliseconds, IReadOnlyList<string> Versions)
{
    /// <summary>The build's warning lines, listed beside the errors.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
