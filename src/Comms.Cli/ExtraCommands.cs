using System.CommandLine;

namespace Comms.Cli;

/// <summary>Commands registered by the other stages (build, collect, check); one line each.</summary>
public static partial class ExtraCommands
{
    public static IEnumerable<Command> Create(CliContext cli)
    {
        _ = cli;
        return [];
    }
}
