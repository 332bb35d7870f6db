using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.Core.Enhancements;

namespace Comms.Cli.Build;

/// <summary>
/// A release's enhancements from every source given, merged in order, each later one overriding: a folder of
/// KEPs (<c>--enhancements &lt;dir&gt;</c> or <c>enhancements.keps</c> in comms.yaml), the tracked issues of the
/// enhancements repository on GitHub (<c>--enhancements github</c>), then the release team's
/// <c>release-notes/&lt;v&gt;/enhancements.yaml</c>. Null when no source exists: the drafts then count changes.
/// </summary>
public static class EnhancementSources
{
    /// <summary>The value of <c>--enhancements</c> that reads the tracked issues from GitHub.</summary>
    public const string GitHub = "github";

    public static IReadOnlyList<Enhancement>? Load(
        ReleaseInput input,
        CommsConfig config,
        string? option,
        Func<string, DiagnosticBag, IReadOnlyList<Enhancement>?>? fromGitHub,
        DiagnosticBag diagnostics)
    {
        IReadOnlyList<Enhancement>? found = null;
        var keps = option is not null && !string.Equals(option, GitHub, StringComparison.Ordinal) ? option : config.Enhancements.Keps;
        if (keps is not null)
        {
            found = KepReader.Read(keps, input.Version, diagnostics, config.Enhancements.Url);
        }

        if (string.Equals(option, GitHub, StringComparison.Ordinal) && fromGitHub?.Invoke(input.Version, diagnostics) is { } tracked)
        {
            var byId = (found ?? []).ToDictionary(e => e.Id, StringComparer.Ordinal);
            foreach (var enhancement in tracked)
            {
                // The tracking board says which enhancements made the release and at what stage; the KEP says the rest.
                byId[enhancement.Id] = byId.TryGetValue(enhancement.Id, out var kep)
                    ? kep with { Stage = enhancement.Stage, Title = kep.Title, TrackingUrl = enhancement.TrackingUrl ?? kep.TrackingUrl, Source = enhancement.Source }
                    : enhancement;
            }

            if (found is not null)
            {
                // With a tracking board, KEPs whose milestone names the release but that the board does not track slipped.
                var trackedIds = tracked.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
                foreach (var slipped in found.Where(e => !trackedIds.Contains(e.Id)))
                {
                    byId.Remove(slipped.Id);
                }
            }

            found = byId.Values.OrderBy(e => e.Id, IdOrder.Instance).ToArray();
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(input.ReleaseFile ?? Path.Combine(input.DraftsFolder, "release.yaml")))!;
        var file = Path.Combine(folder, EnhancementFileReader.FileName);
        if (File.Exists(file) && EnhancementFileReader.ReadFile(file, diagnostics) is { } edits)
        {
            found = EnhancementFileReader.Apply(found ?? [], edits, file, diagnostics);
        }

        return found;
    }
}
