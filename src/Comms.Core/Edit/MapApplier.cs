using System.Globalization;
using Comms.Core.Changelog;
using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.Core.Extract;
using Comms.Core.Model;

namespace Comms.Core.Edit;

/// <summary>
/// Applies release-notes maps to notes: given fields replace the note's, <c>is_mapped</c> is set, and the
/// Markdown is made again. A map may also give a note to a PR of the release that had none (an empty block
/// fixed by an editor). Maps for PRs outside the release, and maps made against a body that has since
/// changed, are warnings. In strict mode the Markdown keeps Kubernetes' quirk (a single SIG is dropped).
/// </summary>
public sealed class MapApplier(CommsConfig config, DiagnosticBag diagnostics, bool strict = false, IReadOnlyCollection<string>? audiences = null)
{
    public IReadOnlyList<ReleaseNote> Apply(
        IReadOnlyList<ReleaseNote> notes,
        IReadOnlyList<ReleaseNoteMap> maps,
        IReadOnlyList<PullRequest>? pulls = null,
        string? mapsFolder = null)
    {
        var byNumber = new SortedDictionary<int, ReleaseNote>();
        foreach (var note in notes)
        {
            byNumber[note.PrNumber] = note;
        }

        var pullsByNumber = (pulls ?? []).GroupBy(p => p.Number).ToDictionary(g => g.Key, g => g.First());
        var extractor = new NoteExtractor(config, diagnostics);
        foreach (var map in maps)
        {
            pullsByNumber.TryGetValue(map.Pr, out var pull);
            if (!byNumber.TryGetValue(map.Pr, out var note))
            {
                if (pull is not null && map.Text is not null)
                {
                    note = extractor.Build(pull, string.Empty, []);
                }
                else
                {
                    var why = pull is null
                        ? "is not in this release"
                        : "has no note in this release and the map gives no releasenote.text";
                    diagnostics.Warning(Codes.MapPrNotInRelease,
                        $"map for PR #{map.Pr.ToString(CultureInfo.InvariantCulture)} was not applied: the PR {why}",
                        map.File, map.Line, map.Column);
                    continue;
                }
            }

            CheckBody(map, pull);
            if (map.Text is not null && Markdown.MarkdownDepth.TooDeep(map.Text) is { } depth)
            {
                diagnostics.Error(Codes.NoteTooDeep,
                    $"map for PR #{map.Pr.ToString(CultureInfo.InvariantCulture)}: releasenote.text nests Markdown {depth.ToString(CultureInfo.InvariantCulture)} levels deep, past the limit of {Markdown.MarkdownDepth.Limit.ToString(CultureInfo.InvariantCulture)}; flatten it",
                    map.File, map.Line, map.Column);
                continue;
            }

            byNumber[map.Pr] = Apply(note, CheckAudiences(map), mapsFolder);
        }

        return byNumber.Values.ToArray();
    }

    /// <summary>
    /// A map's audience that no rule file defines would send the PR to no brief: a warning with the nearest name, and
    /// the unknown names are left out (when none is left, the audience rules decide as if the map gave none).
    /// </summary>
    private ReleaseNoteMap CheckAudiences(ReleaseNoteMap map)
    {
        if (audiences is null || map.Audiences is null)
        {
            return map;
        }

        var known = map.Audiences.Where(a => audiences.Contains(a, StringComparer.Ordinal)).ToArray();
        foreach (var unknown in map.Audiences.Where(a => !audiences.Contains(a, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal))
        {
            var closest = Yaml.YamlReader.Closest(unknown, audiences);
            var hint = closest is null ? $"the audiences are {string.Join(", ", audiences.Order(StringComparer.Ordinal))}" : $"did you mean \"{closest}\"?";
            var then = known.Length > 0 ? "left out" : "ignored, so the audience rules decide this PR's briefs";
            diagnostics.Warning(Codes.MapUnknownAudience,
                $"PR #{map.Pr.ToString(CultureInfo.InvariantCulture)}: \"{unknown}\" is not an audience ({hint}); it is {then}",
                map.File, map.Line, map.Column);
        }

        return known.Length == map.Audiences.Count ? map : map with { Audiences = known.Length > 0 ? known : null };
    }

    private void CheckBody(ReleaseNoteMap map, PullRequest? pull)
    {
        if (pull?.Body is null || string.IsNullOrWhiteSpace(map.PrBody))
        {
            return;
        }

        if (!string.Equals(Normalize(map.PrBody), Normalize(pull.Body), StringComparison.Ordinal))
        {
            diagnostics.Warning(Codes.MapBodyChanged,
                $"PR #{map.Pr.ToString(CultureInfo.InvariantCulture)} changed after this map was written (its pr_body no longer matches); check the edit still fits",
                map.File, map.Line, map.Column);
        }
    }

    /// <summary>The Comms fields of a map (audiences, stability, highlight) are decisions made by hand: they win.</summary>
    private static NoteComms CommsFields(NoteComms comms, ReleaseNoteMap map, string mapName) => comms with
    {
        Audiences = map.Audiences is null
            ? comms.Audiences
            : map.Audiences.Select(a => new AudienceAssignment(a, "map", $"Chosen by the release team ({mapName}).")).ToArray(),
        Stability = map.Stability is null ? comms.Stability : new StabilityInfo(map.Stability.ToLowerInvariant(), $"map {mapName}"),
        Highlight = map.Highlight switch
        {
            true => new HighlightInfo(100, $"Chosen by the release team ({mapName}).", Manual: true),
            false => new HighlightInfo(-1, $"Kept out of the highlights by the release team ({mapName}).", Manual: true),
            null => comms.Highlight,
        },
    };

    private static string Normalize(string body) => body.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    private ReleaseNote Apply(ReleaseNote note, ReleaseNoteMap map, string? mapsFolder)
    {
        // Names from a map are cleaned as names from labels are (NFC, no controls), so one SIG is one page.
        static IReadOnlyList<string>? Names(IReadOnlyList<string>? names) =>
            names?.Select(DisplayName.Clean).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        var kinds = Names(map.Kinds) ?? note.Kinds;
        var sigs = Names(map.Sigs) ?? note.Sigs;
        var author = map.Author ?? note.Author;
        var data = new SortedDictionary<string, System.Text.Json.JsonElement>(StringComparer.Ordinal);
        foreach (var (key, value) in note.DataFields.Concat(map.DataFields))
        {
            data[key] = value;
        }

        var mapName = mapsFolder is null ? Path.GetFileName(map.File) : Path.GetRelativePath(mapsFolder, map.File).Replace('\\', '/');
        var edited = note with
        {
            Text = map.Text is null ? note.Text : map.Text.Replace("\r", string.Empty, StringComparison.Ordinal).TrimEnd(),
            Author = author,
            AuthorUrl = map.Author is null ? note.AuthorUrl : $"{config.Project.GitHubUrl}/{author}",
            Documentation = map.Documentation ?? note.Documentation,
            Kinds = kinds,
            Sigs = sigs,
            Areas = Names(map.Areas) ?? note.Areas,
            Feature = map.Feature ?? (map.Kinds is null ? note.Feature : kinds.Contains(config.Notes.FeatureKind, StringComparer.Ordinal)),
            Duplicate = sigs.Count > 1,
            DuplicateKind = kinds.Count > 1,
            ActionRequired = map.ActionRequired ?? note.ActionRequired,
            DoNotPublish = map.DoNotPublish ?? note.DoNotPublish,
            ReleaseVersion = map.ReleaseVersion ?? note.ReleaseVersion,
            DataFields = data,
            IsMapped = true,
            Comms = CommsFields(note.Comms with { Maps = [.. note.Comms.Maps, mapName] }, map, mapName),
        };
        return edited with { Markdown = NoteMarkdown.Render(edited, config, strict) };
    }
}
