using System.Text;
using Comms.Core.Classify;
using Comms.Core.Compose;
using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.Core.Edit;
using Comms.Core.Json;
using Comms.Core.Markdown;
using Comms.Core.Tests.Safety;
using Comms.TestKit;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Comms.Core.Tests.Fuzz;

/// <summary>
/// Property-based checks over every reader and the Markdown escaper: any input gives a value or diagnostics,
/// never an exception; escaped Markdown renders to allowed HTML only. A few hundred cases each keep this fast;
/// <c>bench/fuzz.sh</c> runs many more. Inputs that once failed are kept in <see cref="Regressions"/>.
/// </summary>
public sealed class ReaderFuzzTests
{
    private static readonly string[] Pieces =
    [
        "{", "}", "[", "]", ":", ",", "\"", "'", "\\", "\\u", "\\ud800", "\\udc00", "\\ud83d\\ude00", "\u202e", "\u2066", "\0", "\ufeff", "\n", "\r\n", "\t",
        "- ", "  ", "---\n", "&a", "*a", "!!binary", "? ", "|", ">", "#", "`", "```", "~~~", "<", "<img src=x onerror=alert(1)>", "<script>",
        "[x](javascript:alert(1))", "![i](https://e.example/i.png)", "{{%", "{{<", "pr", "pr: 1", "number", "body", "labels", "text", "releasenote",
        "datafields", "123", "-1", "1e999", "true", "null", "~", "ö", "😀", "\ud800", "\udfff", "é", "pr_number", "comms", "highlight", "score",
        "blocks", "notes", "limits", "max_depth: 0", "audiences", "id", "rules", "(a+)+$",
    ];

    private static Gen<string> Hostile =>
        Gen.Elements(Pieces).ListOf().Select(list => string.Concat(list));

    private static Gen<string> JsonTree(int depth) =>
        depth <= 0
            ? Gen.OneOf(Gen.Elements("1", "-5", "1.5", "\"x\"", "\"\\ud800\"", "null", "true", "\"<img src=x onerror=1>\"", "\"2024-01-01T00:00:00Z\""))
            : Gen.OneOf(
                JsonTree(0),
                JsonTree(depth - 1).ListOf().Select(items => "[" + string.Join(",", items) + "]"),
                Gen.Elements("number", "body", "labels", "title", "pr_number", "text", "comms", "highlight", "score", "user", "login", "merged_at", "1", "2")
                    .Zip(JsonTree(depth - 1)).ListOf()
                    .Select(fields => "{" + string.Join(",", fields.Select(f => $"\"{f.Item1}\":{f.Item2}")) + "}"));

    private static Gen<string> Nested =>
        Gen.Choose(1, 3000).Zip(Gen.Elements("[", "{\"a\":", "- ", "a:\n", "[a, ")).Select(t => string.Concat(Enumerable.Repeat(t.Item2, t.Item1)));

    /// <summary><c>COMMS_FUZZ_SCALE</c> multiplies the case counts (bench/fuzz.sh sets it for a long run).</summary>
    private static readonly int Scale = int.TryParse(Environment.GetEnvironmentVariable("COMMS_FUZZ_SCALE"), out var scale) && scale > 0 ? scale : 1;

    /// <summary>The CI run replays one fixed seed (the same verdict every run); <c>bench/fuzz.sh</c> draws new inputs every time.</summary>
    private static FsCheck.Config Fast(int tests)
    {
        var config = FsCheck.Config.QuickThrowOnFailure.WithMaxTest(tests * Scale).WithQuietOnSuccess(true);
        return Environment.GetEnvironmentVariable("COMMS_FUZZ_SCALE") is null
            ? config.WithReplay(new FsCheck.Replay(new FsCheck.Rnd(20261201UL, 7919UL), Microsoft.FSharp.Core.FSharpOption<int>.None))
            : config;
    }

    /// <summary>Every reader on one input; throws only when a reader does.</summary>
    internal static void AllReaders(string text)
    {
        var d = new DiagnosticBag();
        using (var doc = JsonInput.Parse(text, "in.json", d))
        {
            if (doc is not null && NotesJsonReader.IsNotesDocument(doc.RootElement))
            {
                NotesJsonReader.Read(doc.RootElement, "in.json", d);
            }

            if (doc is not null && doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object)
            {
                Sources.PullJson.Read(doc.RootElement, "in.json", out _);
            }
        }

        MapReader.Read(text, "map.yaml", d);
        ConfigLoader.Parse(text, "comms.yaml", d);
        ReleaseFileReader.Read(text, "release.yaml", d, "v1.0.0");
        AudienceRulesReader.Read(text, "audiences.yaml", d);
        foreach (var item in d.Items)
        {
            Assert.DoesNotContain("CM9999", item.Code, StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(item.File));
        }
    }

    [Fact]
    public void Readers_take_any_text() =>
        Prop.ForAll(Hostile.ToArbitrary(), text => AllReaders(text)).Check(Fast(300));

    [Fact]
    public void Readers_take_any_JSON_tree() =>
        Prop.ForAll(JsonTree(4).ToArbitrary(), text => AllReaders(text)).Check(Fast(300));

    [Fact]
    public void Readers_take_deep_nesting() =>
        Prop.ForAll(Nested.ToArbitrary(), text => AllReaders(text)).Check(Fast(40));

    [Fact]
    public void Readers_take_any_bytes() =>
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes => AllReaders(IO.InputFile.Decode(bytes))).Check(Fast(200));

    [Fact]
    public void Escaped_Markdown_renders_to_allowed_HTML_only() =>
        Prop.ForAll(Hostile.ToArbitrary(), text =>
        {
            var safe = SafeMarkdownText.EscapeDocument(SafeMarkdownText.Escape(text));
            Assert.Equal([], HtmlAllowList.Problems(safe));
            Assert.DoesNotContain("{{%", safe, StringComparison.Ordinal);
            Assert.DoesNotContain("{{<", safe, StringComparison.Ordinal);
        }).Check(Fast(400));

    /// <summary>
    /// The changelog is composed from escaped entries, piece by piece: escaping the whole document again must change
    /// nothing, and it renders to allowed HTML only, whatever the notes, kinds and security advisories hold.
    /// </summary>
    [Fact]
    public void A_changelog_written_piece_by_piece_is_the_whole_document_escaped() =>
        Prop.ForAll(Hostile.Zip(Gen.Choose(0, 1000)).NonEmptyListOf().ToArbitrary(), cases =>
        {
            var notes = cases.Select((c, i) => ChangelogNote(c.Item1, c.Item2, i)).ToList();
            var pieces = new Core.Changelog.KubernetesChangelog(CommsConfig.Kubernetes, new Core.Changelog.ChangelogOptions()).Render(notes);
            var whole = new Core.Changelog.KubernetesChangelog(CommsConfig.Kubernetes, new Core.Changelog.ChangelogOptions { WholeDocument = true }).Render(notes);
            // Nothing is left for the whole-document pass to do; where the notes hold no raw HTML the bytes are the reference's
            // (raw HTML in an advisory's fields made the reference escape the rest of the document as the HTML block's text).
            if (!cases.Any(c => c.Item1.Contains('<', StringComparison.Ordinal)))
            {
                Assert.Equal(whole, pieces);
            }

            Assert.Equal(SafeMarkdownText.EscapeDocument(pieces), pieces);
            Assert.Equal([], HtmlAllowList.Problems(pieces));
            Assert.DoesNotContain("{{%", pieces, StringComparison.Ordinal);
            Assert.DoesNotContain("{{<", pieces, StringComparison.Ordinal);
        }).Check(Fast(300));

    /// <summary>Entries that read otherwise alone than as a list item (an indent, a blank line then an indent, a fence).</summary>
    [Theory]
    [InlineData("\t[x](javascript:alert(1))")]
    [InlineData("Text\n\n    [x](javascript:alert(1)) <img src=x onerror=1>")]
    [InlineData("```\n<img src=x onerror=1>\n```")]
    [InlineData("Opens {\n\n  ```\n  {.x onclick=alert(1)}")]
    [InlineData("    <script>alert(1)</script>")]
    public void Changelog_entries_are_escaped_as_list_items(string text)
    {
        var notes = new[] { ChangelogNote(text, 1, 0), ChangelogNote("Closes }", 1, 1) };
        var pieces = new Core.Changelog.KubernetesChangelog(CommsConfig.Kubernetes, new Core.Changelog.ChangelogOptions()).Render(notes);
        Assert.Equal(new Core.Changelog.KubernetesChangelog(CommsConfig.Kubernetes, new Core.Changelog.ChangelogOptions { WholeDocument = true }).Render(notes), pieces);
        Assert.Equal([], HtmlAllowList.Problems(pieces));
    }

    private static Core.Model.ReleaseNote ChangelogNote(string text, int shape, int i)
    {
        string[] kinds = ["feature", "bug", "api-change", "<b>odd</b>", "deprecation", "x{y"];
        var number = i + 1;
        var note = new Core.Model.ReleaseNote
        {
            PrNumber = number,
            Text = text,
            Kinds = shape % 5 == 0 ? [] : shape % 7 == 0 ? [kinds[shape % kinds.Length], kinds[(shape / 7) % kinds.Length]] : [kinds[shape % kinds.Length]],
            Sigs = shape % 2 == 0 ? ["node"] : [],
            ActionRequired = shape % 3 == 0,
            Author = "dev",
            AuthorUrl = "https://github.com/dev",
            PrUrl = $"https://github.com/o/r/pull/{number}",
        };
        if (shape % 11 == 0)
        {
            var clean = System.Text.Json.JsonSerializer.Serialize(new string(text.Where(c => !char.IsSurrogate(c)).ToArray()));
            using var cve = System.Text.Json.JsonDocument.Parse($"{{\"id\":\"CVE-2026-{number}\",\"title\":{clean},\"description\":{clean},\"rating\":\"High\",\"score\":7.5}}");
            note = note with { DataFields = new Dictionary<string, System.Text.Json.JsonElement> { ["cve"] = cve.RootElement.Clone() } };
        }

        return note;
    }

    private const string BillionLaughs =
        "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n";

    /// <summary>Inputs that once failed: each stays a test.</summary>
    public static readonly TheoryData<string> Regressions = new()
    {
        "{\"1\":{\"text\":\"\\ud800\"}}",
        "[{\"number\":\"5\"}]",
        "[{\"number\":null}]",
        "{\"1\":{\"comms\":{\"highlight\":{\"score\":\"high\"}}}}",
        "{\"number\":1,\"body\":{\"a\":1}}",
        "{\"number\":1,\"labels\":\"kind/bug\"}",
        "notes:\n  blocks: []\n",
        "notes:\n  max_body_chars: -1\n",
        "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n",
        "pr: 1\ndatafields:\n" + string.Concat(Enumerable.Repeat("[", 50_000)),
        string.Concat(Enumerable.Repeat("[", 100_000)),
        "audiences:\n- id: \"a\\0b\"\n  rules: []\n",
        "audiences:\n- id: x\n  rules:\n  - id: r\n    reason: r\n    text: ['(a+)+$']\n",
        "\ufeffpr: 1\n",
    };

    /// <summary>Markdown inputs that once escaped badly.</summary>
    [Theory]
    [InlineData("x- é\n><'{releasenote\n}<img src=x onerror=alert(1)>")]
    public void Markdown_regressions_render_to_allowed_HTML_only(string text) =>
        Assert.Equal([], HtmlAllowList.Problems(SafeMarkdownText.EscapeDocument(SafeMarkdownText.Escape(text))));

    [Theory]
    [MemberData(nameof(Regressions))]
    public void Regression_inputs_give_diagnostics_not_failures(string text) => AllReaders(text);

    [Fact]
    public void Deep_map_datafields_are_a_located_error()
    {
        var d = new DiagnosticBag();
        MapReader.Read("pr: 1\ndatafields:\n  x: " + string.Concat(Enumerable.Repeat("[", 50_000)), "m.yaml", d);
        var error = Assert.Single(d.Items, i => i.Code == Codes.InputTooDeep);
        Assert.True(error.Line > 0);
    }

    [Fact]
    public void Billion_laughs_is_stopped_before_expansion()
    {
        var d = new DiagnosticBag();
        MapReader.Read(BillionLaughs, "m.yaml", d);
        Assert.Contains(d.Items, i => i.Code == Codes.InputTooLarge);
    }

    [Fact]
    public void A_backtracking_audience_pattern_is_rejected_with_its_place()
    {
        var d = new DiagnosticBag();
        AudienceRulesReader.Read("audiences:\n- id: x\n  rules:\n  - id: r\n    reason: r\n    text: ['(a+)+$']\n", "aud.yaml", d);
        var error = Assert.Single(d.Items, i => i.Code == Codes.RegexTimeout);
        Assert.Equal(6, error.Line);
    }

    [Fact]
    public void A_lone_surrogate_is_read_as_a_replacement_with_a_warning()
    {
        var d = new DiagnosticBag();
        using var doc = JsonInput.Parse("{\"1\":{\"text\":\"a\\ud800b\"}}", "n.json", d);
        var notes = NotesJsonReader.Read(doc!.RootElement, "n.json", d);
        Assert.Equal("a\uFFFDb", Assert.Single(notes).Text);
        Assert.Contains(d.Items, i => i.Severity == Severity.Warning && i.Line == 1 && i.Column > 1);
    }

    [Fact]
    public void A_FIFO_is_refused_without_blocking()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var dir = Directory.CreateTempSubdirectory("comms-fifo-");
        try
        {
            var fifo = Path.Combine(dir.FullName, "token");
            using (var mk = System.Diagnostics.Process.Start("mkfifo", fifo))
            {
                mk.WaitForExit();
            }

            var d = new DiagnosticBag();
            Assert.Null(IO.InputFile.ReadText(fifo, "the token file", 1024, d));
            Assert.Contains("FIFO", Assert.Single(d.Items).Message, StringComparison.Ordinal);
            Assert.Null(IO.InputFile.ReadText("/dev/zero", "the token file", 1024, d));
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
