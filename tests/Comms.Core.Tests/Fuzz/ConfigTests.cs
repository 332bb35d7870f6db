using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Xunit;

namespace Comms.Core.Tests.Fuzz;

public sealed class ConfigTests
{
    private static (CommsConfig? Config, IReadOnlyList<Diagnostic> Items) Parse(string text)
    {
        var d = new DiagnosticBag();
        return (ConfigLoader.Parse(text, "comms.yaml", d), d.Items);
    }

    [Fact]
    public void The_glossary_replaces_the_defaults_and_bad_entries_are_located()
    {
        var d = new DiagnosticBag();
        var config = ConfigLoader.Parse("glossary:\n  VM: virtual machine\n", "comms.yaml", d)!;
        Assert.Equal(["VM"], config.Glossary.Keys);
        Assert.Equal("Dynamic Resource Allocation", CommsConfig.Kubernetes.Glossary["DRA"]);
        Assert.Null(ConfigLoader.Parse("glossary:\n  VM: \"\"\n", "comms.yaml", d = new DiagnosticBag()));
        Assert.Equal((Codes.ConfigInvalid, 2, 7), (d.Items[0].Code, d.Items[0].Line, d.Items[0].Column));
        Assert.Null(ConfigLoader.Parse("glossary: [a]\n", "comms.yaml", d = new DiagnosticBag()));
        Assert.Equal(1, d.Items[0].Line);
    }

    [Fact]
    public void An_unknown_key_is_located_named_and_the_nearest_suggested()
    {
        var (config, items) = Parse("notes:\n  blokcs: [a]\n");
        Assert.Null(config);
        var error = Assert.Single(items);
        Assert.Equal("comms.yaml(2,3): error CM4001: unknown field \"blokcs\" in notes; did you mean blocks? (known: blocks, docs_block, none_values, none_command, labels, feature_kind, cherry_pick_bots, doc_types, max_body_chars, source, label_kinds, title_prefixes, breaking_labels, skip_labels)", error.ToString());
        Assert.DoesNotContain("Comms.Core", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("notes:\n  blocks: []\n", 2)]
    [InlineData("notes:\n  max_body_chars: -1\n", 2)]
    [InlineData("notes:\n  max_body_chars: many\n", 2)]
    [InlineData("sections: []\n", 1)]
    [InlineData("project:\n  name: a\n  name: b\n", 3)]
    [InlineData("limits:\n  max_depth: 0\n", 2)]
    [InlineData("project:\n  repo: not a repo\n", 2)]
    public void Bad_values_are_located_errors(string yaml, int line)
    {
        var (config, items) = Parse(yaml);
        Assert.Null(config);
        Assert.Contains(items, i => i.Severity == Severity.Error && i.Line == line && i.Code == Codes.ConfigInvalid);
    }

    [Fact]
    public void The_sample_config_reads_and_its_cherry_pick_bot_is_kept()
    {
        var path = Path.Combine(TestKit.Repo.Root, "content", "comms.yaml");
        var d = new DiagnosticBag();
        var config = ConfigLoader.Parse(File.ReadAllText(path), path, d);
        Assert.Empty(d.Items);
        Assert.Equal(["tidewater-cherrypick-bot"], config!.Notes.CherryPickBots);
        Assert.Equal("Tidewater", config.Project.Name);

        // Its groups come from the list beside it (groups.yaml), not from the Kubernetes list.
        Assert.Equal("SIG Virtualization", config.Groups.Find("virtualization")?.Display);
        Assert.Equal("SIG Virtualization", config.Groups.Find("sig-virtualization")?.Display);
        Assert.Null(config.Groups.Find("device-management"));
        Assert.Equal("WG Device Management", CommsConfig.Kubernetes.Groups.Find("wg-device-management")?.Display);
        Assert.Equal("Security Response Committee", CommsConfig.Kubernetes.Groups.Find("committee-security-response")?.Display);
        Assert.Null(CommsConfig.Kubernetes.Groups.Find("jobset"));
    }

    [Theory]
    [InlineData("tidewater-cherrypick-bot", "Automated cherry pick of #42: fix", 42)]
    [InlineData("tidewater-cherrypick-bot", "Cherry-pick of #7", 7)]
    [InlineData("someone", "Automated cherry pick of #42", null)]
    public void One_cherry_pick_rule(string author, string body, int? original) =>
        Assert.Equal(original, Extract.CherryPick.OriginalOf(author, body, ["tidewater-cherrypick-bot"]));

    [Fact]
    public void A_broken_list_of_groups_is_a_located_error()
    {
        using var temp = new TestKit.TempDir();
        var groups = temp.File("groups.yaml", "sigs:\n  - dir: sig-a\n    label: a\n");
        var d = new DiagnosticBag();
        Assert.Null(ProjectGroups.Read(groups, d));
        var error = Assert.Single(d.Items);
        Assert.Equal((Severity.Error, 2, 5), (error.Severity, error.Line, error.Column));

        var missing = new DiagnosticBag();
        ConfigLoader.Parse("groups: nowhere.yaml\n", Path.Combine(temp.Path, "comms.yaml"), missing);
        Assert.Contains(missing.Items, i => i.Severity == Severity.Error && i.File!.EndsWith("nowhere.yaml", StringComparison.Ordinal));
    }
}
