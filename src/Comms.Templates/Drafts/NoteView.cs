using Comms.Core.Changelog;
using Comms.Core.Config;
using Comms.Core.Model;

namespace Comms.Templates.Drafts;

/// <summary>A note as templates see it: strings, lists and flags only (the template boundary).</summary>
internal static class NoteView
{
    public static Dictionary<string, object?> Of(ReleaseNote note, CommsConfig config, string? audience = null)
    {
        var why = audience is null
            ? []
            : note.Comms.Audiences.Where(a => a.Audience == audience).Select(a => a.Reason).Distinct(StringComparer.Ordinal).ToArray();
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["pr_number"] = note.PrNumber,
            ["pr_url"] = note.PrUrl,
            ["author"] = note.Author,
            ["author_url"] = note.AuthorUrl,
            ["text"] = MarkdownText.EscapeHtml(note.Text),
            ["title"] = MarkdownText.EscapeHtml(note.Comms.Title ?? string.Empty),
            ["sigs"] = note.Sigs.Select(s => SigNames.Display(s, config)).ToArray(),
            ["sigs_label"] = SigNames.Label(note.Sigs, config),
            ["kinds"] = note.Kinds.ToArray(),
            ["areas"] = note.Areas.ToArray(),
            ["docs"] = note.Documentation.Select(d => new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["description"] = d.Description.Trim('[', ']'),
                ["url"] = d.Url,
                ["type"] = d.Type,
            }).ToArray(),
            ["action_required"] = note.ActionRequired,
            ["stability"] = note.Comms.Stability?.Level,
            ["feature_gate"] = note.Comms.Stability?.Feature,
            ["why"] = why,
            ["audiences"] = note.Comms.Audiences.Select(a => a.Audience).Distinct(StringComparer.Ordinal).ToArray(),
            ["markdown"] = MarkdownText.EscapeHtml(NoteMarkdown.Render(note, config)),
        };
    }
}
