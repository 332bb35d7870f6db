using System.Globalization;
using Comms.Cli.Build;
using Comms.Core.Diagnostics;
using Comms.Templates.Drafts;
using Comms.TestKit;
using Calendar = Ical.Net.Calendar;

namespace Comms.Templates.Tests;

/// <summary>The drafts of the whole cycle on the sample: sneak peek, feature blogs, comms plan and calendar, webinar.</summary>
public sealed class CycleDraftTests(SampleBuild sample) : IClassFixture<SampleBuild>
{
    private static readonly string[] Cycle = ["sneak-peek.md", "feature-blogs.md", "comms-plan.md", "comms-calendar.ics", "webinar-slides.md", "webinar-email.md"];

    public static TheoryData<string, string> Drafts()
    {
        var data = new TheoryData<string, string>();
        foreach (var version in SampleBuild.Versions)
        {
            foreach (var name in Cycle)
            {
                data.Add(version, name);
            }
        }

        // The agreed series of v2.4.0, post by post.
        foreach (var post in new[] { "gang-scheduling.md", "live-migration-of-virtual-machines.md", "structured-authentication-configuration.md" })
        {
            data.Add("v2.4.0", "feature-blogs/" + post);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Drafts))]
    public void Draft_matches_approved(string version, string name) =>
        Approvals.Verify(sample.Draft(version, name), $"{version}.{Path.GetFileNameWithoutExtension(name.Replace('/', '.'))}", Path.GetExtension(name).TrimStart('.'));

    private ReleaseBuild.Built Release(string version) => sample.Result!.Single(r => r.Input.Version == version);

    [Fact]
    public void The_sneak_peek_names_every_deprecation_and_removal_and_is_held_back_as_a_draft()
    {
        foreach (var version in SampleBuild.Versions)
        {
            var release = Release(version);
            var peek = release.Drafts["sneak-peek.md"];
            Assert.Contains("draft: true", peek.Split("---")[1], StringComparison.Ordinal);
            Assert.Contains($"title: \"Tidewater {DraftModel.ShortVersion(version)} Sneak Peek\"", peek, StringComparison.Ordinal);
            // What the release's story says goes away (notes that say so, whatever their label), each by its pull request.
            var going = release.Model.GoingAway.Where(g => g.Enhancement is null).SelectMany(g => g.Notes).ToArray();
            Assert.NotEmpty(going);
            foreach (var note in going)
            {
                Assert.Contains($"/pull/{note.PrNumber.ToString(CultureInfo.InvariantCulture)})", peek, StringComparison.Ordinal);
            }

            // Each says when: removed in this release, or deprecated in it.
            var section = peek.Split("\n## ").Single(x => x.StartsWith("Deprecations and removals", StringComparison.Ordinal));
            var items = section.Split("\n### ").Skip(1).ToArray();
            // The few that matter most are told one by one; the rest are one linked list under them.
            Assert.Equal(Math.Min(6, release.Model.GoingAway.Count(g => !g.Ongoing)), items.Length);
            Assert.All(items, i => Assert.Matches($@"(Removed|Deprecated) in {System.Text.RegularExpressions.Regex.Escape(DraftModel.ShortVersion(version))}", i));
        }
    }

    [Fact]
    public void The_agreed_series_keeps_its_writers_and_given_day_and_schedules_the_rest_on_working_days_after_the_release()
    {
        var release = Release("v2.4.0");
        var plan = release.Drafts["feature-blogs.md"];
        Assert.Contains("| Wednesday, December 9, 2026 | [Live migration of virtual machines](feature-blogs/live-migration-of-virtual-machines.md) |", plan, StringComparison.Ordinal);
        Assert.Equal(3, release.Drafts.Keys.Count(k => k.StartsWith("feature-blogs/", StringComparison.Ordinal)));
        var releaseDay = release.Model.Release.ReleaseDate!.Value;
        foreach (var (name, text) in release.Drafts.Where(d => d.Key.StartsWith("feature-blogs/", StringComparison.Ordinal)))
        {
            var date = DateOnly.ParseExact(text.Split('\n').Single(l => l.StartsWith("date: ", StringComparison.Ordinal))[6..], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.True(CyclePlan.IsWorkingDay(date) && date > releaseDay && date <= releaseDay.AddDays(30), $"{name}: {date}");
            Assert.Contains("draft: true", text, StringComparison.Ordinal);
            Assert.Contains("slug: tidewater-v2-4-", text, StringComparison.Ordinal);
        }

        Assert.Contains("author: \"Tomasz Nowak\"", release.Drafts["feature-blogs/gang-scheduling.md"], StringComparison.Ordinal);
    }

    [Fact]
    public void Without_feature_blogs_in_release_yaml_the_series_is_proposed_from_the_spotlight_ranking_capped_at_15()
    {
        var release = Release("v2.3.0");
        Assert.Contains("**A proposal:**", release.Drafts["feature-blogs.md"], StringComparison.Ordinal);
        var posts = release.Drafts.Keys.Count(k => k.StartsWith("feature-blogs/", StringComparison.Ordinal));
        Assert.InRange(posts, 1, CyclePlan.ProposedBlogs);
        var shortlist = Comms.Core.Compose.SpotlightPicker.Shortlist(release.Model.SpotlightRanking, CyclePlan.ProposedBlogs);
        Assert.Equal(shortlist.Count, posts);
        // The model's shortlist of ten leads the proposal, in its order.
        var table = release.Drafts["feature-blogs.md"];
        Assert.All(release.Model.SpotlightCandidates, c => Assert.Contains($"[{c.Enhancement.Title}](feature-blogs/", table, StringComparison.Ordinal));
    }

    [Fact]
    public void The_calendar_reads_back_with_every_milestone_of_the_plan()
    {
        var release = Release("v2.4.0");
        var calendar = Calendar.Load(release.Drafts["comms-calendar.ics"])!;
        var events = calendar.Events.ToDictionary(e => e.Summary!, e => e);
        var expected = new Dictionary<string, string>
        {
            ["Enhancements freeze"] = "2026-09-18", ["Feature blog freeze"] = "2026-10-09", ["Code freeze"] = "2026-10-23",
            ["Sneak peek published"] = "2026-10-28", ["Feature blogs ready for review"] = "2026-11-06", ["Tidewater v2.4 release"] = "2026-12-08",
            ["Press embargo lifts"] = "2026-12-08", ["Release webinar"] = "2027-01-07", ["Email the press team"] = "2026-11-10",
            ["Feature blog: Live migration of virtual machines"] = "2026-12-09", ["Feature blog: Gang scheduling"] = "2026-12-10",
            ["Feature blog: Structured authentication configuration"] = "2026-12-14",
        };
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), events.Keys.Order(StringComparer.Ordinal));
        foreach (var (summary, day) in expected)
        {
            var e = events[summary];
            Assert.Equal(day, e.DtStart!.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Assert.False(string.IsNullOrEmpty(e.Uid));
            Assert.False(string.IsNullOrEmpty(e.Description));
        }

        Assert.Equal(events.Count, events.Values.Select(e => e.Uid).Distinct().Count());
        Assert.True(events["Press embargo lifts"].DtStart!.HasTime);
        Assert.Equal(16, events["Press embargo lifts"].DtStart!.Hour);
        Assert.False(events["Code freeze"].DtStart!.HasTime);
    }

    [Fact]
    public void Missing_dates_are_a_warning_and_are_left_out_not_made_up()
    {
        using var temp = new TempDir();
        var yaml = temp.File("release.yaml", "version: v2.4.0\nrelease_date: 2026-12-08\ndates:\n  code_freeze: 2026-10-23\nfeature_blogs:\n  - kep: \"999\"\n    writer: Nobody\n");
        var diagnostics = new DiagnosticBag();
        var built = SampleBuild.Run(temp.Path, diagnostics, adjust: r => r.Version == "v2.4.0" ? r with { ReleaseFile = yaml } : r)!;
        var release = built.Single(r => r.Input.Version == "v2.4.0");
        var warning = Assert.Single(diagnostics.Items, d => d.Code == "CM7106");
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("enhancements freeze, feature blog freeze and press embargo", warning.Message, StringComparison.Ordinal);
        Assert.Contains(diagnostics.Items, d => d.Code == "CM7107" && d.Message.Contains("999", StringComparison.Ordinal));
        var plan = release.Drafts["comms-plan.md"];
        Assert.Contains("**Missing dates:** release.yaml gives no date for the enhancements freeze, feature blog freeze and press embargo.", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Enhancements freeze", plan, StringComparison.Ordinal);
        var events = Calendar.Load(release.Drafts["comms-calendar.ics"])!.Events.Select(e => e.Summary).ToArray();
        Assert.Equal(["Code freeze", "Email the press team", "Tidewater v2.4 release"], events.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(release.Drafts.Keys, k => k.StartsWith("feature-blogs", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bad_date_in_release_yaml_is_a_located_error()
    {
        using var temp = new TempDir();
        var yaml = temp.File("release.yaml", "version: v2.4.0\ndates:\n  code_freeze: next friday\n");
        var diagnostics = new DiagnosticBag();
        Assert.Null(SampleBuild.Run(temp.Path, diagnostics, adjust: r => r.Version == "v2.4.0" ? r with { ReleaseFile = yaml } : r));
        var error = Assert.Single(diagnostics.Items, d => d.Severity == Severity.Error);
        Assert.Equal(("CM7101", 3), (error.Code, error.Line));
        Assert.Contains("\"code_freeze\" must be a date", error.Message, StringComparison.Ordinal);
    }
}
