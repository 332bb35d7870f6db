namespace Comms.Cli.Tests;

/// <summary>
/// The collection of tests that move the process's working folder (<see cref="Outputs.OutputState.InRepo{T}"/>, <c>InPlace</c>) run in this
/// collection, alone: while one of them has the working folder on the repository, an in-process command of another
/// test would read the repository's content/ (its settings, audiences, sample) instead of none, and pass or fail by
/// timing. With parallelization off for the collection, no other test runs while they do.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WorkingFolder
{
    public const string Name = "working folder";
}
