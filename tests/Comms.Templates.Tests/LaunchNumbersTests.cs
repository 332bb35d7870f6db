using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Comms.Cli.Build;
using Comms.Core.Diagnostics;
using Comms.Core.Enhancements;
using Comms.TestKit;
using Xunit.Abstractions;

namespace Comms.Templates.Tests;

/// <summary>
/// Kubernetes 1.33 and 1.34 built from the release team's notes and the corpus KEPs, as a comms lead would before the
/// Enhancements team confirms the list: only what can ship is counted, every number any draft prints is release.json's
/// and is a placeholder to confirm while some enhancements are planned only, the shortlist holds what the release team
/// spotlighted, every highlight says what it gives, and no post speaks as a proposal does.
/// </summary>
public sealed partial class LaunchNumbersTests(LaunchNumbersTests.Builds builds, ITestOutputHelper output) : IClassFixture<LaunchNumbersTests.Builds>
{
    /// <summary>Each corpus release built once for every test of the class (the build is the slow part).</summary>
    public sealed class Builds : IDisposable
    {
        private readonly TempDir _temp = new();
        private readonly Dictionary<string, Lazy<(ReleaseBuild.Built Release, string Site, DiagnosticBag Diagnostics)>> _builds = new(StringComparer.Ordinal);

        public (ReleaseBuild.Built Release, string Site, DiagnosticBag Diagnostics) Of(string minor)
        {
            Lazy<(ReleaseBuild.Built, string, DiagnosticBag)> build;
            lock (_builds)
            {
                if (!_builds.TryGetValue(minor, out build!))
                {
                    build = new(() => Build(Path.Combine(_temp.Path, minor), minor));
                    _builds[minor] = build;
                }
            }

            return build.Value;
        }

        public void Dispose() => _temp.Dispose();
    }

    // What the release teams put in "Spotlight on key updates" of the v1.33 and v1.34 launch posts.
    private static readonly Dictionary<string, string[]> Spotlighted = new(StringComparer.Ordinal)
    {
        ["1.33"] = ["753", "1287", "3104"],
        ["1.34"] = ["4381", "4412", "5295"],
    };

    [GeneratedRegex(@"\b(\d+) enhancements?\b")]
    private static partial Regex EnhancementCount();

    [GeneratedRegex(@"\[CONFIRM: [^\]\n]*\]")]
    private static partial Regex Confirm();

    // What approvers read and users should not: the proposal as subject, its authors, footnote marks.
    [GeneratedRegex(@"\b(?:this KEP|in this KEP|this proposal|this document|we propose|we focus|propos(?:es|ed|ing))\b|\[\^[^\]]*\]", RegexOptions.IgnoreCase)]
    private static partial Regex ProposalSpeech();

    private static (ReleaseBuild.Built Release, string Site, DiagnosticBag Diagnostics) Build(string folder, string minor)
    {
        var diagnostics = new DiagnosticBag();
        var draft = Path.Combine(Repo.Kubernetes, $"sig-release-{minor}");
        var request = new BuildRequest(
            [new ReleaseInput($"v{minor}.0", Path.Combine(draft, "release-notes-draft.json"), Path.Combine(draft, "maps"), null, Path.Combine(folder, $"v{minor}.0"))],
            folder, Path.Combine(folder, "site"), ConfigPath: null, ThemeFolder: null, RepoRoot: Repo.Root)
        {
            Enhancements = Path.Combine(Repo.Kubernetes, "enhancements"),
        };
        var built = new ReleaseBuild(request, diagnostics).Run();
        Assert.True(built is not null, string.Join("\n", diagnostics.Items.Where(d => d.Severity == Severity.Error)));
        return (Assert.Single(built!), Path.Combine(folder, "site"), diagnostics);
    }

    [CorpusTheory]
    [InlineData("1.33")]
    [InlineData("1.34")]
    public void No_kep_that_cannot_ship_is_counted_and_the_excluded_say_why(string minor)
    {
        var (release, _, _) = builds.Of(minor);
        using var json = JsonDocument.Parse(release.Drafts["release.json"]);
        var statuses = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Kubernetes, "enhancements", "keps"), "kep.yaml", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            var number = Regex.Match(text, @"^kep-number:\s*""?(\d+)", RegexOptions.Multiline);
            var status = Regex.Match(text, @"^status:\s*(\w+)", RegexOptions.Multiline);
            if (number.Success && status.Success)
            {
                statuses.TryAdd(number.Groups[1].Value, status.Groups[1].Value);
            }
        }

        var counted = json.RootElement.GetProperty("enhancements").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToArray();
        var cannot = new[] { "provisional", "withdrawn", "replaced", "deferred", "rejected", "superseded" };
        // A proposal whose status cannot ship is counted only on evidence: a note of the release says it ships.
        foreach (var e in json.RootElement.GetProperty("enhancements").EnumerateArray()
                     .Where(e => statuses.TryGetValue(e.GetProperty("id").GetString()!, out var s) && cannot.Contains(s)))
        {
            Assert.Equal(JsonValueKind.String, e.GetProperty("stage_evidence").ValueKind);
        }
        var excluded = json.RootElement.GetProperty("excluded").EnumerateArray().ToArray();
        Assert.NotEmpty(excluded);
        Assert.All(excluded, e => Assert.Contains(statuses[e.GetProperty("id").GetString()!], e.GetProperty("reason").GetString()!, StringComparison.Ordinal));
        var counts = json.RootElement.GetProperty("counts").GetProperty("enhancements");
        Assert.Equal(counts.GetProperty("total").GetInt32(),
            counts.GetProperty("confirmed").GetInt32() + counts.GetProperty("evidenced").GetInt32() + counts.GetProperty("tied").GetInt32() + counts.GetProperty("planned").GetInt32());
        output.WriteLine($"{minor}: {counted.Length} counted, excluded {string.Join(", ", excluded.Select(e => $"{e.GetProperty("id").GetString()} ({statuses[e.GetProperty("id").GetString()!]})"))}; {counts}");
    }

    [CorpusTheory]
    [InlineData("1.33")]
    [InlineData("1.34")]
    public void Every_count_a_draft_prints_is_release_json_and_unconfirmed_counts_are_placeholders(string minor)
    {
        var (release, site, diagnostics) = builds.Of(minor);
        var counts = release.Model.Stats.Enhancements!;
        Assert.True(counts.ToConfirm > 0, "the KEPs alone leave enhancements unconfirmed");
        var warning = Assert.Single(diagnostics.Items, d => d.Code == EnhancementCodes.Unconfirmed);
        Assert.Contains($"{counts.ToConfirm} of the {counts.Total} enhancements", warning.Message, StringComparison.Ordinal);

        var pages = release.Drafts.Where(d => d.Key.EndsWith(".md", StringComparison.Ordinal) && d.Key != "CHANGELOG.md").ToList();
        pages.AddRange(Directory.EnumerateFiles(site, "*.html", SearchOption.AllDirectories).Select(f => KeyValuePair.Create(Path.GetRelativePath(site, f), File.ReadAllText(f))));
        var printed = 0;
        foreach (var (name, text) in pages)
        {
            foreach (Match m in EnhancementCount().Matches(text))
            {
                printed++;
                Assert.Equal(counts.Total.ToString(CultureInfo.InvariantCulture), m.Groups[1].Value);
                var inside = Confirm().Matches(text).Any(c => c.Index <= m.Index && m.Index < c.Index + c.Length);
                Assert.True(inside, $"{name}: \"{m.Value}\" is printed as fact while {counts.ToConfirm} enhancements are not confirmed");
            }
        }

        Assert.True(printed >= 3, $"the blog, the press brief and the email print the count ({printed} found)");
        var press = release.Drafts["press-brief.md"];
        Assert.Contains($"[CONFIRM: {counts.Total} enhancements, {counts.ToConfirm} not confirmed: {counts.Stable} stable, {counts.Beta} beta, {counts.Alpha} alpha]", press, StringComparison.Ordinal);
        output.WriteLine($"{minor}: {printed} counts printed, all {counts.Total} inside [CONFIRM …] ({counts.ToConfirm} not confirmed)");
    }

    [CorpusTheory]
    [InlineData("1.33")]
    [InlineData("1.34")]
    public void The_shortlist_holds_what_the_release_team_spotlighted(string minor)
    {
        var (release, _, _) = builds.Of(minor);
        using var json = JsonDocument.Parse(release.Drafts["release.json"]);
        var candidates = json.RootElement.GetProperty("spotlight_candidates").EnumerateArray().ToArray();
        Assert.Equal(10, candidates.Length);
        foreach (var stage in new[] { "stable", "beta", "alpha" })
        {
            Assert.Contains(candidates, c => c.GetProperty("stage").GetString() == stage);
        }

        // A story counts its members: "DRA" holds the DRA enhancements.
        var ids = candidates.SelectMany(c => c.GetProperty("members").EnumerateArray().Select(m => m.GetString()).Prepend(c.GetProperty("id").GetString())).ToArray();
        var found = Spotlighted[minor].Count(ids.Contains);
        output.WriteLine($"{minor}: {found} of {Spotlighted[minor].Length} spotlighted items shortlisted: {string.Join(", ", candidates.Select(c => $"{c.GetProperty("id").GetString()} {c.GetProperty("score").GetDouble()}"))}");
        Assert.Equal(Spotlighted[minor].Length, found);
        Assert.All(candidates, c => Assert.False(string.IsNullOrEmpty(c.GetProperty("reasons").GetString())));
        Assert.Equal(5, release.Model.Highlights.Count);
    }

    [CorpusTheory]
    [InlineData("1.33")]
    [InlineData("1.34")]
    public void Every_highlight_says_what_it_gives_and_no_post_speaks_as_a_proposal(string minor)
    {
        var (release, _, _) = builds.Of(minor);
        var stagePhrases = new[] { "Now stable and ready for production.", "Now in beta, ready for wider testing.", "New in alpha, off by default, for early feedback." };
        var press = release.Drafts["press-brief.md"];
        var lines = press[press.IndexOf("## Highlights", StringComparison.Ordinal)..].Split('\n').Where(l => l.StartsWith("- **", StringComparison.Ordinal)).ToArray();
        Assert.Equal(release.Model.Highlights.Count, lines.Length);
        foreach (var line in lines)
        {
            var text = line[(line.IndexOf(".**", StringComparison.Ordinal) + 3)..].Trim();
            var beyond = stagePhrases.Aggregate(text, (t, p) => t.Replace(p, string.Empty, StringComparison.Ordinal)).Trim();
            Assert.True(beyond.Split(' ').Length >= 6, $"the highlight says only its stage: {line}");
        }

        var email = release.Drafts["announcement-email.md"];
        Assert.All(email.Split('\n').Where(l => l.StartsWith("- **", StringComparison.Ordinal)), l => Assert.True(l.Split(' ').Length >= 10, l));
        // Every post: the launch post, the sneak peek and the feature-blog placeholders (code spans are the project's words, not prose).
        var posts = release.Drafts.Where(d => d.Key is "blog-post.md" or "sneak-peek.md" || d.Key.StartsWith("feature-blogs/", StringComparison.Ordinal)).ToArray();
        Assert.True(posts.Length >= 3, string.Join(", ", posts.Select(p => p.Key)));
        var speech = posts.SelectMany(p => ProposalSpeech().Matches(Regex.Replace(p.Value, "`[^`\n]*`", string.Empty)).Select(m => $"{p.Key}: {m.Value}")).ToArray();
        Assert.True(speech.Length == 0, string.Join(" | ", speech));
        output.WriteLine(string.Join("\n", lines));
    }
}
