using System.Text;
using System.Text.RegularExpressions;
using Comms.Core.Diagnostics;
using Comms.TestKit;
using Xunit;

namespace Comms.Templates.Tests;

/// <summary>
/// Every sentence a reader of the drafts sees comes from the theme (templates and <c>locales/en.yaml</c>): the C# of the
/// drafts stage keeps facts, choices and formatting. Messages to the person running the tool (diagnostics), regular
/// expressions that read English input, and timing labels are not draft text.
/// </summary>
public sealed partial class DraftsWordingTests
{
    /// <summary>Two or more words of letters in a row: "Now stable", "This work was done as part of".</summary>
    [GeneratedRegex(@"\b[A-Za-z][a-z']+(?: [A-Za-z][a-z']*)+\b")]
    private static partial Regex Words();

    private static readonly string[] NotDraftText =
    [
        "diagnostics.", "Diagnostics.", ".Error(", ".Warning(", "Timings.Mark(", "throw new", "GeneratedRegex", "new Regex(", "Regex.Replace(",
        "Regex.Match(", "Regex.IsMatch(", "Refused =", "UnconditionalSuppressMessage", "InputFile.ReadText(", "Exception(",
    ];

    private static IEnumerable<string> Files() =>
        new[] { "src/Comms.Templates/Drafts", "src/Comms.Templates" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(Repo.Root, folder), "*.cs", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
            .Select(file => Path.GetRelativePath(Repo.Root, file).Replace('\\', '/'));

    public static TheoryData<string> DraftsCode() => new(Files());

    [Theory]
    [MemberData(nameof(DraftsCode))]
    public void The_drafts_stage_builds_no_English_sentence_in_code(string file)
    {
        var found = Sentences(File.ReadAllText(Path.Combine(Repo.Root, file))).ToArray();
        Assert.True(found.Length == 0, $"{file} builds draft text in C# (move it to themes/default/locales/en.yaml or a template):\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_scan_finds_a_sentence_built_in_code_and_skips_diagnostics_and_comments()
    {
        const string Code = """
            // A comment with several words in it.
            var a = "Now stable and ready for production.";
            var b = $"This work was done as part of {what}.";
            diagnostics.Warning(Codes.X, $"the press brief has {words} words", file);
            var c = "yyyy-MM-dd";
            var d = @"\b(?:instead|in favour of)\b";
            """;
        var found = Sentences(Code).ToArray();
        Assert.True(found.Length == 2, string.Join("\n", found));
        Assert.Contains(found, f => f.Contains("Now stable", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Contains("This work was done", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_phrase_the_drafts_stage_asks_for_is_in_the_English_table()
    {
        var english = Phrases.English;
        var keys = english.Keys.ToHashSet(StringComparer.Ordinal);
        var asked = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Files())
        {
            foreach (Match m in Regex.Matches(File.ReadAllText(Path.Combine(Repo.Root, file)), @"\b(?:p|phrases|Phrases\.English)\.(?:Text|Format)\(""([a-z_.]+)""", RegexOptions.None, TimeSpan.FromSeconds(5)))
            {
                asked.Add(m.Groups[1].Value);
            }
        }

        Assert.NotEmpty(asked);
        // A key built from a prefix ("press.stage." + stage) needs at least one phrase under it.
        Assert.All(asked, k => Assert.True(k.EndsWith('.') ? keys.Any(key => key.StartsWith(k, StringComparison.Ordinal)) : keys.Contains(k), k));
    }

    /// <summary>The string literals of the code outside comments and non-draft statements that hold two or more words.</summary>
    private static IEnumerable<string> Sentences(string code)
    {
        foreach (var (literal, statement) in Literals(code))
        {
            // A regular expression (groups, word boundaries) reads text; it does not write any.
            if (NotDraftText.Any(marker => statement.Contains(marker, StringComparison.Ordinal)) || literal.Contains("(?", StringComparison.Ordinal) || literal.Contains(@"\b", StringComparison.Ordinal))
            {
                continue;
            }

            if (Words().Match(literal) is { Success: true } m)
            {
                yield return $"\"{literal}\" (\"{m.Value}\")";
            }
        }
    }

    /// <summary>A small C# lexer: each string literal's text (interpolation holes left out) and the statement it is in.</summary>
    private static List<(string Literal, string Statement)> Literals(string code)
    {
        var found = new List<(string Literal, int Start)>();
        var boundaries = new List<int> { 0 };
        var i = 0;
        while (i < code.Length)
        {
            var c = code[i];
            if (c == '/' && i + 1 < code.Length && code[i + 1] == '/')
            {
                i = code.IndexOf('\n', i) is var end and >= 0 ? end : code.Length;
                continue;
            }

            if (c == '/' && i + 1 < code.Length && code[i + 1] == '*')
            {
                i = code.IndexOf("*/", i + 2, StringComparison.Ordinal) is var end and >= 0 ? end + 2 : code.Length;
                continue;
            }

            if (c == '\'' && i + 2 < code.Length)
            {
                // A char literal: '"' must not open a string.
                var end = code.IndexOf('\'', i + (code[i + 1] == '\\' ? 3 : 2));
                i = end >= 0 && end - i <= 8 ? end + 1 : i + 1;
                continue;
            }

            if (c is ';' or '{' or '}')
            {
                boundaries.Add(i);
                i++;
                continue;
            }

            var prefix = 0;
            var interpolated = false;
            var verbatim = false;
            while (i + prefix < code.Length && code[i + prefix] is '$' or '@')
            {
                interpolated |= code[i + prefix] == '$';
                verbatim |= code[i + prefix] == '@';
                prefix++;
            }

            if (i + prefix >= code.Length || code[i + prefix] != '"')
            {
                i++;
                continue;
            }

            var start = i;
            i += prefix;
            var raw = i + 2 < code.Length && code[i + 1] == '"' && code[i + 2] == '"';
            var text = new StringBuilder();
            if (raw)
            {
                var quotes = 0;
                while (i < code.Length && code[i] == '"')
                {
                    quotes++;
                    i++;
                }

                var close = code.IndexOf(new string('"', quotes), i, StringComparison.Ordinal);
                text.Append(code, i, (close < 0 ? code.Length : close) - i);
                i = close < 0 ? code.Length : close + quotes;
            }
            else
            {
                i++;
                var depth = 0;
                while (i < code.Length)
                {
                    var ch = code[i];
                    if (depth == 0 && ch == '"')
                    {
                        if (verbatim && i + 1 < code.Length && code[i + 1] == '"')
                        {
                            text.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    if (!verbatim && ch == '\\' && depth == 0)
                    {
                        text.Append(' ');
                        i += 2;
                        continue;
                    }

                    if (interpolated && ch == '{')
                    {
                        if (depth == 0 && i + 1 < code.Length && code[i + 1] == '{')
                        {
                            i += 2;
                            continue;
                        }

                        depth++;
                        text.Append(depth == 1 ? " {} " : string.Empty);
                        i++;
                        continue;
                    }

                    if (interpolated && ch == '}' && depth > 0)
                    {
                        depth--;
                        i++;
                        continue;
                    }

                    if (depth > 0 && ch == '"')
                    {
                        // A string inside a hole: skipped whole.
                        var end = code.IndexOf('"', i + 1);
                        i = end < 0 ? code.Length : end + 1;
                        continue;
                    }

                    if (depth == 0)
                    {
                        text.Append(ch);
                    }

                    i++;
                }
            }

            found.Add((text.ToString(), start));
        }

        boundaries.Add(code.Length);
        var result = new List<(string, string)>();
        foreach (var (literal, start) in found)
        {
            var before = boundaries.Where(b => b < start).DefaultIfEmpty(0).Max();
            var after = boundaries.Where(b => b > start).DefaultIfEmpty(code.Length).Min();
            // A statement split over lines: from the boundary before the literal to the one after it.
            result.Add((literal, code[before..after]));
        }

        return result;
    }

    [Fact]
    public void A_project_rewords_a_phrase_in_its_own_theme_and_a_wrong_placeholder_is_located()
    {
        using var temp = new TempDir();
        var theme = Path.Combine(temp.Path, "theme");
        Directory.CreateDirectory(Path.Combine(theme, Phrases.Folder));
        var table = Path.Combine(theme, Phrases.Folder, "en.yaml");
        File.WriteAllText(table, "press:\n  stage:\n    stable: \"Generally available.\"\n");
        var bag = new DiagnosticBag();
        var phrases = Phrases.Load(new Theme([theme, Path.Combine(AppContext.BaseDirectory, "themes", "default")]), "en", bag);
        Assert.NotNull(phrases);
        Assert.False(bag.HasErrors);
        Assert.Equal("Generally available.", phrases.Text("press.stage.stable"));
        Assert.Equal(Phrases.English.Text("press.stage.beta"), phrases.Text("press.stage.beta"));

        File.WriteAllText(table, "enhancements:\n  credit:\n    led: \"Part of {what}, led by {leader}.\"\n");
        bag = new DiagnosticBag();
        Assert.Null(Phrases.Load(new Theme([theme, Path.Combine(AppContext.BaseDirectory, "themes", "default")]), "en", bag));
        var error = Assert.Single(bag.Items, d => d.Severity == Severity.Error);
        Assert.Equal("CM7210", error.Code);
        Assert.Equal(table, error.File);
        Assert.Equal(3, error.Line);
        Assert.Equal(10 + 1 + "Part of {what}, led by ".Length, error.Column); // the opening quote is in column 10
        Assert.Contains("{leader}", error.Message, StringComparison.Ordinal);

        File.WriteAllText(table, "format:\n  date: \"MMMM d, yyyy HH:mm\"\npress:\n  stagee: x\n");
        bag = new DiagnosticBag();
        Assert.Null(Phrases.Load(new Theme([theme, Path.Combine(AppContext.BaseDirectory, "themes", "default")]), "en", bag));
        Assert.Contains(bag.Items, d => d.Code == "CM7210" && d.Line == 2 && d.Message.Contains("format.date", StringComparison.Ordinal));
        Assert.Contains(bag.Items, d => d.Code == "CM7211" && d.Severity == Severity.Warning && d.Line == 4);
    }

    [Fact]
    public void A_translated_table_falls_back_to_English_once_per_key_and_keeps_every_placeholder()
    {
        using var temp = new TempDir();
        var theme = Path.Combine(temp.Path, "theme");
        Directory.CreateDirectory(Path.Combine(theme, Phrases.Folder));
        var table = Path.Combine(theme, Phrases.Folder, "nl.yaml");
        var folders = new Theme([theme, Path.Combine(AppContext.BaseDirectory, "themes", "default")]);
        File.WriteAllText(table, "press:\n  stage:\n    stable: \"Nu stabiel.\"\n");
        var bag = new DiagnosticBag();
        var dutch = Phrases.Load(folders, "nl", bag);
        Assert.NotNull(dutch);
        Assert.Equal("Nu stabiel.", dutch.Text("press.stage.stable"));
        Assert.Equal(Phrases.English.Text("press.stage.beta"), dutch.Text("press.stage.beta"));
        Assert.Equal(Phrases.English.Text("press.stage.beta"), dutch.Text("press.stage.beta"));
        var missing = Assert.Single(bag.Items, d => d.Code == "CM7212");
        Assert.Contains("press.stage.beta", missing.Message, StringComparison.Ordinal);

        File.WriteAllText(table, "enhancements:\n  credit:\n    led: \"Onderdeel van {what}.\"\n");
        bag = new DiagnosticBag();
        Assert.Null(Phrases.Load(folders, "nl", bag));
        var error = Assert.Single(bag.Items, d => d.Severity == Severity.Error);
        Assert.Equal(("CM7210", 3), (error.Code, error.Line));
        Assert.Contains("{lead}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_and_lists_read_as_people_write_them()
    {
        var p = Phrases.English;
        Assert.Equal("no tracked enhancements", p.Text("enhancements.counts.none"));
        Assert.Equal("1 enhancement: 1 graduating to stable", p.Format("enhancements.counts.line", ("total", 1), ("parts", new[] { p.Format("enhancements.counts.stable", ("n", 1)) })));
        Assert.Equal("3 special interest groups", p.Format("groups.sigs", ("n", 3)));
        Assert.Equal("no groups", p.Format("groups.other", ("n", 0)));
        Assert.Equal("A, B and C", p.Join(["A", "", "B", "C"]));
        Assert.Equal("12 enhancements: nine graduating to stable, 12 in beta and zero new in alpha",
            p.Format("press.what.enhancements", ("total", 12), ("stages", p.Format("press.what.stages", ("stable", 9), ("beta", 12), ("alpha", 0)))));
    }
}
