using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.Core.Edit;
using Comms.Core.Extract;
using Comms.Core.Model;
using Comms.Core.Sources;

namespace Comms.Core.Pipeline;

/// <summary>Collect from files, extract, edit: the notes stages in order.</summary>
public sealed class NotesPipeline(CommsConfig config, DiagnosticBag diagnostics)
{
    /// <param name="strict">Mapped notes keep Kubernetes' Markdown quirk (a single SIG is dropped), for byte-compatible JSON.</param>
    /// <param name="audiences">The audiences the rules define, to check the maps' audiences against (null: not checked).</param>
    /// <param name="keepBodies">
    /// False: the run's pull requests keep no body once the notes are extracted and the maps checked against them (a
    /// build holds them to its end: at 100,000 PRs the bodies are over 100 MB); read the source again for them.
    /// </param>
    public NotesRun Run(string pullsPath, string? mapsFolder, bool strict = false, IReadOnlyCollection<string>? audiences = null, bool keepBodies = true)
    {
        var input = PullFileReader.Read(pullsPath, diagnostics, config.Limits);
        Timings.Mark("read pulls");
        var extracted = new NoteExtractor(config, diagnostics).ExtractAll(input.Pulls);
        Timings.Mark("extract");
        var notes = Merge(extracted.Where(e => e.Note is not null).Select(e => e.Note!), input.Notes);
        if (mapsFolder is not null)
        {
            notes = Edit(notes, input.Pulls, mapsFolder, strict, audiences);
        }

        if (keepBodies)
        {
            return new NotesRun(notes, input.Pulls, extracted);
        }

        var slim = new Dictionary<PullRequest, PullRequest>(ReferenceEqualityComparer.Instance);
        PullRequest Slim(PullRequest pull)
        {
            if (pull.Body is null)
            {
                return pull;
            }

            if (!slim.TryGetValue(pull, out var without))
            {
                slim[pull] = without = pull with { Body = null };
            }

            return without;
        }

        var pulls = input.Pulls.Select(Slim).ToArray();
        return new NotesRun(notes, pulls, extracted.Select(e => e with { Pull = Slim(e.Pull) }).ToArray());
    }

    /// <summary>Applies the maps in <paramref name="mapsFolder"/> to notes read from any source.</summary>
    public IReadOnlyList<ReleaseNote> Edit(IReadOnlyList<ReleaseNote> notes, IReadOnlyList<PullRequest> pulls, string mapsFolder, bool strict = false,
        IReadOnlyCollection<string>? audiences = null)
    {
        var maps = MapReader.ReadFolder(mapsFolder, diagnostics, config.Limits);
        return new MapApplier(config, diagnostics, strict, audiences).Apply(notes, maps, pulls, mapsFolder);
    }

    private IReadOnlyList<ReleaseNote> Merge(IEnumerable<ReleaseNote> fromPulls, IReadOnlyList<ReleaseNote> fromNotes)
    {
        var byNumber = new SortedDictionary<int, ReleaseNote>();
        foreach (var note in fromNotes)
        {
            byNumber[note.PrNumber] = note;
        }

        foreach (var note in fromPulls)
        {
            if (byNumber.ContainsKey(note.PrNumber))
            {
                diagnostics.Warning(Codes.DuplicatePull, $"PR #{note.PrNumber} is both in the notes JSON and among the pulls; the note extracted from the pull is used");
            }

            byNumber[note.PrNumber] = note;
        }

        return byNumber.Values.ToArray();
    }
}
