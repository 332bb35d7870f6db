using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Comms.TestKit;
using FsCheck;
using FsCheck.Fluent;

namespace Comms.Cli.Tests;

/// <summary>
/// <c>comms build</c> on generated releases (pull JSON trees, maps, release.yaml, versions, hostile Unicode): it
/// exits 0 or 1, never with an unexpected failure, and writes nothing outside its output folder. A handful of
/// cases keeps this to a few seconds; <c>COMMS_FUZZ_SCALE</c> (bench/fuzz.sh) runs many more. Inputs that once
/// failed are kept in <see cref="Regressions"/>.
/// </summary>
[Collection(Comms.Cli.Tests.WorkingFolder.Name)]
public sealed class BuildFuzzTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The CI run replays one fixed seed, so the suite gives the same verdict on every run; <c>bench/fuzz.sh</c>
    /// (COMMS_FUZZ_SCALE) draws new inputs every time, and any that fails is kept below as a regression case.
    /// </summary>
    private static FsCheck.Config Seeded(FsCheck.Config config) =>
        Environment.GetEnvironmentVariable("COMMS_FUZZ_SCALE") is null
            ? config.WithReplay(new FsCheck.Replay(new FsCheck.Rnd(20261201UL, 7919UL), Microsoft.FSharp.Core.FSharpOption<int>.None))
            : config;

    private static readonly int Scale = int.TryParse(Environment.GetEnvironmentVariable("COMMS_FUZZ_SCALE"), out var scale) && scale > 0 ? scale : 1;

    private static readonly string[] Pieces =
    [
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "```", "`", "~~~", "{{% param \"x\" %}}", "{{< ref x >}}", "[x](javascript:alert(1))",
        "![i](https://evil.example/i.png)", "\u202e", "\u2066", "\ud800", "\udfff", "😀", "\0", "\ufeff", "\r\n", "\n", "\t", "é", "\"", "'", "\\", "---",
        "draft: false", "# h {onclick=x}", Invalid, "../../", "/etc/passwd", "%00", "&amp;", "\u0085", "\u2028", "NONE", "kind/bug", "sig/node", "```release-note\r\n",
    ];

    /// <summary>Stands for bytes that are no UTF-8 (a lone surrogate as WTF-8) when a file is written.</summary>
    private const string Invalid = "\uE000";

    private static readonly System.Text.Encoding Utf8 = new System.Text.UTF8Encoding(false, false);

    /// <summary>Writes text as UTF-8 (a lone surrogate becomes U+FFFD), with <see cref="Invalid"/> as the bytes ED A0 80.</summary>
    private static void Write(string path, string text)
    {
        using var stream = File.Create(path);
        var parts = text.Split(Invalid);
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                stream.Write([0xED, 0xA0, 0x80]);
            }

            stream.Write(Utf8.GetBytes(parts[i]));
        }
    }

    private static Gen<string> Text => Gen.Elements(Pieces).ListOf().Select(p => string.Concat(p.Take(12)));

    private static Gen<string> JsonValue(int depth) =>
        depth <= 0
            ? Gen.OneOf(Text.Select(t => JsonSerializer.Serialize(t, Relaxed)), Gen.Elements("1", "-1", "0", "1e308", "true", "null", "\"\\ud800\"", "[]", "{}"))
            : Gen.OneOf(JsonValue(0), JsonValue(depth - 1).ListOf().Select(items => "[" + string.Join(",", items.Take(4)) + "]"));

    /// <summary>A pull: mostly well formed with hostile text, sometimes with fields of the wrong type.</summary>
    private static Gen<string> Pull(int number) =>
        (from title in Text
         from note in Text
         from labels in Text.ListOf()
         from odd in JsonValue(2)
         from shape in Gen.Elements(0, 0, 0, 0, 0, 1, 2, 3, 4, 5)
         select (title, note, labels, odd, shape)).Select(t =>
        {
            var (title, note, labels, odd, shape) = t;
            var body = JsonSerializer.Serialize($"{title}\r\n\r\n```release-note\r\n{note}\r\n```\r\n", Relaxed);
            var labelJson = "[" + string.Join(",", labels.Take(5).Select(l => "{\"name\":" + JsonSerializer.Serialize(l, Relaxed) + "}").Append("{\"name\":\"kind/bug\"}")) + "]";
            var fields = new List<string>
            {
                $"\"number\":{number.ToString(CultureInfo.InvariantCulture)}", $"\"title\":{JsonSerializer.Serialize(title, Relaxed)}", $"\"body\":{body}",
                $"\"labels\":{labelJson}", "\"merged\":true", "\"merged_at\":\"2026-01-01T00:00:00Z\"", "\"user\":{\"login\":\"dev\"}",
            };
            var names = new[] { "body", "labels", "title", "user", "merged_at", "number" };
            if (shape < names.Length && shape > 0)
            {
                fields.Add($"\"{names[shape]}\":{odd}"); // a duplicate key of another type: the reader takes the last
            }

            return "{" + string.Join(",", fields) + "}";
        });

    private static Gen<string> Map(int number) =>
        Gen.Frequency(
            (6, Text.Select(t => $"pr: {number.ToString(CultureInfo.InvariantCulture)}\nreleasenote:\n  text: {JsonSerializer.Serialize(t, Relaxed)}\n  sigs: [{JsonSerializer.Serialize(t, Relaxed)}]\n")),
            (1, Text.Select(t => $"pr: {number.ToString(CultureInfo.InvariantCulture)}\n{t}\n")),
            (1, Gen.Choose(1, 200).Select(n => $"pr: {number.ToString(CultureInfo.InvariantCulture)}\ndatafields:\n" + string.Concat(Enumerable.Range(1, n).Select(i => new string(' ', 2 * i) + "a:\n")) + new string(' ', 2 * n + 2) + "b: 1\n")),
            (1, Gen.Constant("a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c]\n")));

    private static Gen<string> ReleaseYaml =>
        (from a in Text from b in Text from form in Gen.Elements(0, 0, 0, 0, 1, 2) select (Item1: a, Item2: b, Item3: form)).Select(t => t.Item3 switch
        {
            0 => $"version: v1.0.0\ncodename: {JsonSerializer.Serialize(t.Item1, Relaxed)}\ntheme: {JsonSerializer.Serialize(t.Item2, Relaxed)}\nhighlights:\n  - pr: 1\n  - text: {JsonSerializer.Serialize(t.Item1, Relaxed)}\nquotes:\n  - name: {JsonSerializer.Serialize(t.Item2, Relaxed)}\n    text: x\n",
            1 => $"version: v1.0.0\n{t.Item1}: {t.Item2}\n",
            _ => t.Item1,
        });

    private static Gen<string> Version => Gen.Frequency(
        (4, Gen.Elements("v1.0.0", "1.2.3-rc.1")),
        (1, Gen.Elements("../escape", "..", "a/../../b", "/tmp/comms-abs", "v1.0.0/../../x", "v1\0", " ", "v1.0.0\\..\\x")));

    public sealed record BuildCase(string[] Pulls, string[] Maps, string Release, string Version);

    private static Gen<BuildCase> Cases =>
        from count in Gen.Choose(1, 4)
        from p1 in Pull(1)
        from p2 in Pull(2)
        from p3 in Pull(3)
        from p4 in Pull(4)
        from m1 in Map(1)
        from m2 in Map(2)
        from release in ReleaseYaml
        from version in Version
        select new BuildCase(new[] { p1, p2, p3, p4 }.Take(count).ToArray(), new[] { m1, m2 }.Take(Math.Min(2, count)).ToArray(), release, version);

    /// <summary>Builds one case in a fresh folder and checks the exit code, the messages and where files went.</summary>
    internal static int Check(BuildCase c)
    {
        using var temp = new TempDir();
        var input = Path.Combine(temp.Path, "in");
        var output = Path.Combine(temp.Path, "out");
        Directory.CreateDirectory(Path.Combine(input, "pulls"));
        Directory.CreateDirectory(Path.Combine(input, "maps"));
        for (var i = 0; i < c.Pulls.Length; i++)
        {
            Write(Path.Combine(input, "pulls", $"pull-{i + 1}.json"), c.Pulls[i]);
        }

        for (var i = 0; i < c.Maps.Length; i++)
        {
            Write(Path.Combine(input, "maps", $"pr-{i + 1}-map.yaml"), c.Maps[i]);
        }

        Write(Path.Combine(input, "release.yaml"), c.Release);
        var before = Snapshot(temp.Path);
        var cwd = Snapshot(Directory.GetCurrentDirectory(), recursive: false);

        var result = CommsCli.Run("build", "--pulls", Path.Combine(input, "pulls"), "--maps", Path.Combine(input, "maps"), "--version", c.Version,
            "--release", Path.Combine(input, "release.yaml"), "--out", output);

        Assert.True(result.ExitCode is 0 or 1 or 2, $"exit {result.ExitCode}\n{result.Error}");
        Assert.False(result.Error.Contains("CM9999", StringComparison.Ordinal), result.Error);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal); // no stack trace
        if (result.ExitCode == 2)
        {
            Assert.True(c.Version is not ("v1.0.0" or "1.2.3-rc.1"), "a good version is no usage error:\n" + result.Error);
        }

        var outside = Snapshot(temp.Path).Except(before).Where(f => f != output && !f.StartsWith(output + Path.DirectorySeparatorChar, StringComparison.Ordinal)).ToArray();
        Assert.True(outside.Length == 0, "written outside the output folder: " + string.Join(", ", outside));
        Assert.Equal(cwd, Snapshot(Directory.GetCurrentDirectory(), recursive: false));
        Assert.False(File.Exists("/tmp/comms-abs/CHANGELOG.md"));
        return result.ExitCode;
    }

    private static string[] Snapshot(string folder, bool recursive = true) =>
        Directory.EnumerateFileSystemEntries(folder, "*", recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Build_takes_any_generated_release()
    {
        var exits = new int[3];
        Prop.ForAll(Cases.ToArbitrary(), c => { exits[Outputs.OutputState.InPlace(() => Check(c))]++; }).Check(Seeded(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(8 * Scale).WithQuietOnSuccess(true)));
        output.WriteLine($"exit 0: {exits[0]}, exit 1: {exits[1]}, exit 2: {exits[2]}");
        Assert.Equal(8 * Scale, exits.Sum());
    }

    /// <summary>Inputs that once failed (or came close): the version as a path, an unsafe PR link.</summary>
    public static TheoryData<string> Regressions => new() { "../../escape", "/tmp/comms-abs", "..", "a/b", "v1\0" };

    [Theory]
    [MemberData(nameof(Regressions))]
    public void A_version_that_is_a_path_is_a_usage_error_and_writes_nothing(string version)
    {
        var good = "{\"number\":1,\"title\":\"t\",\"body\":\"```release-note\\r\\nFixed.\\r\\n```\",\"labels\":[{\"name\":\"kind/bug\"}],\"merged\":true,\"user\":{\"login\":\"dev\"},\"html_url\":\"javascript:alert(1)\"}";
        Outputs.OutputState.InPlace(() => Check(new BuildCase([good], [], "version: v1.0.0\n", version)));
        using var temp = new TempDir();
        var pulls = temp.File("pulls/pull-1.json", good);
        var result = CommsCli.Run("build", "--pulls", Path.GetDirectoryName(pulls)!, "--version", version, "--out", Path.Combine(temp.Path, "out"));
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "out")));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--version must be a version", result.Error, StringComparison.Ordinal);
    }
}
