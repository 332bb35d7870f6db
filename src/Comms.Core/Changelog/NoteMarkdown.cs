using Comms.Core.Config;
using Comms.Core.Extract;
using Comms.Core.Model;

namespace Comms.Core.Changelog;

/// <summary>The Markdown line of one note: text, PR and author links, then the SIGs.</summary>
public static class NoteMarkdown
{
    /// <param name="strict">Reproduce the Kubernetes quirk: a mapped note with a single SIG loses its SIG suffix.</param>
    public static string Render(ReleaseNote note, CommsConfig config, bool strict = false)
    {
        var text = NoteText.Capitalize(note.Text).Replace("\n", "\n  ", StringComparison.Ordinal);
        var markdown = $"{text} ([#{note.PrNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)}]({note.PrUrl}), [@{note.Author}]({note.AuthorUrl}))";
        var dropSigs = strict && note.IsMapped && note.Sigs.Count == 1;
        if (note.Sigs.Count > 0 && !dropSigs)
        {
            markdown += $" [{SigNames.ChangelogLabel(note.Sigs, config)}]";
        }

        return markdown;
    }
}
