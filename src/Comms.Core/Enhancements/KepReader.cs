using System.Text.RegularExpressions;
using Comms.Core.Diagnostics;
using Comms.Core.Model;
using Comms.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Comms.Core.Enhancements;

/// <summary>
/// Reads a folder of Kubernetes Enhancement Proposals (<c>keps/&lt;sig&gt;/&lt;N&gt;-&lt;slug&gt;/kep.yaml</c> and
/// <c>README.md</c>): a KEP is in release <c>v1.X</c> at the stage whose <c>milestone.&lt;stage&gt;</c> is
/// <c>v1.X</c>; its Summary section, as plain text, says what it does. Every value is read as a string
/// (some KEPs hold dates a strict reader rejects). A KEP that cannot be read is a warning, not a stop:
/// the folder is the authors' data, not the release team's.
/// </summary>
public static partial class KepReader
{
    public const string DefaultRepoUrl = "https://github.com/kubernetes/enhancements";

    [GeneratedRegex(@"^(\d+)-")]
    private static partial Regex Folder();

    // The template's own title, left in by some authors.
    [GeneratedRegex(@"^(KEP Template|Your short, descriptive title)$", RegexOptions.IgnoreCase)]
    private static partial Regex Placeholder();

    /// <summary>"PSA block host field in probes" from the folder <c>4940-psa-block-host-field-in-probes</c>.</summary>
    private static string FromSlug(string folder)
    {
        var words = Folder().Replace(folder, string.Empty).Replace('-', ' ').Trim();
        return words.Length == 0 ? folder : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <param name="folder">The enhancements repository (holding <c>keps/</c>) or its <c>keps/</c> folder.</param>
    /// <param name="version">The release, e.g. <c>v1.34.0</c>; its milestone is <c>v1.34</c>.</param>
    /// <param name="repoUrl">Where the KEPs live on the web, for the tracking-issue and proposal links.</param>
    public static IReadOnlyList<Enhancement> Read(string folder, string version, DiagnosticBag diagnostics, string repoUrl = DefaultRepoUrl)
    {
        var keps = Directory.Exists(Path.Combine(folder, "keps")) ? Path.Combine(folder, "keps") : folder;
        if (!Directory.Exists(keps))
        {
            diagnostics.Error(EnhancementCodes.SourceMissing, "the enhancements folder does not exist (it should hold keps/<sig>/<N>-<slug>/kep.yaml)", folder);
            return [];
        }

        if (Milestone(version) is not { } milestone)
        {
            diagnostics.Error(EnhancementCodes.SourceMissing, $"the release {version} has no major.minor milestone to look up in the KEPs", folder);
            return [];
        }

        var found = new List<Enhancement>();
        foreach (var file in Directory.EnumerateFiles(keps, "kep.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (ReadOne(file, keps, milestone, repoUrl.TrimEnd('/'), diagnostics) is { } enhancement)
            {
                found.Add(enhancement);
            }
        }

        if (found.Count == 0)
        {
            diagnostics.Warning(EnhancementCodes.NoneInRelease, $"no KEP has a milestone of {milestone}; the drafts count changes, not enhancements", keps);
        }

        return found.GroupBy(e => e.Id, StringComparer.Ordinal).Select(g => g.First()).OrderBy(e => e.Id, IdOrder.Instance).ToArray();
    }

    /// <summary><c>v1.34</c> for <c>v1.34.0</c>, <c>1.34.2</c> or <c>v1.34.0-rc.1</c>.</summary>
    public static string? Milestone(string version) =>
        SemVersion.TryParse(version, out var v) && v.Numbers.Count >= 2
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"v{v.Numbers[0]}.{v.Numbers[1]}")
            : null;

    private static Enhancement? ReadOne(string file, string keps, string milestone, string repoUrl, DiagnosticBag diagnostics)
    {
        var directory = Path.GetDirectoryName(file)!;
        var relative = Path.GetRelativePath(keps, directory).Replace('\\', '/');
        string text;
        try
        {
            var info = new FileInfo(file);
            if (info.Length > 1_000_000)
            {
                diagnostics.Warning(EnhancementCodes.KepUnreadable, "kep.yaml is larger than 1 MB; skipped", file, 1, 1);
                return null;
            }

            text = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Warning(EnhancementCodes.KepUnreadable, $"cannot read kep.yaml: {e.Message}", file);
            return null;
        }

        var bag = new DiagnosticBag();
        var documents = YamlFile.Load(text, file, bag);
        if (documents is null || documents.Count == 0 || documents[0].RootNode is not YamlMappingNode root)
        {
            foreach (var problem in bag.Items)
            {
                diagnostics.Warning(EnhancementCodes.KepUnreadable, $"kep.yaml skipped: {problem.Message}", problem.File, problem.Line, problem.Column);
            }

            return null;
        }

        var stages = Stages.All
            .Select(stage => (Stage: stage, Milestone: Scalar(Child(root, "milestone"), stage)))
            .Where(s => s.Milestone is not null)
            .ToArray();
        var current = stages.Where(s => string.Equals(s.Milestone, milestone, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(s => Stages.Rank(s.Stage)).Select(s => s.Stage).FirstOrDefault();
        if (current is null)
        {
            return null;
        }

        var previous = stages.Where(s => Before(s.Milestone!, milestone))
            .OrderByDescending(s => s.Milestone!, Model.VersionOrder.Instance).ThenByDescending(s => Stages.Rank(s.Stage))
            .Select(s => s.Stage).FirstOrDefault();
        var number = Scalar(root, "kep-number") ?? (Folder().Match(Path.GetFileName(directory)) is { Success: true } m ? m.Groups[1].Value : null);
        var title = Scalar(root, "title");
        if (number is null || string.IsNullOrWhiteSpace(title))
        {
            diagnostics.Warning(EnhancementCodes.KepUnreadable, "kep.yaml has no kep-number or title; skipped", file, 1, 1);
            return null;
        }

        var readme = Path.Combine(directory, "README.md");
        return new Enhancement
        {
            Id = number.Trim(),
            Title = Placeholder().IsMatch(title.Trim()) ? FromSlug(Path.GetFileName(directory)) : title.Trim().TrimEnd('.'),
            Stage = current,
            PreviousStage = previous,
            OwningSig = SigKey(Scalar(root, "owning-sig")),
            ParticipatingSigs = Strings(Child(root, "participating-sigs")).Select(SigKey).OfType<string>().Distinct(StringComparer.Ordinal).ToArray(),
            FeatureGates = FeatureGates(Child(root, "feature-gates")),
            Summary = File.Exists(readme) ? KepSummary.FromReadme(SafeRead(readme)) : null,
            TrackingUrl = $"{repoUrl}/issues/{number.Trim()}",
            ProposalUrl = $"{repoUrl}/tree/master/keps/{relative}",
            Source = "kep",
        };
    }

    private static string SafeRead(string path)
    {
        try
        {
            return new FileInfo(path).Length > 2_000_000 ? string.Empty : File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    private static bool Before(string milestone, string current) =>
        SemVersion.TryParse(milestone, out var a) && SemVersion.TryParse(current, out var b) && a < b;

    /// <summary><c>node</c> for <c>sig-node</c>; SIG keys as notes carry them.</summary>
    public static string? SigKey(string? sig)
    {
        var key = sig?.Trim().ToLowerInvariant();
        return string.IsNullOrEmpty(key) ? null : key.StartsWith("sig-", StringComparison.Ordinal) ? key[4..] : key;
    }

    private static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string? Scalar(YamlNode? node, string key) =>
        Child(node, key) is YamlScalarNode { Value: { Length: > 0 } value } ? value : null;

    private static IEnumerable<string> Strings(YamlNode? node) =>
        node is YamlSequenceNode list ? list.Children.OfType<YamlScalarNode>().Select(s => s.Value).OfType<string>() : [];

    private static string[] FeatureGates(YamlNode? node) =>
        node is YamlSequenceNode list
            ? list.Children.Select(c => c is YamlScalarNode s ? s.Value : Scalar(c, "name"))
                .OfType<string>().Select(g => g.Trim()).Where(g => g.Length > 0).Distinct(StringComparer.Ordinal).ToArray()
            : [];
}

/// <summary>Orders ids numerically when they are numbers (KEP 45 before KEP 1287), else by text.</summary>
public sealed class IdOrder : IComparer<string>
{
    public static readonly IdOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        var nx = long.TryParse(x, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var a);
        var ny = long.TryParse(y, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var b);
        return (nx, ny) switch
        {
            (true, true) => a.CompareTo(b),
            (true, false) => -1,
            (false, true) => 1,
            _ => string.CompareOrdinal(x, y),
        };
    }
}

/// <summary>Diagnostic codes of enhancements (CM7300-CM7399). Never renumber.</summary>
public static class EnhancementCodes
{
    public const string SourceMissing = "CM7301";
    public const string KepUnreadable = "CM7302";
    public const string NoneInRelease = "CM7303";
    public const string FileInvalid = "CM7304";
    public const string StageDisagrees = "CM7305";
    public const string SpotlightUnknown = "CM7306";
    public const string GitHubFailed = "CM7307";
}
