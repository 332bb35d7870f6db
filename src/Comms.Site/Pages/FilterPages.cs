using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Comms.Core.Changelog;
using Comms.Site.Render;
using Comms.Templates;

namespace Comms.Site.Pages;

/// <summary>
/// The all-notes page and the upgrade-path page.
/// <para>
/// The all-notes page is small: a form and a list of the release pages (each a complete plain list without
/// JavaScript). filter.js loads the notes as data shards, one per release (<c>data/notes-&lt;version&gt;.js</c>:
/// compact JSON wrapped in one call, so it loads from <c>file://</c> too), with a prebuilt search text per note, and
/// renders only the matches near the screen. A note is shown once per PR across a release and its pre-releases.
/// </para>
/// <para>The upgrade page is a complete list without JavaScript; upgrade.js hides the releases outside the range.</para>
/// </summary>
internal static class FilterPages
{
    public const string IndexFile = "assets/data/index.js";

    // The shards are script files, not HTML: only what JSON needs is escaped, so note text stays compact.
    private static readonly JsonWriterOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A release's notes are split into shards of at most this many, so the first screen never waits for a huge release.</summary>
    public const int ShardNotes = 500;

    public static string Shard(SiteRelease r, int part = 0) =>
        part == 0 ? $"assets/data/notes-{SitePaths.VersionSlug(r)}.js" : $"assets/data/notes-{SitePaths.VersionSlug(r)}-{part + 1}.js";

    /// <summary>A note folded across a release line: the newest view, and every rank it appeared in.</summary>
    private sealed class Folded(NoteView view, Core.Model.ReleaseNote note, int home)
    {
        public NoteView View { get; set; } = view;
        public Core.Model.ReleaseNote Note { get; set; } = note;
        public int Home { get; } = home;
        public List<int> Ranks { get; } = [];
    }

    public static void Write(SiteContext site)
    {
        var folded = Fold(site);
        WriteNotes(site, folded);
        WriteUpgrade(site, folded);
    }

    /// <summary>One entry per (release line, PR): the view from the newest release it is in, its home rank, every rank.</summary>
    private static List<Folded> Fold(SiteContext site)
    {
        var byKey = new Dictionary<(int Home, int Pr), Folded>();
        var order = new List<Folded>();
        for (var rank = 0; rank < site.Releases.Count; rank++)
        {
            var home = site.Home[rank];
            foreach (var (note, view) in site.Releases[rank].Notes.Zip(site.Notes[rank]))
            {
                if (!byKey.TryGetValue((home, view.Number), out var f))
                {
                    f = new Folded(view, note, home);
                    byKey[(home, view.Number)] = f;
                    order.Add(f);
                }

                // Releases come oldest first: the newest text of the note wins.
                (f.View, f.Note) = (view, note);
                f.Ranks.Add(rank);
            }
        }

        var repeated = order.Where(f => f.Ranks.Any(r => site.Releases[r].Version.IsPreRelease)).ToArray();
        var views = site.WithLi(repeated.Select(f => f.View with { PreReleases = f.Ranks.Where(r => site.Releases[r].Version.IsPreRelease).Select(r => site.Releases[r].Version.Text).ToArray() }).ToArray());
        for (var i = 0; i < repeated.Length; i++)
        {
            repeated[i].View = views[i];
        }

        return order;
    }

    private static void WriteNotes(SiteContext site, List<Folded> folded)
    {
        var config = site.Request.Config;
        var notes = site.Releases.SelectMany(r => r.Notes).ToArray();
        var vocab = new Dictionary<string, Vocabulary>(StringComparer.Ordinal)
        {
            ["sig"] = new(notes.SelectMany(n => n.Sigs), s => SigNames.Display(s, config)),
            ["kind"] = new(notes.SelectMany(n => n.Kinds), k => k),
            ["area"] = new(notes.SelectMany(n => n.Areas), a => a),
            ["audience"] = new(site.Request.Audiences.Select(a => a.Id), id => site.Request.Audiences.First(a => a.Id == id).Name, sort: false),
            ["stability"] = new(notes.Select(n => n.Comms.Stability?.Level).OfType<string>().Where(l => l.Length > 0), l => l),
            ["doc"] = new(notes.SelectMany(n => n.Documentation.Select(d => d.Type)).Where(t => t.Length > 0), t => t),
            ["group"] = Groups(site, notes),
        };

        // Shards: one per home release, newest first on the page; each note's <li> is rendered once by the theme's partial.
        var homes = folded.GroupBy(f => f.Home).OrderByDescending(g => g.Key).ToArray();
        var parts = new Dictionary<int, int>();
        foreach (var group in homes)
        {
            var release = site.Releases[group.Key];
            var chunks = group.OrderBy(f => f.View.Number).Chunk(ShardNotes).ToArray();
            parts[group.Key] = chunks.Length;
            for (var part = 0; part < chunks.Length; part++)
            {
                var buffer = new ArrayBufferWriter<byte>();
                using (var w = new Utf8JsonWriter(buffer, Json))
                {
                    w.WriteStartObject();
                    w.WriteString("v", release.Version.Text);
                    w.WriteNumber("r", group.Key);
                    w.WriteNumber("part", part);
                    w.WriteStartArray("n");
                    foreach (var f in chunks[part])
                    {
                        WriteNote(w, f, vocab);
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                site.Write(Shard(release, part), "commsNotes(" + Encoding.UTF8.GetString(buffer.WrittenSpan) + ");\n");
            }
        }

        site.Write(IndexFile, "commsIndex(" + Index(site, vocab, parts, folded) + ");\n");
        var finals = site.Releases.Select((r, rank) => (r, rank)).Where(x => site.Home[x.rank] == x.rank).Reverse()
            .Select(x => new LinkView(x.r.Version.Text, SitePaths.Release(x.r))).ToArray();
        site.Page(SitePaths.Notes, "notes", site.English.Text("site.nav.notes"), new ScriptFields
        {
            { "Title", site.English.Text("site.nav.notes") },
            { "Count", folded.Count },
            { "Releases", finals },
        }, ["filter.js", "data/index.js"]);
    }

    private static string SearchText(Core.Model.ReleaseNote note, NoteView view)
    {
        var text = note.Text.Length > 0 ? note.Text : note.Markdown;
        return string.Join(' ', text, "#" + view.Number.ToString(CultureInfo.InvariantCulture), "@" + note.Author).ToLowerInvariant();
    }

    /// <summary>One note of a shard: [pr, li, search text, sigs, kinds, areas, audiences, stability, docs, flags, ranks, brief groups].</summary>
    private static void WriteNote(Utf8JsonWriter w, Folded f, Dictionary<string, Vocabulary> vocab)
    {
        var note = f.Note;
        w.WriteStartArray();
        w.WriteNumberValue(f.View.Number);
        w.WriteStringValue(f.View.Li.Html.Trim());
        w.WriteStringValue(SearchText(note, f.View));
        Indices(w, vocab["sig"], note.Sigs);
        Indices(w, vocab["kind"], note.Kinds);
        Indices(w, vocab["area"], note.Areas);
        Indices(w, vocab["audience"], note.Comms.Audiences.Select(a => a.Audience));
        Indices(w, vocab["stability"], note.Comms.Stability is { Level.Length: > 0 } s ? [s.Level] : []);
        Indices(w, vocab["doc"], note.Documentation.Select(d => d.Type));
        w.WriteNumberValue((f.View.ActionRequired ? 1 : 0) | (f.View.Deprecation ? 2 : 0));
        w.WriteStartArray();
        foreach (var r in f.Ranks)
        {
            w.WriteNumberValue(r);
        }

        w.WriteEndArray();
        Indices(w, vocab["group"], BriefGroups(note));
        w.WriteEndArray();
    }

    /// <summary>
    /// The brief groups a note is in: per audience, the rule that chose it (<c>vendor:vendor-api-change</c>), as the
    /// brief groups it; a brief's "and N more" links here with its group's values.
    /// </summary>
    private static IEnumerable<string> BriefGroups(Core.Model.ReleaseNote note) =>
        note.Comms.Audiences.GroupBy(a => a.Audience, StringComparer.Ordinal).Select(g => $"{g.Key}:{g.First().Rule}");

    /// <summary>The brief groups of the notes, in the audiences' order and each audience's rule order, named as the briefs head them.</summary>
    private static Vocabulary Groups(SiteContext site, IReadOnlyList<Core.Model.ReleaseNote> notes)
    {
        var seen = notes.SelectMany(BriefGroups).Select(NoteViews.FilterValue).ToHashSet(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var audience in site.Request.Audiences)
        {
            var titles = audience.Rules.Select(r => r.Title).ToList();
            for (var i = 0; i < audience.Rules.Count; i++)
            {
                var shared = titles.Count(t => t == titles[i]) > 1;
                Add($"{audience.Id}:{audience.Rules[i].Id}", $"{audience.Name}: {titles[i]}{(shared ? $" ({audience.Rules[i].Id})" : string.Empty)}");
            }

            Add($"{audience.Id}:map", $"{audience.Name}: {Templates.Phrases.English.Text("briefs.chosen")}");
        }

        foreach (var value in seen.Order(StringComparer.Ordinal))
        {
            Add(value, value);
        }

        return new Vocabulary(order, v => names[v], sort: false);

        void Add(string value, string name)
        {
            value = NoteViews.FilterValue(value);
            if (seen.Contains(value) && names.TryAdd(value, name))
            {
                order.Add(value);
            }
        }
    }

    private static string Index(SiteContext site, Dictionary<string, Vocabulary> vocab, Dictionary<int, int> parts, List<Folded> folded)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, Json))
        {
            w.WriteStartObject();
            w.WriteNumber("total", folded.Count);
            w.WriteStartArray("releases");
            for (var rank = 0; rank < site.Releases.Count; rank++)
            {
                var r = site.Releases[rank];
                w.WriteStartObject();
                w.WriteString("v", r.Version.Text);
                w.WriteBoolean("pre", r.Version.IsPreRelease);
                w.WriteNumber("home", site.Home[rank]);
                w.WriteString("href", SitePaths.Release(r));
                if (parts.TryGetValue(rank, out var count))
                {
                    w.WriteStartArray("shards");
                    for (var part = 0; part < count; part++)
                    {
                        w.WriteStringValue(Shard(r, part));
                    }

                    w.WriteEndArray();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            foreach (var (facet, v) in vocab)
            {
                w.WriteStartArray(facet);
                foreach (var (value, text) in v.Entries)
                {
                    w.WriteStartArray();
                    w.WriteStringValue(value);
                    w.WriteStringValue(text);
                    w.WriteEndArray();
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Indices(Utf8JsonWriter w, Vocabulary vocab, IEnumerable<string> values)
    {
        w.WriteStartArray();
        foreach (var i in values.Select(vocab.IndexOf).Where(i => i >= 0).Distinct().Order())
        {
            w.WriteNumberValue(i);
        }

        w.WriteEndArray();
    }

    /// <summary>The values of one facet (as <see cref="NoteViews.FilterValue"/>), in display order, with their text.</summary>
    private sealed class Vocabulary
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

        public Vocabulary(IEnumerable<string> values, Func<string, string> display, bool sort = true)
        {
            var entries = values.GroupBy(NoteViews.FilterValue, StringComparer.Ordinal)
                .Where(g => g.Key.Length > 0)
                .Select(g => (Value: g.Key, Text: display(g.First())));
            Entries = (sort ? entries.OrderBy(e => e.Text, StringComparer.OrdinalIgnoreCase).ThenBy(e => e.Value, StringComparer.Ordinal) : entries).ToArray();
            for (var i = 0; i < Entries.Count; i++)
            {
                _index[Entries[i].Value] = i;
            }
        }

        public IReadOnlyList<(string Value, string Text)> Entries { get; }

        public int IndexOf(string value) => _index.GetValueOrDefault(NoteViews.FilterValue(value), -1);
    }

    private static void WriteUpgrade(SiteContext site, List<Folded> folded)
    {
        var releases = site.Releases.Select((r, rank) => new OptionView(r.Version.Text, r.Version.Text, rank)).Reverse().ToArray();
        // Each upgrade note once per release line, under the release it belongs to (pre-releases fold into their release).
        var upgrade = folded.Where(f => f.View.ActionRequired || f.View.Deprecation)
            .Select(f => (Rank: f.Home, f.View)).ToArray();
        site.Page(SitePaths.Upgrade, "upgrade", site.English.Text("site.nav.upgrade"), new ScriptFields
        {
            { "Title", site.English.Text("site.nav.upgrade") },
            { "Count", upgrade.Length },
            { "Releases", releases },
            { "From", releases.Length > 1 ? releases[^1].Value : null },
            { "To", releases.Length > 0 ? releases[0].Value : null },
            { "Groups", IndexPages.ByRelease(site, upgrade) },
        }, ["upgrade.js"]);
    }
}
