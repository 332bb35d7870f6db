using Comms.Core.Classify;
using Comms.Core.Diagnostics;
using Comms.Core.Edit;
using Comms.Core.IO;
using Comms.Core.Model;
using Comms.TestKit;

namespace Comms.Core.Tests.Outputs;

public sealed class OutputPathTests
{
    [Theory]
    [InlineData("v1.0.0/CHANGELOG.md")]
    [InlineData("a/./b/../c.md")]
    [InlineData("feeds/all.atom")]
    public void Paths_inside_the_root_resolve(string relative)
    {
        using var temp = new TempDir();
        var full = OutputPaths.Resolve(temp.Path, relative);
        Assert.StartsWith(temp.Path + Path.DirectorySeparatorChar, full, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("a/../../x")]
    [InlineData("/etc/passwd")]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("a/..")]
    [InlineData("x\0y")]
    public void Paths_that_leave_the_root_are_refused(string relative)
    {
        using var temp = new TempDir();
        Assert.Throws<UnsafeOutputPathException>(() => OutputPaths.Resolve(temp.Path, relative));
    }

    [Fact]
    public void Links_out_of_the_root_are_followed_and_refused_even_dangling_or_looping()
    {
        using var temp = new TempDir();
        var root = Directory.CreateDirectory(Path.Combine(temp.Path, "root")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(root, "out"), temp.Path);
        File.CreateSymbolicLink(Path.Combine(root, "dangling.md"), Path.Combine(temp.Path, "elsewhere", "x.md"));
        File.CreateSymbolicLink(Path.Combine(root, "loop-a"), Path.Combine(root, "loop-b"));
        File.CreateSymbolicLink(Path.Combine(root, "loop-b"), Path.Combine(root, "loop-a"));
        Directory.CreateSymbolicLink(Path.Combine(root, "inside"), Directory.CreateDirectory(Path.Combine(root, "real")).FullName);
        Assert.Throws<UnsafeOutputPathException>(() => OutputPaths.Resolve(root, "out/x.md"));
        Assert.Throws<UnsafeOutputPathException>(() => OutputPaths.Resolve(root, "dangling.md"));
        Assert.Throws<UnsafeOutputPathException>(() => OutputPaths.Resolve(root, "loop-a/x"));
        Assert.Equal(Path.Combine(root, "inside", "x.md"), OutputPaths.Resolve(root, "inside/x.md"));
    }
}

public sealed class NameRuleTests
{
    [Theory]
    [InlineData("v1.0.0", true)]
    [InlineData("1.28.0-rc.1", true)]
    [InlineData("1.28.0+build.5", true)]
    [InlineData("V2.0.0", true)]
    [InlineData("1.0", false)]
    [InlineData("1.0.0.0", false)]
    [InlineData("01.0.0", false)]
    [InlineData("1.0.0-a/b", false)]
    [InlineData("1.0.0-", false)]
    [InlineData("v1.0.0/../../x", false)]
    [InlineData(".", false)]
    public void Versions_are_semver_with_an_optional_v(string name, bool valid) => Assert.Equal(valid, VersionName.IsValid(name));

    [Fact]
    public void Display_names_are_nfc_without_bidi_controls()
    {
        Assert.Equal("caf\u00e9", DisplayName.Clean("cafe\u0301"));
        Assert.Equal("evilgnp.exe", DisplayName.Clean("evil\u202egnp.exe"));
        Assert.Equal("a b", DisplayName.Clean("a\u2066 b\u2069"));
    }

    [Fact]
    public void Sig_keys_in_maps_and_audience_rules_are_safe_slugs_with_located_errors()
    {
        var d = new DiagnosticBag();
        var maps = MapReader.Read("pr: 7\nreleasenote:\n  sigs: [node, \"../etc\", API Machinery]\n", "maps/pr-7.yaml", d);
        Assert.Equal(["node"], maps.Single().Sigs);
        Assert.Equal(["maps/pr-7.yaml(3,16): error CM5003: SIG \"../etc\" in \"releasenote.sigs\" must be 1 to 40 characters of a-z, 0-9 and single dashes, starting and ending with a letter or digit, like api-machinery",
                      "maps/pr-7.yaml(3,26): error CM5003: SIG \"API Machinery\" in \"releasenote.sigs\" must be 1 to 40 characters of a-z, 0-9 and single dashes, starting and ending with a letter or digit, like api-machinery"],
            d.Sorted().Select(x => x.ToString()));

        var rules = new DiagnosticBag();
        AudienceRulesReader.Read("audiences:\n  - id: ops\n    rules:\n      - id: r\n        reason: why\n        sigs: [\"a/b\"]\n", "audiences.yaml", rules);
        Assert.Equal("audiences.yaml(6,16): error CM5003", string.Join(";", rules.Items.Select(x => $"{x.File}({x.Line},{x.Column}): error {x.Code}")));
    }
}
