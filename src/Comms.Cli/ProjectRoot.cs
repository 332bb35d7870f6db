using Comms.Core.Config;

namespace Comms.Cli;

/// <summary>
/// The project a command runs in, found from any folder: the nearest folder at or above the current one holding
/// <c>content/comms.yaml</c>, else the git root. A command that reads the project runs from there (path arguments
/// keep meaning what they meant where they were typed); outside a project one line says the defaults are used.
/// </summary>
public static class ProjectRoot
{
    /// <summary>Commands that read the project's settings and folders.</summary>
    private static readonly HashSet<string> ProjectCommands = new(StringComparer.Ordinal) { "build", "serve", "site", "enhancements", "check", "notes", "changelog" };

    /// <summary>Options whose value is a path (made absolute before the current folder changes).</summary>
    private static readonly HashSet<string> PathOptions = new(StringComparer.Ordinal)
    {
        "--pulls", "--out", "--maps", "--release", "--theme", "--config", "--enhancements", "--git", "--notes", "--notes-root", "--markdown", "--body-file", "--dependencies",
    };

    /// <summary>The folder holding <c>content/comms.yaml</c> at or above <paramref name="start"/>, else the git root above it; null outside both.</summary>
    public static string? Find(string start, out bool hasConfig)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, ConfigLoader.DefaultPath)))
            {
                hasConfig = true;
                return dir.FullName;
            }

            if (Path.Exists(Path.Combine(dir.FullName, ".git")))
            {
                // A project never reaches beyond its repository.
                hasConfig = false;
                return dir.FullName;
            }
        }

        hasConfig = false;
        return null;
    }

    /// <summary>
    /// For a project command run below its project's root: changes to the root, returning the arguments with relative
    /// paths made absolute; prints where the project is, or that the defaults are used. Other commands are left alone.
    /// </summary>
    public static string[] Enter(string[] args, TextWriter stderr)
    {
        var command = args.FirstOrDefault(a => !a.StartsWith('-'));
        if (command is null || !ProjectCommands.Contains(command) || args.Contains("--help") || args.Contains("-h") || args.Contains("--config"))
        {
            return args;
        }

        var here = Directory.GetCurrentDirectory();
        var own = Directory.Exists(Path.Combine(here, "release-notes")) || Directory.Exists(Path.Combine(here, "content"));
        var root = own ? here : Find(here, out _);
        var hasConfig = root is not null && File.Exists(Path.Combine(root, ConfigLoader.DefaultPath));
        if (!hasConfig)
        {
            if (command is "build" or "serve" or "check" or "site")
            {
                stderr.WriteLine("comms: no content/comms.yaml here or in a folder above: using the built-in settings (Kubernetes conventions); `comms init` starts a project");
            }

            if (root is null || string.Equals(root, here, StringComparison.Ordinal) || !Directory.Exists(Path.Combine(root, "release-notes")))
            {
                return args;
            }
        }

        if (root is null || string.Equals(Path.TrimEndingDirectorySeparator(root), Path.TrimEndingDirectorySeparator(here), StringComparison.Ordinal))
        {
            return args;
        }

        var result = new string[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && PathOptions.Contains(arg[..eq]))
            {
                result[i] = arg[..(eq + 1)] + Absolute(arg[(eq + 1)..], here);
            }
            else if (i > 0 && PathOptions.Contains(args[i - 1]) && !arg.StartsWith("--", StringComparison.Ordinal))
            {
                result[i] = Absolute(arg, here);
            }
            else
            {
                result[i] = arg;
            }
        }

        stderr.WriteLine($"comms: using the project at {root}");
        Directory.SetCurrentDirectory(root);
        return result;
    }

    private static string Absolute(string value, string here) =>
        value is CliContext.StdoutPath or "github" || Path.IsPathRooted(value) ? value : Path.GetFullPath(Path.Combine(here, value));
}
