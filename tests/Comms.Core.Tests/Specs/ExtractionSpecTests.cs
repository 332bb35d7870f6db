using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.Core.Extract;
using Comms.Core.Model;

namespace Comms.Core.Tests.Specs;

/// <summary>One test per example of the spec files in this folder: PR body and labels in, note (or skip) out.</summary>
public sealed class ExtractionSpecTests
{
    private static readonly string[] KnownKeys =
    [
        "labels", "crlf", "merged", "author", "pr", "original",
        "skip", "kinds", "sigs", "areas", "flags", "doc", "note-author", "diagnostic",
    ];

    public static TheoryData<string, string> Examples()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in SpecFile.Files())
        {
            foreach (var example in SpecFile.Load(file))
            {
                data.Add(file, example.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example(string file, string example)
    {
        var spec = SpecFile.Load(file).Single(e => e.Name == example);
        Assert.Empty(spec.Keys.Keys.Except(KnownKeys));
        Assert.True(spec.Body is not null, $"{file}({spec.Line}): \"{example}\" has no ````body fence");
        Assert.True(spec.Note is null != (spec.One("skip") is null), $"{file}({spec.Line}): give exactly one of ````note or skip:");

        var diagnostics = new DiagnosticBag();
        var result = Extract(spec, diagnostics);

        Assert.Equal(spec.List("diagnostic"), diagnostics.Items.Select(d => d.Code).Order(StringComparer.Ordinal).ToArray());
        Assert.All(diagnostics.Items, d => Assert.DoesNotContain("Exception", d.Message, StringComparison.Ordinal));
        if (spec.One("skip") is { } skip)
        {
            Assert.Null(result.Note);
            Assert.Equal(Enum.Parse<SkipReason>(skip), result.Skipped);
            return;
        }

        var note = Assert.IsType<ReleaseNote>(result.Note);
        Assert.Null(result.Skipped);
        Assert.Equal(spec.Note, note.Text);
        Assert.Equal(spec.List("kinds"), note.Kinds);
        Assert.Equal(spec.List("sigs"), note.Sigs);
        Assert.Equal(spec.List("areas"), note.Areas);
        Assert.Equal(spec.List("flags"), Flags(note));
        Assert.Equal(spec.All("doc"), note.Documentation.Select(d => $"{d.Description} | {d.Url} | {d.Type}".Trim()).ToArray());
        Assert.Equal(spec.One("note-author") ?? spec.One("author") ?? "alice", note.Author);
        Assert.StartsWith(NoteText.Capitalize(note.Text).Split('\n')[0], note.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_spec_file_has_examples_with_unique_names()
    {
        var files = SpecFile.Files().ToArray();
        Assert.True(files.Length >= 6, $"expected the spec files in {SpecFile.Folder}");
        foreach (var file in files)
        {
            var names = SpecFile.Load(file).Select(e => e.Name).ToArray();
            Assert.NotEmpty(names);
            Assert.Equal(names.Length, names.Distinct(StringComparer.Ordinal).Count());
        }
    }

    [Fact]
    public void Crlf_examples_really_reach_the_extractor_with_crlf()
    {
        var crlf = SpecFile.Files().SelectMany(SpecFile.Load).Where(e => e.One("crlf") == "true").ToArray();
        Assert.NotEmpty(crlf);
        Assert.All(crlf, e => Assert.Contains("\r\n", Pull(e).Body!, StringComparison.Ordinal));
    }

    private static ExtractionResult Extract(SpecExample spec, DiagnosticBag diagnostics)
    {
        var pull = Pull(spec);
        var others = new Dictionary<int, PullRequest> { [pull.Number] = pull };
        if (spec.One("original") is { } original)
        {
            // "original: 100 by bob": the cherry-picked PR is in the same input.
            var parts = original.Split(" by ", 2, StringSplitOptions.TrimEntries);
            var number = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
            others[number] = new PullRequest { Number = number, Author = parts[1], Body = "```release-note\nNONE\n```" };
        }

        return new NoteExtractor(CommsConfig.Kubernetes, diagnostics).Extract(pull, others);
    }

    private static PullRequest Pull(SpecExample spec)
    {
        var body = spec.Body!;
        if (spec.One("crlf") == "true")
        {
            body = body.Replace("\n", "\r\n", StringComparison.Ordinal);
        }

        return new PullRequest
        {
            Number = int.Parse(spec.One("pr") ?? "4242", System.Globalization.CultureInfo.InvariantCulture),
            Title = spec.Name,
            Body = body,
            Labels = spec.List("labels"),
            Author = spec.One("author") ?? "alice",
            Merged = spec.One("merged") != "false",
            Source = spec.File,
        };
    }

    private static string[] Flags(ReleaseNote note)
    {
        var flags = new List<string>();
        if (note.Feature) flags.Add("feature");
        if (note.Duplicate) flags.Add("duplicate");
        if (note.DuplicateKind) flags.Add("duplicate_kind");
        if (note.ActionRequired) flags.Add("action_required");
        if (note.DoNotPublish) flags.Add("do_not_publish");
        return flags.Order(StringComparer.Ordinal).ToArray();
    }
}
