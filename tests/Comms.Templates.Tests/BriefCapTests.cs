using System.Text.Json;
using System.Text.RegularExpressions;
using Comms.Cli.Build;
using Comms.Core.Diagnostics;
using Comms.TestKit;

namespace Comms.Templates.Tests;

/// <summary>Briefs that stay brief: at most <c>drafts.brief_items_per_group</c> notes per group, the most important first, and a link to the rest.</summary>
public sealed partial class BriefCapTests(SampleBuild sample) : IClassFixture<SampleBuild>
{
    private static readonly string[] Audiences = ["vendor", "end-user", "developer"];

    [GeneratedRegex(@"^### (?<title>.+) \((?<count>\d+)\)$", RegexOptions.Multiline)]
    private static partial Regex GroupHeading();

    [GeneratedRegex(@"^- And (?<more>\d+) more: \[all (?<count>\d+) on the notes page\]\((?<url>[^)]+)\)$", RegexOptions.Multiline)]
    private static partial Regex MoreLine();

    /// <summary>The sample's content folder with <paramref name="yaml"/> added to its comms.yaml; returns the config path.</summary>
    private static string Content(TempDir temp, string yaml)
    {
        foreach (var file in new[] { "audiences.yaml", "about.md", "groups.yaml" })
        {
            File.Copy(Path.Combine(Repo.Root, "content", file), Path.Combine(temp.Path, file));
        }

        return temp.File("comms.yaml", File.ReadAllText(Path.Combine(Repo.Root, "content", "comms.yaml")) + "\n" + yaml + "\n");
    }

    /// <summary>Each group of a brief: its heading's count and its lines (items and the "and N more" line).</summary>
    private static List<(string Title, int Count, string[] Lines)> Groups(string brief)
    {
        var body = brief[brief.IndexOf("## Everything in this brief", StringComparison.Ordinal)..];
        var matches = GroupHeading().Matches(body);
        return matches.Select((m, i) =>
        {
            var end = i + 1 < matches.Count ? matches[i + 1].Index : body.IndexOf("\n---\n", StringComparison.Ordinal);
            // An item is its "- " line and the indented lines under it.
            var lines = new List<string>();
            foreach (var line in body[m.Index..end].Split('\n'))
            {
                if (line.StartsWith("- ", StringComparison.Ordinal))
                {
                    lines.Add(line);
                }
                else if (line.StartsWith("  ", StringComparison.Ordinal) && lines.Count > 0)
                {
                    lines[^1] += "\n" + line;
                }
            }

            return (m.Groups["title"].Value, int.Parse(m.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture), lines.ToArray());
        }).ToList();
    }

    [Fact]
    public void Under_the_cap_the_sample_drafts_are_byte_identical()
    {
        // The largest group of the sample is under the default cap: a cap at exactly its size changes nothing.
        var largest = sample.Result!.SelectMany(r => Audiences.SelectMany(a => Groups(r.Drafts[$"brief-{a}.md"]))).Max(g => g.Count);
        Assert.InRange(largest, 2, Comms.Core.Config.CommsConfig.DefaultBriefItemsPerGroup);
        using var temp = new TempDir();
        var built = SampleBuild.Run(Path.Combine(temp.Path, "out"), new DiagnosticBag(), config: Content(temp, $"drafts:\n  brief_items_per_group: {largest}"));
        foreach (var release in built!)
        {
            foreach (var (name, text) in release.Drafts)
            {
                Assert.Equal(sample.Draft(release.Input.Version, name), text);
            }
        }
    }

    [Fact]
    public void Over_the_cap_a_group_keeps_its_most_important_notes_and_links_to_exactly_the_rest()
    {
        const int Cap = 2;
        using var temp = new TempDir();
        var output = Path.Combine(temp.Path, "out");
        var diagnostics = new DiagnosticBag();
        var built = SampleBuild.Run(output, diagnostics, config: Content(temp, $"drafts:\n  brief_items_per_group: {Cap}"));
        Assert.DoesNotContain(diagnostics.Items, d => d.Severity == Severity.Error);
        var site = Site(Path.Combine(output, "site"));
        var capped = 0;
        foreach (var release in built!)
        {
            var full = Audiences.ToDictionary(a => a, a => Groups(sample.Draft(release.Input.Version, $"brief-{a}.md")));
            foreach (var audience in Audiences)
            {
                var groups = Groups(release.Drafts[$"brief-{audience}.md"]);
                Assert.Equal(full[audience].Select(g => (g.Title, g.Count)), groups.Select(g => (g.Title, g.Count)));
                foreach (var (title, count, lines) in groups)
                {
                    var more = lines.Select(l => MoreLine().Match(l)).SingleOrDefault(m => m.Success);
                    if (count <= Cap)
                    {
                        Assert.Null(more);
                        Assert.Equal(count, lines.Length);
                        continue;
                    }

                    capped++;
                    Assert.NotNull(more);
                    Assert.Equal(Cap + 1, lines.Length);
                    Assert.Equal(count - Cap, int.Parse(more!.Groups["more"].Value, System.Globalization.CultureInfo.InvariantCulture));
                    // Most important first: the items shown are among the uncapped group's, action required before the rest.
                    var all = full[audience].Single(g => g.Title == title).Lines;
                    Assert.All(lines[..Cap], l => Assert.Contains(l, all));
                    var urgent = release.Model.ForAudience(audience).Where(n => n.ActionRequired).Select(n => $"/pull/{n.PrNumber})").ToArray();
                    var shownUrgent = lines[..Cap].Count(l => urgent.Any(u => l.Contains(u, StringComparison.Ordinal)));
                    var groupUrgent = all.Count(l => urgent.Any(u => l.Contains(u, StringComparison.Ordinal)));
                    Assert.Equal(Math.Min(Cap, groupUrgent), shownUrgent);

                    // The link filters the site's notes page to exactly this group: the notes it matches are the group's.
                    var url = more.Groups["url"].Value;
                    Assert.StartsWith("https://tidewater.example.org/releases/notes.html#release=" + release.Input.Version.TrimStart('v') + "&group=", url, StringComparison.Ordinal);
                    var values = url[(url.IndexOf("&group=", StringComparison.Ordinal) + 7)..].Split(',');
                    var matched = site.Matches(release.Input.Version.TrimStart('v'), values);
                    var expected = all.Select(l => Regex.Matches(l, @"/pull/(\d+)\)")[^1].Groups[1].Value).Select(int.Parse).Order().ToArray();
                    Assert.Equal(expected, matched);
                }
            }
        }

        Assert.True(capped >= 3, $"only {capped} groups were over the cap of {Cap}");
    }

    [CorpusFact]
    public void Under_the_cap_the_1_34_drafts_are_byte_identical()
    {
        using var temp = new TempDir();
        var uncapped = Build134(temp, "uncapped", int.MaxValue);
        var largest = Audiences.SelectMany(a => Groups(uncapped.Drafts[$"brief-{a}.md"])).Max(g => g.Count);
        var atLargest = Build134(temp, "largest", largest);
        Assert.Equal(uncapped.Drafts, atLargest.Drafts);

        // With the default cap, every group under it reads as before, and every draft but the briefs is unchanged.
        var standard = Build134(temp, "default", null);
        foreach (var (name, text) in uncapped.Drafts.Where(d => !d.Key.StartsWith("brief-", StringComparison.Ordinal)))
        {
            Assert.Equal(text, standard.Drafts[name]);
        }

        foreach (var audience in Audiences)
        {
            var before = Groups(uncapped.Drafts[$"brief-{audience}.md"]);
            var after = Groups(standard.Drafts[$"brief-{audience}.md"]);
            Assert.Equal(before.Select(g => (g.Title, g.Count)), after.Select(g => (g.Title, g.Count)));
            foreach (var (b, a) in before.Zip(after).Where(p => p.First.Count <= Comms.Core.Config.CommsConfig.DefaultBriefItemsPerGroup))
            {
                Assert.Equal(b.Lines, a.Lines);
            }
        }
    }

    private static ReleaseBuild.Built Build134(TempDir temp, string name, int? cap)
    {
        var config = cap is { } c ? temp.File($"{name}/comms.yaml", $"drafts:\n  brief_items_per_group: {c}\n") : null;
        var diagnostics = new DiagnosticBag();
        var notes = Path.Combine(Repo.Kubernetes, "sig-release-1.34", "release-notes-draft.json");
        var request = new BuildRequest([new ReleaseInput("v1.34.0", notes, null, null, Path.Combine(temp.Path, name, "v1.34.0"))],
            Path.Combine(temp.Path, name), Path.Combine(temp.Path, name, "site"), ConfigPath: config, ThemeFolder: null, RepoRoot: Repo.Root);
        var built = new ReleaseBuild(request, diagnostics).Run();
        Assert.DoesNotContain(diagnostics.Items, d => d.Severity == Severity.Error);
        return Assert.Single(built!);
    }

    /// <summary>The notes page's data as filter.js reads it: the release ranks, the group values and each note's groups.</summary>
    private sealed class SiteData(JsonElement index, List<JsonElement> notes)
    {
        /// <summary>The PRs the page shows for <c>release=<paramref name="version"/>&amp;group=<paramref name="values"/></c>.</summary>
        public int[] Matches(string version, string[] values)
        {
            var rank = index.GetProperty("releases").EnumerateArray().Select((r, i) => (V: r.GetProperty("v").GetString(), i)).Single(r => r.V == version).i;
            var groups = index.GetProperty("group").EnumerateArray().Select(e => e[0].GetString()).ToList();
            var wanted = values.Select(v => groups.IndexOf(Uri.UnescapeDataString(v))).ToArray();
            Assert.DoesNotContain(-1, wanted);
            return notes.Where(n => n[10].EnumerateArray().Any(r => r.GetInt32() == rank) && n[11].EnumerateArray().Any(g => wanted.Contains(g.GetInt32())))
                .Select(n => n[0].GetInt32()).Order().ToArray();
        }
    }

    private static SiteData Site(string folder)
    {
        static JsonElement Call(string file, string name)
        {
            var text = File.ReadAllText(file).Trim();
            Assert.StartsWith(name + "(", text, StringComparison.Ordinal);
            return JsonDocument.Parse(text[(name.Length + 1)..^2]).RootElement;
        }

        var data = Path.Combine(folder, "assets", "data");
        var notes = Directory.EnumerateFiles(data, "notes-*.js").SelectMany(f => Call(f, "commsNotes").GetProperty("n").EnumerateArray()).ToList();
        return new SiteData(Call(Path.Combine(data, "index.js"), "commsIndex"), notes);
    }

    [Fact]
    public void The_full_lists_are_made_when_a_template_reads_them()
    {
        using var temp = new TempDir();
        var theme = Path.Combine(temp.Path, "theme");
        Directory.CreateDirectory(theme);
        File.WriteAllText(Path.Combine(theme, "blog-post.sbn"),
            "by sig: {{ for g in notes_by_sig }}{{ g.notes.size }};{{ end }} upgrade: {{ upgrade_notes.size }} stable: {{ graduations.stable.size }} first: {{ notes_by_sig[0].notes[0].pr_number }}\n");
        File.WriteAllText(Path.Combine(theme, "brief-vendor.sbn"),
            "action: {{ audience.action_required.size }} by sig: {{ for g in audience.by_sig }}{{ g.notes.size }};{{ end }} deprecations: {{ audience.deprecations.size }}\n");
        var built = SampleBuild.Run(Path.Combine(temp.Path, "out"), new DiagnosticBag(), theme: theme)!;
        var release = built.Single(r => r.Input.Version == "v2.4.0");
        var model = release.Model;
        var bySig = model.Notes.GroupBy(n => n.Sigs.Count == 0 ? "~" : n.Sigs.Order(StringComparer.Ordinal).First(), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Count().ToString(System.Globalization.CultureInfo.InvariantCulture) + ";");
        var first = model.Notes.Where(n => n.Sigs.Count > 0).OrderBy(n => n.Sigs.Order(StringComparer.Ordinal).First(), StringComparer.Ordinal).ThenBy(n => n.PrNumber).First().PrNumber;
        Assert.Equal($"by sig: {string.Concat(bySig)} upgrade: {model.UpgradeNotes.Count()} stable: {model.WithStability("stable").Count()} first: {first}\n", release.Drafts["blog-post.md"]);
        var vendor = model.ForAudience("vendor").ToArray();
        var urgent = vendor.Count(n => n.ActionRequired);
        Assert.StartsWith($"action: {urgent} by sig: ", release.Drafts["brief-vendor.md"], StringComparison.Ordinal);
        var goingAway = release.Model.GoingAway.SelectMany(g => g.Notes).Select(n => n.PrNumber).ToHashSet();
        Assert.Contains($"deprecations: {vendor.Count(n => !n.ActionRequired && goingAway.Contains(n.PrNumber))}", release.Drafts["brief-vendor.md"], StringComparison.Ordinal);
        Assert.True(urgent > 0);
    }
}
