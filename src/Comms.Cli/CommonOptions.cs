using System.CommandLine;

namespace Comms.Cli;

/// <summary>Options shared by several commands, so they read and behave the same everywhere.</summary>
public static class CommonOptions
{
    public static Option<string?> Config() => new("--config")
    {
        Description = "The project settings (block names, label prefixes, sections, SIG names). Default: content/comms.yaml if present, else Kubernetes' rules.",
        HelpName = "file",
    };

    public static Option<string?> Maps() => new("--maps")
    {
        Description = "A folder of release-notes maps (*.yaml, Kubernetes schema) to apply to the notes.",
        HelpName = "dir",
    };

    public static Option<bool> Verbose() => new("--verbose")
    {
        Description = "Also print informational diagnostics.",
    };
}
