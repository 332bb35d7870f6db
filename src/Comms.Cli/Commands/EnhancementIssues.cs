using System.CommandLine;
using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.Core.Enhancements;
using Comms.GitHub.Enhancements;

namespace Comms.Cli.Commands;

/// <summary><c>comms build --enhancements github</c>: the tracked enhancement issues of a release, with the build's GitHub options.</summary>
internal static class EnhancementIssues
{
    public static IReadOnlyList<Enhancement>? Fetch(GitHubOptions github, ParseResult parse, string? configPath, string version, DiagnosticBag diagnostics)
    {
        var request = github.ToRequest(parse, diagnostics);
        if (request is null)
        {
            return null;
        }

        var config = ConfigLoader.Load(configPath, new DiagnosticBag()) ?? CommsConfig.Kubernetes;
        return TrackedEnhancements.FetchAsync(request, version, config.Enhancements, diagnostics).GetAwaiter().GetResult();
    }
}
