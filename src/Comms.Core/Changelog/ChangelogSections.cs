using System.Globalization;
using Comms.Core.Config;
using Comms.Core.Model;

namespace Comms.Core.Changelog;

/// <summary>Which "Changes by Kind" section a note goes to, by the configured kind-to-section table.</summary>
public sealed class ChangelogSections(CommsConfig config)
{
    /// <summary>The section title of one kind: configured, or the kind title-cased (unknown kinds sort first).</summary>
    public string TitleOf(string kind)
    {
        foreach (var section in config.Sections)
        {
            if (section.Kinds.Contains(kind, StringComparer.Ordinal))
            {
                return section.Title;
            }
        }

        return string.Join(' ', kind.Split('-', ' ').Where(w => w.Length > 0)
            .Select(w => char.ToUpper(w[0], CultureInfo.InvariantCulture) + w[1..]));
    }

    /// <summary>The kind that decides the section of a note with several: the first in the table's order.</summary>
    public string HighestPriorityKind(IReadOnlyList<string> kinds)
    {
        foreach (var section in config.Sections)
        {
            foreach (var kind in section.Kinds)
            {
                if (kinds.Contains(kind, StringComparer.Ordinal))
                {
                    return kind;
                }
            }
        }

        return kinds[0];
    }

    /// <summary>The sections a note goes to under Kubernetes' rules.</summary>
    public IEnumerable<string> SectionsOf(ReleaseNote note)
    {
        if (note.Kinds.Count == 0)
        {
            return [config.UncategorizedSection];
        }

        return note.DuplicateKind || note.Kinds.Count > 1
            ? [TitleOf(HighestPriorityKind(note.Kinds))]
            : note.Kinds.Select(TitleOf).Distinct(StringComparer.Ordinal);
    }

    /// <summary>Section titles in order: unknown kinds first (alphabetically), then the table, then Uncategorized.</summary>
    public IReadOnlyList<string> Order(IEnumerable<string> present)
    {
        var known = config.Sections.Select(s => s.Title).Append(config.UncategorizedSection).Distinct(StringComparer.Ordinal).ToList();
        var set = present.ToHashSet(StringComparer.Ordinal);
        var unknown = set.Where(s => !known.Contains(s, StringComparer.Ordinal)).Order(StringComparer.Ordinal);
        return unknown.Concat(known.Where(set.Contains)).ToArray();
    }
}
