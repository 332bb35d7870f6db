using System.Reflection;
using System.Text.RegularExpressions;
using Comms.Core.Diagnostics;
using Comms.Core.Model;
using Comms.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Comms.Core.Classify;

/// <summary>
/// Reads audience rules (<c>content/audiences.yaml</c>): audiences, each with rules and the reason for
/// each rule. Without a file the built-in rules (the same format, shipped with Comms) apply.
/// </summary>
public static class AudienceRulesReader
{
    public const string DefaultFileName = "audiences.yaml";

    private static readonly string[] AudienceFields = ["id", "name", "description", "rules", "exclude"];
    private static readonly string[] RuleFields = ["id", "title", "reason", "kinds", "sigs", "areas", "labels", "text", "stability", "action_required", "enhancement"];

    public static IReadOnlyList<Audience> BuiltIn()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Comms.Core.Classify.default-audiences.yaml")!;
        using var reader = new StreamReader(stream);
        return Read(reader.ReadToEnd(), "(built-in audiences.yaml)", new DiagnosticBag());
    }

    /// <summary>The rules in <paramref name="path"/> if it exists, else the built-in ones.</summary>
    public static IReadOnlyList<Audience> Load(string? path, DiagnosticBag diagnostics, IO.InputLimits? limits = null) =>
        path is not null && File.Exists(path)
            ? IO.InputFile.ReadText(path, "the audiences file", (limits ?? IO.InputLimits.Default).MaxTextFileBytes, diagnostics) is { } text ? Read(text, path, diagnostics, limits) : []
            : BuiltIn();

    public static IReadOnlyList<Audience> Read(string text, string file, DiagnosticBag diagnostics, IO.InputLimits? limits = null)
    {
        var documents = YamlFile.Load(text, file, diagnostics, limits);
        if (documents is null || documents.Count == 0)
        {
            return [];
        }

        var reader = new YamlReader(file, diagnostics);
        var root = reader.Mapping(documents[0].RootNode, "the audiences file", ["audiences"]);
        if (root is null || !root.TryGetValue("audiences", out var list))
        {
            return [];
        }

        if (list is not YamlSequenceNode sequence)
        {
            reader.Error(Codes.MapWrongType, "\"audiences\" must be a list of audiences", list);
            return [];
        }

        var audiences = new List<Audience>();
        foreach (var node in sequence.Children)
        {
            var fields = reader.Mapping(node, "an audience", AudienceFields);
            var id = fields is not null && fields.TryGetValue("id", out var idNode) ? reader.String(idNode, "id") : null;
            if (fields is null || string.IsNullOrWhiteSpace(id))
            {
                reader.Error(Codes.MapMissingPr, "an audience needs an \"id\"", node);
                continue;
            }

            if (!SafeName.IsValid(id))
            {
                reader.Error(Codes.NameInvalid, $"audience id \"{id}\" must be {SafeName.Rule} (it names the brief-<id>.md file and the site's pages)", fields["id"]);
                continue;
            }

            if (audiences.Any(a => string.Equals(a.Id, id, StringComparison.Ordinal)))
            {
                reader.Error(Codes.NameInvalid, $"audience id \"{id}\" is used twice; each audience needs its own id", fields["id"]);
                continue;
            }

            var rules = fields.TryGetValue("rules", out var rulesNode) && rulesNode is YamlSequenceNode ruleList
                ? ruleList.Children.Select(r => ReadRule(r, id, reader)).OfType<AudienceRule>().ToArray()
                : [];
            var exclude = fields.TryGetValue("exclude", out var excludeNode) && excludeNode is YamlSequenceNode excludeList
                ? excludeList.Children.Select(r => ReadRule(r, id, reader)).OfType<AudienceRule>().ToArray()
                : [];
            audiences.Add(new Audience(id,
                fields.TryGetValue("name", out var n) ? reader.String(n, "name") ?? id : id,
                fields.TryGetValue("description", out var d) ? reader.String(d, "description") ?? string.Empty : string.Empty,
                rules) { Exclude = exclude });
        }

        return audiences;
    }

    private static AudienceRule? ReadRule(YamlNode node, string audience, YamlReader reader)
    {
        var fields = reader.Mapping(node, $"a rule of audience \"{audience}\"", RuleFields);
        if (fields is null)
        {
            return null;
        }

        var id = fields.TryGetValue("id", out var idNode) ? reader.String(idNode, "id") : null;
        var reason = fields.TryGetValue("reason", out var reasonNode) ? reader.String(reasonNode, "reason") : null;
        if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(reason))
        {
            reader.Error(Codes.MapMissingPr, "every rule needs an \"id\" and a \"reason\" (why the rule exists; readers see it)", node);
            return null;
        }

        IReadOnlyList<string> List(string name) =>
            fields.TryGetValue(name, out var value) ? reader.Strings(value, name) ?? [] : [];

        var text = new List<Regex>();
        foreach (var pattern in List("text"))
        {
            try
            {
                var regex = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(250));
                if (Backtracks(regex))
                {
                    reader.Error(Codes.RegexTimeout,
                        $"rule \"{id}\": \"{pattern}\" takes too long on a short probe text (nested repetition such as (a+)+ backtracks without end); simplify it",
                        fields["text"]);
                    continue;
                }

                // Linear time whatever the text where the engine allows the pattern (the same matches); else backtracking with its timeout.
                text.Add(Linear(pattern) ?? regex);
            }
            catch (ArgumentException e)
            {
                reader.Error(Codes.MapWrongType, $"rule \"{id}\": \"{pattern}\" is not a valid pattern: {e.Message}", fields["text"]);
            }
        }

        return new AudienceRule(id, reason)
        {
            Kinds = List("kinds"),
            Sigs = fields.TryGetValue("sigs", out var sigs) ? reader.SigKeys(sigs, "sigs") ?? [] : [],
            Areas = List("areas"),
            Labels = List("labels"),
            Text = text,
            Stability = List("stability"),
            ActionRequired = fields.TryGetValue("action_required", out var ar) ? reader.Bool(ar, "action_required") : null,
            Enhancement = fields.TryGetValue("enhancement", out var en) ? reader.Bool(en, "enhancement") : null,
            Title = fields.TryGetValue("title", out var title) ? reader.String(title, "title") : null,
        };
    }

    private static readonly string[] Probes =
    [
        new string('a', 40) + "!", new string('a', 40) + "\n", new string('1', 40) + "x", new string(' ', 40) + "x", string.Concat(Enumerable.Repeat("ab", 20)) + "!",
        new string('x', 40) + "@", string.Concat(Enumerable.Repeat("a.", 20)) + "!", new string('-', 40) + "x",
    ];

    /// <summary>
    /// The pattern with <see cref="RegexOptions.NonBacktracking"/> (a DFA: linear in the text), or null when it uses what that
    /// engine does not support (backreferences, lookarounds, atomic groups); those keep the backtracking engine, its probe and timeout.
    /// </summary>
    private static Regex? Linear(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>True when the pattern times out on one of a few short texts built to make backtracking patterns explode.</summary>
    private static bool Backtracks(Regex regex)
    {
        foreach (var probe in Probes)
        {
            try
            {
                regex.IsMatch(probe);
            }
            catch (RegexMatchTimeoutException)
            {
                return true;
            }
        }

        return false;
    }
}
