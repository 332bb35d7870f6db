using Comms.Core.Diagnostics;
using Comms.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Comms.Core.Enhancements;

/// <summary>One entry of <c>release-notes/&lt;v&gt;/enhancements.yaml</c>: fields it sets (null: keep what earlier sources said).</summary>
public sealed record EnhancementEdit
{
    public required string Id { get; init; }
    public bool Drop { get; init; }
    public string? Title { get; init; }
    public string? Stage { get; init; }
    public string? PreviousStage { get; init; }
    public string? OwningSig { get; init; }
    public IReadOnlyList<string>? ParticipatingSigs { get; init; }
    public IReadOnlyList<string>? FeatureGates { get; init; }
    public string? Summary { get; init; }
    public string? Blurb { get; init; }

    /// <summary>The story it belongs to: enhancements of one story are spotlighted as one.</summary>
    public string? Story { get; init; }
    public string? TrackingUrl { get; init; }
    public string? ProposalUrl { get; init; }
    public IReadOnlyList<int>? Prs { get; init; }

    /// <summary>False when the release team has not confirmed it yet (a file written by <c>comms enhancements --write</c>); an entry confirms by default.</summary>
    public bool Confirmed { get; init; } = true;

    public int Line { get; init; }
    public int Column { get; init; }
}

/// <summary>
/// Reads the release team's list of enhancements and corrections: add one, drop one, change its stage, give it
/// a title or a blurb. Every problem is located like a map's.
/// </summary>
public static class EnhancementFileReader
{
    public const string FileName = "enhancements.yaml";

    private static readonly string[] Fields =
        ["id", "drop", "confirmed", "title", "stage", "previous_stage", "sig", "sigs", "feature_gates", "summary", "blurb", "story", "tracking", "proposal", "prs"];

    public static IReadOnlyList<EnhancementEdit>? ReadFile(string path, DiagnosticBag diagnostics)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(EnhancementCodes.FileInvalid, $"cannot read {FileName}: {e.Message}", path);
            return null;
        }

        return Read(text, path, diagnostics);
    }

    public static IReadOnlyList<EnhancementEdit>? Read(string text, string file, DiagnosticBag diagnostics)
    {
        var errors = diagnostics.Items.Count(d => d.Severity == Severity.Error);
        var documents = YamlFile.Load(text, file, diagnostics);
        if (documents is null)
        {
            return null;
        }

        if (documents.Count == 0)
        {
            return [];
        }

        var reader = new YamlReader(file, diagnostics);
        var top = reader.Mapping(documents[0].RootNode, FileName, ["enhancements"]);
        if (top is null || !top.TryGetValue("enhancements", out var list))
        {
            return top is null ? null : [];
        }

        if (list is YamlScalarNode { Value: null or "" })
        {
            return [];
        }

        if (list is not YamlSequenceNode sequence)
        {
            reader.Error(EnhancementCodes.FileInvalid, "\"enhancements\" must be a list of entries, each with an \"id\"", list);
            return null;
        }

        var edits = new List<EnhancementEdit>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in sequence.Children)
        {
            if (Entry(node, reader) is { } edit)
            {
                if (!seen.Add(edit.Id))
                {
                    reader.Error(EnhancementCodes.FileInvalid, $"enhancement {edit.Id} is listed twice; keep one entry", node);
                    continue;
                }

                edits.Add(edit);
            }
        }

        return diagnostics.Items.Count(d => d.Severity == Severity.Error) > errors ? null : edits;
    }

    private static EnhancementEdit? Entry(YamlNode node, YamlReader reader)
    {
        var fields = reader.Mapping(node, "an enhancement", Fields);
        if (fields is null)
        {
            return null;
        }

        string? Str(string name) => fields.TryGetValue(name, out var v) ? reader.String(v, name)?.Trim() : null;
        IReadOnlyList<string>? List(string name) => fields.TryGetValue(name, out var v) ? reader.Strings(v, name) : null;
        var id = Str("id");
        if (string.IsNullOrWhiteSpace(id))
        {
            reader.Error(EnhancementCodes.FileInvalid, "an enhancement needs \"id\" (the KEP number, or a short name)", node);
            return null;
        }

        foreach (var stageField in new[] { "stage", "previous_stage" })
        {
            if (Str(stageField) is { } stage && !Stages.IsKnown(stage))
            {
                reader.Error(EnhancementCodes.FileInvalid, $"\"{stageField}\" must be one of {string.Join(", ", Stages.All)}, not \"{stage}\"", fields[stageField]);
                return null;
            }
        }

        var prs = default(List<int>);
        if (fields.TryGetValue("prs", out var prNode))
        {
            prs = [];
            if (prNode is YamlSequenceNode prList)
            {
                foreach (var item in prList.Children)
                {
                    if (reader.Int(item, "prs") is { } pr)
                    {
                        prs.Add(pr);
                    }
                }
            }
            else
            {
                reader.Error(EnhancementCodes.FileInvalid, "\"prs\" must be a list of PR numbers, e.g. [123, 456]", prNode);
            }
        }

        var drop = fields.TryGetValue("drop", out var d) && reader.Bool(d, "drop") == true;
        var confirmed = !fields.TryGetValue("confirmed", out var c) || reader.Bool(c, "confirmed") != false;
        return new EnhancementEdit
        {
            Id = id,
            Drop = drop,
            Confirmed = confirmed,
            Title = Str("title"),
            Stage = Str("stage"),
            PreviousStage = Str("previous_stage"),
            OwningSig = KepReader.SigKey(Str("sig")),
            ParticipatingSigs = List("sigs")?.Select(KepReader.SigKey).OfType<string>().ToArray(),
            FeatureGates = List("feature_gates"),
            Summary = Str("summary"),
            Blurb = Str("blurb"),
            Story = Str("story"),
            TrackingUrl = Str("tracking"),
            ProposalUrl = Str("proposal"),
            Prs = prs,
            Line = (int)node.Start.Line,
            Column = (int)node.Start.Column,
        };
    }

    /// <summary>
    /// Applies the edits to what earlier sources found: a known id is changed field by field (or dropped), an
    /// unknown one is added (it then needs a title and a stage).
    /// </summary>
    public static IReadOnlyList<Enhancement> Apply(IReadOnlyList<Enhancement> found, IReadOnlyList<EnhancementEdit> edits, string file, DiagnosticBag diagnostics) =>
        Apply(new EnhancementSet(found, []), edits, file, diagnostics).Enhancements;

    /// <summary>
    /// The same over a set: the release team's list is the last word, so an entry confirms its enhancement (unless
    /// <c>confirmed: false</c>), brings back one a source left out (a KEP still marked provisional), and a drop
    /// moves it to the excluded ones with that reason.
    /// </summary>
    public static EnhancementSet Apply(EnhancementSet set, IReadOnlyList<EnhancementEdit> edits, string file, DiagnosticBag diagnostics)
    {
        var byId = set.Enhancements.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var excluded = set.Excluded.ToDictionary(e => e.Id, StringComparer.Ordinal);
        foreach (var edit in edits)
        {
            if (edit.Drop)
            {
                if (byId.Remove(edit.Id, out var dropped))
                {
                    excluded[edit.Id] = new ExcludedEnhancement(edit.Id, dropped.Title, dropped.Stage, "dropped by the release team (drop: true in enhancements.yaml)", FileName, dropped);
                }
                else if (!excluded.ContainsKey(edit.Id))
                {
                    diagnostics.Warning(EnhancementCodes.FileInvalid, $"drop: enhancement {edit.Id} is not in the release anyway", file, edit.Line, edit.Column);
                }

                continue;
            }

            var confirmedBy = edit.Confirmed ? FileName : null;
            if (!byId.ContainsKey(edit.Id) && excluded.TryGetValue(edit.Id, out var left) && (edit.Stage ?? left.Stage) is { } stage)
            {
                // A source left it out (its KEP still says provisional, the board says deferred), but the release team lists it.
                excluded.Remove(edit.Id);
                diagnostics.Warning(EnhancementCodes.FileInvalid,
                    $"enhancement {edit.Id} was left out ({left.Reason}) but enhancements.yaml lists it; it is counted at {stage}", file, edit.Line, edit.Column);
                byId[edit.Id] = (left.Data ?? new Enhancement { Id = edit.Id, Title = left.Title, Stage = stage, Source = left.Source }) with { Stage = stage };
            }

            if (byId.TryGetValue(edit.Id, out var known))
            {
                byId[edit.Id] = known with
                {
                    Title = edit.Title ?? known.Title,
                    Stage = edit.Stage ?? known.Stage,
                    PreviousStage = edit.PreviousStage ?? known.PreviousStage,
                    OwningSig = edit.OwningSig ?? known.OwningSig,
                    ParticipatingSigs = edit.ParticipatingSigs ?? known.ParticipatingSigs,
                    FeatureGates = edit.FeatureGates ?? known.FeatureGates,
                    Summary = edit.Summary ?? known.Summary,
                    Blurb = edit.Blurb ?? known.Blurb,
                    Story = edit.Story ?? known.Story,
                    TrackingUrl = edit.TrackingUrl ?? known.TrackingUrl,
                    ProposalUrl = edit.ProposalUrl ?? known.ProposalUrl,
                    Prs = edit.Prs ?? known.Prs,
                    Source = FileName,
                    ConfirmedBy = confirmedBy ?? known.ConfirmedBy,
                };
                continue;
            }

            if (edit.Title is null || edit.Stage is null)
            {
                diagnostics.Error(EnhancementCodes.FileInvalid,
                    $"enhancement {edit.Id} is new to this release, so it needs \"title\" and \"stage\"", file, edit.Line, edit.Column);
                continue;
            }

            byId[edit.Id] = new Enhancement
            {
                Id = edit.Id,
                Title = edit.Title,
                Stage = edit.Stage,
                PreviousStage = edit.PreviousStage,
                OwningSig = edit.OwningSig,
                ParticipatingSigs = edit.ParticipatingSigs ?? [],
                FeatureGates = edit.FeatureGates ?? [],
                Summary = edit.Summary,
                Blurb = edit.Blurb,
                Story = edit.Story,
                TrackingUrl = edit.TrackingUrl,
                ProposalUrl = edit.ProposalUrl,
                Prs = edit.Prs ?? [],
                Source = FileName,
                ConfirmedBy = confirmedBy,
            };
        }

        return new EnhancementSet(
            byId.Values.OrderBy(e => e.Id, IdOrder.Instance).ToArray(),
            excluded.Values.OrderBy(e => e.Id, IdOrder.Instance).ToArray());
    }
}
