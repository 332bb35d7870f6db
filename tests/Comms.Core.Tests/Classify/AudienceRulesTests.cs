using Comms.Core.Classify;
using Comms.Core.Diagnostics;
using Comms.Core.Model;

namespace Comms.Core.Tests.Classify;

public sealed class AudienceRulesTests
{
    private static readonly IReadOnlyList<Audience> Rules = AudienceRulesReader.BuiltIn();

    // kinds | sigs | areas | action required | text | expected audiences (rule ids), "" for none
    public static TheoryData<string, string, string, bool, string, string> Table() => new()
    {
        { "bug", "node", "", true, "Changed the default cgroup driver.", "vendor:vendor-action-required end-user:user-action-required" },
        { "deprecation", "cli", "", false, "Deprecated the --foo flag.", "vendor:vendor-deprecation end-user:user-deprecation developer:dev-deprecation" },
        { "api-change", "api-machinery", "", false, "Added a field to PodSpec.", "vendor:vendor-api-change developer:dev-api-change" },
        { "dependency", "release", "", false, "Updated Go to 1.24.", "vendor:vendor-dependency" },
        { "cleanup", "release", "dependency", false, "Bumped the base image.", "vendor:vendor-dependency-area" },
        { "bug", "cloud-provider", "provider/aws", false, "Fixed load balancer tags.", "vendor:vendor-provider" },
        { "bug", "auth", "", false, "Fixed CVE-2026-1234 in token review.", "vendor:vendor-cve end-user:user-fix-notable" },
        { "bug", "node", "", false, "Fixed a kubelet crash when a pod had no containers.", "end-user:user-fix-notable" },
        { "bug", "scheduling", "", false, "Fixed the `fake.NewClientset()` helper returning stale objects.", "" },
        { "cleanup", "scheduling", "", false, "Renamed `PodGroupInfo` to `PodGroupState`, which may break custom scheduler plugins.", "vendor:vendor-extension-break developer:dev-extension-text" },
        { "feature", "testing", "e2e-test-framework", false, "Added a helper to the e2e framework.", "developer:dev-extension-text" },
        { "cleanup", "release", "", false, "Kubernetes is now built with Go 1.24.5.", "vendor:vendor-toolchain" },
        { "feature", "apps", "", false, "Added a rollout pause.", "end-user:user-feature" },
        { "regression", "network", "", false, "Fixed a 1.33 regression.", "end-user:user-regression" },
        { "cleanup", "cli", "", false, "Tidied kubectl output.", "end-user:user-cli" },
        { "cleanup", "api-machinery", "client-go", false, "Regenerated clients.", "developer:dev-client" },
        { "cleanup", "scheduling", "", false, "The scheduler framework now passes NodeInfo to plugins.", "developer:dev-extension-text" },
        { "flake", "testing", "", false, "Deflaked an e2e test.", "developer:dev-testing" },
        { "cleanup", "node", "", false, "Renamed an internal variable.", "" },
        { "documentation", "docs", "", false, "Corrected a comment.", "" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Assigns_audiences_with_the_rule_that_matched(string kinds, string sigs, string areas, bool actionRequired, string text, string expected)
    {
        var note = new ReleaseNote
        {
            PrNumber = 7,
            Text = text,
            Kinds = Split(kinds),
            Sigs = Split(sigs),
            Areas = Split(areas),
            ActionRequired = actionRequired,
        };
        var diagnostics = new DiagnosticBag();
        var classified = new Classifier(Rules, diagnostics).Classify([note]).Single();
        var got = string.Join(' ', classified.Comms.Audiences.Select(a => $"{a.Audience}:{a.Rule}"));
        Assert.Equal(expected, got);
        Assert.All(classified.Comms.Audiences, a => Assert.False(string.IsNullOrWhiteSpace(a.Reason)));
        Assert.Equal(expected.Length == 0, diagnostics.Items.Any(d => d.Code == ClassifyCodes.Unassigned));
    }

    [Fact]
    public void Audiences_set_in_a_map_win_over_the_rules()
    {
        var note = new ReleaseNote
        {
            PrNumber = 9,
            Text = "Added a feature.",
            Kinds = ["feature"],
            Comms = new NoteComms { Audiences = [new AudienceAssignment("vendor", Classifier.MapRule, "Chosen by the release team.")] },
        };
        var classified = new Classifier(Rules, new DiagnosticBag()).Classify([note]).Single();
        Assert.Equal(["vendor"], classified.Comms.Audiences.Select(a => a.Audience));
    }

    [Fact]
    public void A_rule_without_a_reason_is_an_error_at_its_line()
    {
        var diagnostics = new DiagnosticBag();
        const string yaml = "audiences:\n  - id: vendor\n    rules:\n      - id: no-reason\n        kinds: [bug]\n";
        AudienceRulesReader.Read(yaml, "audiences.yaml", diagnostics);
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal("audiences.yaml(4,9): error CM3004: every rule needs an \"id\" and a \"reason\" (why the rule exists; readers see it)", error.ToString());
    }

    [Fact]
    public void An_unknown_rule_field_is_an_error_with_a_hint()
    {
        var diagnostics = new DiagnosticBag();
        const string yaml = "audiences:\n  - id: vendor\n    rules:\n      - id: r\n        reason: why\n        kind: [bug]\n";
        AudienceRulesReader.Read(yaml, "audiences.yaml", diagnostics);
        var error = Assert.Single(diagnostics.Items);
        Assert.StartsWith("audiences.yaml(6,9): error CM3002: unknown field \"kind\"", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("did you mean kinds?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_content_rules_load_cleanly()
    {
        var diagnostics = new DiagnosticBag();
        var audiences = AudienceRulesReader.Load(Path.Combine(TestKit.Repo.Root, "content", "audiences.yaml"), diagnostics);
        Assert.Empty(diagnostics.Items);
        Assert.Equal(["vendor", "end-user", "developer"], audiences.Select(a => a.Id));
        Assert.All(audiences.SelectMany(a => a.Rules), r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
    }

    private static string[] Split(string value) => value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
