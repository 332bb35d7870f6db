using System.Text.Json;
using System.Text.RegularExpressions;
using Comms.Cli.Build;
using Comms.Core.Diagnostics;
using Comms.TestKit;
using Xunit.Abstractions;

namespace Comms.Templates.Tests;

/// <summary>The briefs and the press brief as their readers get them: a digest first, plain words for the press, true numbers.</summary>
public sealed partial class BriefTests(SampleBuild sample, ITestOutputHelper output) : IClassFixture<SampleBuild>
{
    [GeneratedRegex(@"\b[A-Za-z][A-Za-z0-9]*\b")]
    private static partial Regex Word();

    [GeneratedRegex(@"[a-z][A-Z]|[A-Z]{2}[a-z]{2}")]
    private static partial Regex Camel();

    /// <summary>Code names a journalist would not write: backticks, and CamelCase words such as PodSpec or APIServer. Quotes are people's words and are left out.</summary>
    private static string[] CodeNames(string brief)
    {
        var text = string.Join('\n', brief.Split('\n').Where(l => !l.StartsWith('>')));
        return [.. (text.Contains('`', StringComparison.Ordinal) ? ["`"] : Array.Empty<string>()), .. Word().Matches(text).Select(m => m.Value).Where(w => Camel().IsMatch(w) && !TemplateFunctions.ProperNames.Contains(w)).Distinct()];
    }

    /// <summary>The sample with v2.4.0's release.yaml changed by <paramref name="edit"/>.</summary>
    private static ReleaseBuild.Built Variant(TempDir temp, Func<string, string> edit)
    {
        var yaml = temp.File("v2.4.0/release.yaml", edit(File.ReadAllText(Path.Combine(Repo.Root, "release-notes", "v2.4.0", "release.yaml"))));
        File.Copy(Path.Combine(Repo.Root, "release-notes", "v2.4.0", "enhancements.yaml"), Path.Combine(temp.Path, "v2.4.0", "enhancements.yaml"));
        var built = SampleBuild.Run(Path.Combine(temp.Path, "out"), new DiagnosticBag(), adjust: r => r.Version == "v2.4.0" ? r with { ReleaseFile = yaml } : r);
        Assert.NotNull(built);
        return built!.Single(r => r.Input.Version == "v2.4.0");
    }

    [Fact]
    public void The_press_line_follows_the_release_state()
    {
        Assert.StartsWith("**FOR IMMEDIATE RELEASE — April 14, 2026**", sample.Draft("v2.2.0", "press-brief.md"), StringComparison.Ordinal);
        Assert.StartsWith("**EMBARGOED UNTIL DECEMBER 8, 2026 AT 16:00 UTC**. Do not publish or share before then.", sample.Draft("v2.4.0", "press-brief.md"), StringComparison.Ordinal);
        using var temp = new TempDir();
        var undated = Variant(temp, y => Regex.Replace(Regex.Replace(y, "^release_date: .*\n", string.Empty, RegexOptions.Multiline), "^embargo: .*\n", string.Empty, RegexOptions.Multiline));
        var press = undated.Drafts["press-brief.md"];
        // No release date in release.yaml: no draft dates the release (the last merge is not a release date).
        var lastMerge = undated.Model.Date!.Value.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.All(undated.Drafts.Where(d => d.Key.EndsWith(".md", StringComparison.Ordinal)), d => Assert.DoesNotContain(lastMerge, d.Value, StringComparison.Ordinal));
        Assert.Contains("date: YYYY-MM-DD", undated.Drafts["blog-post.md"], StringComparison.Ordinal);
        Assert.StartsWith("**DRAFT — NOT FOR DISTRIBUTION**", press, StringComparison.Ordinal);
        Assert.DoesNotContain("FOR IMMEDIATE RELEASE", press, StringComparison.Ordinal);
        Approvals.Verify(press, "v2.4.0.undated.press-brief", "md");
        Approvals.Verify(undated.Drafts["announcement-email.md"], "v2.4.0.undated.announcement-email", "md");
        foreach (var audience in new[] { "vendor", "end-user", "developer" })
        {
            Approvals.Verify(undated.Drafts[$"brief-{audience}.md"], $"v2.4.0.undated.brief-{audience}", "md");
        }
    }

    [Fact]
    public void The_press_brief_speaks_plainly()
    {
        foreach (var version in SampleBuild.Versions)
        {
            var press = sample.Draft(version, "press-brief.md");
            Assert.True(CodeNames(press).Length == 0, $"{version}: {string.Join(", ", CodeNames(press))}");
            Assert.DoesNotContain("feature gate `", press, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_press_numbers_are_those_of_release_json()
    {
        foreach (var version in SampleBuild.Versions)
        {
            using var json = JsonDocument.Parse(sample.Draft(version, "release.json"));
            var counts = json.RootElement.GetProperty("counts");
            var press = sample.Draft(version, "press-brief.md");
            var numbers = press[press.IndexOf("## The numbers", StringComparison.Ordinal)..].Split("\n## ")[0];
            var e = counts.GetProperty("enhancements");
            Assert.Contains($"- {e.GetProperty("total").GetInt32()} enhancements: {e.GetProperty("stable").GetInt32()} stable, {e.GetProperty("beta").GetInt32()} beta, {e.GetProperty("alpha").GetInt32()} alpha", numbers, StringComparison.Ordinal);
            Assert.Contains($"- {counts.GetProperty("changes").GetInt32()} changes in the release notes", numbers, StringComparison.Ordinal);
            Assert.Contains($"- {counts.GetProperty("contributors").GetInt32()} contributors, authors of {counts.GetProperty("pull_requests").GetInt32()} merged pull requests", numbers, StringComparison.Ordinal);
            // Every number the section prints is one of release.json's.
            var known = new HashSet<string>(StringComparer.Ordinal);
            void Collect(JsonElement element)
            {
                foreach (var p in element.EnumerateObject())
                {
                    if (p.Value.ValueKind == JsonValueKind.Number)
                    {
                        known.Add(p.Value.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else if (p.Value.ValueKind == JsonValueKind.Object)
                    {
                        Collect(p.Value);
                    }
                }
            }

            Collect(counts);
            known.Add(SampleBuild.Versions.Length > 0 ? sample.Result!.Single(r => r.Input.Version == version).Model.Stats.BySig.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) : "0");
            Assert.All(Regex.Matches(numbers, @"\b\d+\b").Select(m => m.Value), n => Assert.Contains(n, known));
        }
    }

    [Fact]
    public void Each_brief_starts_with_its_digest_and_gives_each_reason_once_per_group()
    {
        foreach (var version in SampleBuild.Versions)
        {
            foreach (var audience in new[] { "vendor", "end-user", "developer" })
            {
                var brief = sample.Draft(version, $"brief-{audience}.md");
                var sections = brief.Split("\n## ").Skip(1).Select(s => s.Split('\n')[0]).ToArray();
                Assert.Equal(["At a glance", "Everything in this brief"], sections);
                var everything = brief[brief.IndexOf("## Everything in this brief", StringComparison.Ordinal)..];
                var groups = Regex.Count(everything, @"^### ", RegexOptions.Multiline);
                Assert.Equal(groups, Regex.Count(brief, "_Why you are seeing this"));
                var items = Regex.Count(everything, @"^- ", RegexOptions.Multiline);
                Assert.Equal(sample.Result!.Single(r => r.Input.Version == version).Model.ForAudience(audience).Count(), items);
                Assert.DoesNotContain(" 1 changes", brief, StringComparison.Ordinal);
                Assert.DoesNotContain("For Vendors", brief, StringComparison.Ordinal);
            }
        }
    }

    [CorpusFact]
    public void On_the_1_34_draft_the_briefs_are_for_their_readers()
    {
        using var temp = new TempDir();
        var draft = Path.Combine(Repo.Kubernetes, "sig-release-1.34");
        var diagnostics = new DiagnosticBag();
        var request = new BuildRequest(
            [new ReleaseInput("v1.34.0", Path.Combine(draft, "release-notes-draft.json"), Path.Combine(draft, "maps"), null, Path.Combine(temp.Path, "v1.34.0"))],
            temp.Path, Path.Combine(temp.Path, "site"), ConfigPath: null, ThemeFolder: null, RepoRoot: Repo.Root)
        {
            Enhancements = Path.Combine(Repo.Kubernetes, "enhancements"),
        };
        var release = Assert.Single(new ReleaseBuild(request, diagnostics).Run()!);
        var notes = release.Model.Notes;
        var endUser = release.Model.ForAudience("end-user").Select(n => n.PrNumber).ToHashSet();
        var developer = release.Model.ForAudience("developer").Select(n => n.PrNumber).ToArray();
        var vendor = release.Model.ForAudience("vendor").Select(n => n.PrNumber).ToArray();
        var overlap = developer.Count(endUser.Contains) / (double)developer.Length;
        var coverage = endUser.Count / (double)notes.Count;
        var none = notes.Count(n => n.Comms.Audiences.Count == 0);
        Assert.True(overlap <= 0.35, $"{overlap:P0} of the developer brief is also in the end-user brief");
        Assert.True(coverage <= 0.60, $"{coverage:P0} of the notes are in the end-user brief");
        // Test changes stay out of the end-user brief, unless they need action or take something away (those reach everyone).
        Assert.DoesNotContain(notes, n => endUser.Contains(n.PrNumber) && !n.ActionRequired && Comms.Core.Compose.GoingAwayComposer.Classify(n) is null &&
            (n.Kinds.Any(k => k is "failing-test" or "flake") || n.Areas.Any(a => a is "test" or "e2e-test-framework")));
        Assert.All(notes.Where(n => n.ActionRequired), n => Assert.Contains(n.PrNumber, endUser));
        Assert.All(notes.Where(n => n.ActionRequired), n => Assert.Contains(n.PrNumber, vendor));
        foreach (var audience in new[] { "vendor", "end-user", "developer" })
        {
            var brief = release.Drafts[$"brief-{audience}.md"];
            output.WriteLine($"{audience}: {release.Model.ForAudience(audience).Count()} items, {brief.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length} words");
        }

        var press = release.Drafts["press-brief.md"];
        Assert.True(CodeNames(press).Length == 0, string.Join(", ", CodeNames(press)));
        Assert.DoesNotMatch(@"\bDRA\b", press); // the glossary says it in words
        var messages = press[press.IndexOf("## Key messages", StringComparison.Ordinal)..press.IndexOf("## The numbers", StringComparison.Ordinal)];
        Assert.Single(Regex.Matches(messages, $@"\b{release.Model.Stats.Enhancements!.Total} enhancements\b")); // the count is said once
        output.WriteLine($"notes {notes.Count}; vendor {vendor.Length}, end-user {endUser.Count} ({coverage:P0}), developer {developer.Length}; developer items also for end users: {overlap:P0}; in no brief: {none}");
        output.WriteLine(press[..press.IndexOf("## The numbers", StringComparison.Ordinal)]);
    }
}
