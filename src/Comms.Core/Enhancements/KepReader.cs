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

    /// <summary>Statuses of a proposal that cannot ship in a release (KEP <c>status:</c>); the rest can.</summary>
    public static readonly IReadOnlyList<string> NotShipping = ["provisional", "deferred", "rejected", "withdrawn", "replaced", "superseded"];

    private static readonly string[] KnownStatuses = ["provisional", "implementable", "implemented", "deferred", "rejected", "withdrawn", "replaced", "superseded", "removed"];

    /// <summary>The folders walked at most this deep below <c>keps/</c> (they are two deep; links are never followed).</summary>
    private const int MaxDepth = 8;

    /// <param name="folder">The enhancements repository (holding <c>keps/</c>) or its <c>keps/</c> folder.</param>
    /// <param name="version">The release, e.g. <c>v1.34.0</c>; its milestone is <c>v1.34</c>.</param>
    /// <param name="repoUrl">Where the KEPs live on the web, for the tracking-issue and proposal links.</param>
    /// <param name="limits">Bounds of each file read (the text limit of comms.yaml).</param>
    public static IReadOnlyList<Enhancement> Read(string folder, string version, DiagnosticBag diagnostics, string repoUrl = DefaultRepoUrl, IO.InputLimits? limits = null) =>
        ReadSet(folder, version, diagnostics, repoUrl, limits).Enhancements;

    /// <summary>The KEPs of the release and, apart, those whose milestone names it but whose status cannot ship.</summary>
    public static EnhancementSet ReadSet(string folder, string version, DiagnosticBag diagnostics, string repoUrl = DefaultRepoUrl, IO.InputLimits? limits = null, IReadOnlyList<string>? notShipping = null)
    {
        var keps = Directory.Exists(Path.Combine(folder, "keps")) ? Path.Combine(folder, "keps") : folder;
        if (!Directory.Exists(keps))
        {
            diagnostics.Error(EnhancementCodes.SourceMissing, "the enhancements folder does not exist (it should hold keps/<sig>/<N>-<slug>/kep.yaml)", folder);
            return EnhancementSet.Empty;
        }

        if (Milestone(version) is not { } milestone)
        {
            diagnostics.Error(EnhancementCodes.SourceMissing, $"the release {version} has no major.minor milestone to look up in the KEPs", folder);
            return EnhancementSet.Empty;
        }

        var maxBytes = (limits ?? IO.InputLimits.Default).MaxTextFileBytes;
        var found = new List<Enhancement>();
        var excluded = new List<ExcludedEnhancement>();
        var others = new List<Enhancement>();
        var stop = (notShipping ?? NotShipping).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var file in KepFiles(keps, diagnostics).Order(StringComparer.Ordinal))
        {
            if (ReadOne(file, keps, milestone, repoUrl.TrimEnd('/'), maxBytes, diagnostics, catalog: true, out var inRelease) is { } enhancement)
            {
                if (!inRelease)
                {
                    others.Add(enhancement);
                    continue;
                }

                if (enhancement.Status is { } status && stop.Contains(status))
                {
                    excluded.Add(new ExcludedEnhancement(enhancement.Id, enhancement.Title, enhancement.Stage,
                        $"its proposal's status is {status}: a {status} proposal does not ship, whatever its milestone says", "kep", enhancement));
                    continue;
                }

                found.Add(enhancement);
            }
        }

        if (found.Count == 0)
        {
            diagnostics.Warning(EnhancementCodes.NoneInRelease, $"no KEP has a milestone of {milestone}; the drafts count changes, not enhancements", keps);
        }

        return new EnhancementSet(
            found.GroupBy(e => e.Id, StringComparer.Ordinal).Select(g => g.First()).OrderBy(e => e.Id, IdOrder.Instance).ToArray(),
            excluded.GroupBy(e => e.Id, StringComparer.Ordinal).Select(g => g.First()).OrderBy(e => e.Id, IdOrder.Instance).ToArray())
        {
            Catalog = others.GroupBy(e => e.Id, StringComparer.Ordinal).Select(g => g.First()).OrderBy(e => e.Id, IdOrder.Instance).ToArray(),
        };
    }

    /// <summary>
    /// Every <c>kep.yaml</c> under <paramref name="root"/> that is a regular file inside it. Links are not followed
    /// (a folder is never walked through one; a linked kep.yaml is read only when it is a regular file inside the
    /// folder); anything else named kep.yaml (a device, a FIFO, a link out) is a warning naming it.
    /// </summary>
    private static IEnumerable<string> KepFiles(string root, DiagnosticBag diagnostics)
    {
        var real = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var pending = new Stack<(string Folder, int Depth)>();
        pending.Push((root, 0));
        while (pending.Count > 0)
        {
            var (folder, depth) = pending.Pop();
            FileSystemInfo[] entries;
            try
            {
                entries = new DirectoryInfo(folder).GetFileSystemInfos();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Warning(EnhancementCodes.KepUnreadable, $"cannot list the folder: {e.Message}", folder);
                continue;
            }

            foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                var link = entry.LinkTarget is not null;
                if (entry is DirectoryInfo)
                {
                    if (link)
                    {
                        diagnostics.Warning(EnhancementCodes.KepUnreadable, "a linked folder in the KEPs is not followed", entry.FullName);
                    }
                    else if (depth < MaxDepth)
                    {
                        pending.Push((entry.FullName, depth + 1));
                    }

                    continue;
                }

                if (!string.Equals(entry.Name, "kep.yaml", StringComparison.Ordinal))
                {
                    continue;
                }

                if (SafeFile(entry.FullName, real, diagnostics, "kep.yaml"))
                {
                    yield return entry.FullName;
                }
            }
        }
    }

    /// <summary>Whether a file of the KEPs may be read: a regular file whose real path is inside the folder; else a warning naming it.</summary>
    private static bool SafeFile(string path, string realRoot, DiagnosticBag diagnostics, string what)
    {
        string target;
        try
        {
            target = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Warning(EnhancementCodes.KepUnreadable, $"{what} skipped: its link cannot be followed ({e.Message})", path);
            return false;
        }

        if (!target.StartsWith(realRoot, StringComparison.Ordinal))
        {
            diagnostics.Warning(EnhancementCodes.KepUnreadable, $"{what} skipped: it links out of the KEP folder (to {target})", path);
            return false;
        }

        if (IO.InputFile.Kind(path) is { } kind)
        {
            diagnostics.Warning(EnhancementCodes.KepUnreadable, $"{what} skipped: it is {kind}, not a regular file", path);
            return false;
        }

        return true;
    }

    /// <summary>
    /// A KEP's status as one of the known words: comments and notes after it left out ("implemented (alpha)"),
    /// a misspelling a few letters off a known status read as it ("imlpemented", as unknown keys are matched), the template's
    /// "provisional|implementable|…" read as unset (null).
    /// </summary>
    public static string? NormalizeStatus(string? raw)
    {
        var value = raw?.Split('#')[0].Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(value) || value.Contains('|', StringComparison.Ordinal))
        {
            return null;
        }

        var word = new string(value.TakeWhile(char.IsLetter).ToArray());
        if (KnownStatuses.Contains(word, StringComparer.Ordinal))
        {
            return word;
        }

        return Yaml.YamlReader.Closest(word, KnownStatuses) ?? (word.Length > 0 ? word : null);
    }

    /// <summary>The summary of a proposal read without its text (one of <see cref="EnhancementSet.Catalog"/>), read now.</summary>
    public static Enhancement WithSummary(Enhancement enhancement, long maxBytes, DiagnosticBag diagnostics)
    {
        if (enhancement.ReadmePath is not { } readme || !File.Exists(readme))
        {
            return enhancement;
        }

        var text = ReadBounded(readme, "README.md", maxBytes, diagnostics);
        return enhancement with
        {
            ReadmePath = null,
            Summary = text is null ? enhancement.Summary : KepSummary.FromReadme(text),
            GoingAway = text is null ? null : KepSummary.GoingAway(text, KepSummary.FromReadme(text))?.What,
            GoingAwayWhen = text is null ? null : KepSummary.GoingAway(text, KepSummary.FromReadme(text))?.When,
            Facts = enhancement.Facts is { } f ? f with { TextChars = text?.Length ?? 0 } : null,
        };
    }

    /// <summary>
    /// A milestone in the one spelling releases are compared in: <c>v1.34</c> for <c>v1.34</c>, <c>1.34</c>,
    /// <c>"1.34"</c>, <c>v1.34.0</c> or <c>V1.34</c>; null for anything else (empty, template text).
    /// </summary>
    public static string? NormalizeMilestone(string? raw)
    {
        var text = raw?.Trim().Trim('"', '\'').Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text[0] is 'v' or 'V')
        {
            text = text[1..];
        }

        return char.IsAsciiDigit(text[0]) ? Milestone("v" + text) : null;
    }

    /// <summary><c>v1.34</c> for <c>v1.34.0</c>, <c>1.34.2</c> or <c>v1.34.0-rc.1</c>.</summary>
    public static string? Milestone(string version) =>
        SemVersion.TryParse(version, out var v) && v.Numbers.Count >= 2
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"v{v.Numbers[0]}.{v.Numbers[1]}")
            : null;

    private static Enhancement? ReadOne(string file, string keps, string milestone, string repoUrl, long maxBytes, DiagnosticBag diagnostics, bool catalog, out bool inRelease)
    {
        inRelease = false;
        var directory = Path.GetDirectoryName(file)!;
        var relative = Path.GetRelativePath(keps, directory).Replace('\\', '/');
        if (ReadBounded(file, "kep.yaml", maxBytes, diagnostics) is not { } text)
        {
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
            .Select(stage => (Stage: stage, Milestone: NormalizeMilestone(Scalar(Child(root, "milestone"), stage))))
            .Where(s => s.Milestone is not null)
            .ToArray();
        var latest = NormalizeMilestone(Scalar(root, "latest-milestone"));
        var kepStage = Scalar(root, "stage")?.Trim().ToLowerInvariant() is { } st && Stages.IsKnown(st) ? st : null;
        var current = stages.Where(s => string.Equals(s.Milestone, milestone, StringComparison.Ordinal))
            .OrderByDescending(s => Stages.Rank(s.Stage)).Select(s => s.Stage).FirstOrDefault();
        inRelease = current is not null;
        if (current is null && latest == milestone && kepStage is not null && !stages.Any(s => s.Stage == kepStage && Before(milestone, s.Milestone!)))
        {
            // The proposal says its latest work is this release at this stage, though no milestone names the release
            // (a stage reached earlier, a gate locked or removed now): listed, to be confirmed.
            current = kepStage;
            inRelease = true;
        }

        if (current is null)
        {
            if (!catalog)
            {
                return null;
            }

            current = stages.Where(s => Before(s.Milestone!, milestone) || s.Milestone == milestone)
                .OrderByDescending(s => s.Milestone!, Model.VersionOrder.Instance).ThenByDescending(s => Stages.Rank(s.Stage))
                .Select(s => s.Stage).FirstOrDefault() ?? kepStage ?? Stages.Alpha;
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

        if (!inRelease && FeatureGates(Child(root, "feature-gates")).Length == 0)
        {
            // Outside the release, a proposal matters only through its feature gates (a note that locks one).
            return null;
        }

        var readme = Path.Combine(directory, "README.md");
        var readmeText = inRelease && File.Exists(readme) && SafeFile(readme, Path.GetFullPath(keps).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, diagnostics, "README.md")
            ? ReadBounded(readme, "README.md", maxBytes, diagnostics)
            : null;
        var summary = readmeText is null ? null : KepSummary.FromReadme(readmeText);
        var going = readmeText is null ? null : KepSummary.GoingAway(readmeText, summary);
        var created = Scalar(root, "creation-date") is { Length: >= 4 } date && int.TryParse(date.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) ? year : (int?)null;
        return new Enhancement
        {
            Id = number.Trim(),
            Title = Placeholder().IsMatch(title.Trim()) ? FromSlug(Path.GetFileName(directory)) : title.Trim().TrimEnd('.'),
            Stage = current,
            PreviousStage = previous,
            OwningSig = SigKey(Scalar(root, "owning-sig")),
            ParticipatingSigs = Strings(Child(root, "participating-sigs")).Select(SigKey).OfType<string>().Distinct(StringComparer.Ordinal).ToArray(),
            FeatureGates = FeatureGates(Child(root, "feature-gates")),
            Summary = summary,
            GoingAway = going?.What,
            GoingAwayWhen = going?.When,
            Status = NormalizeStatus(Scalar(root, "status")),
            Facts = new ProposalFacts(readmeText?.Length ?? 0, NormalizeMilestone(Scalar(Child(root, "milestone"), Stages.Alpha)), created),
            TrackingUrl = $"{repoUrl}/issues/{number.Trim()}",
            ProposalUrl = $"{repoUrl}/tree/master/keps/{relative}",
            Source = "kep",
            LatestMilestone = latest,
            ReadmePath = inRelease ? null : readme,
            ProposalStage = kepStage,
            MilestoneNamesRelease = stages.Any(x => x.Milestone == milestone),
        };
    }

    /// <summary>A KEP file's text within the text limit; a warning (the folder is the authors' data) when it cannot be read.</summary>
    private static string? ReadBounded(string path, string what, long maxBytes, DiagnosticBag diagnostics)
    {
        var bag = new DiagnosticBag();
        if (IO.InputFile.ReadText(path, what, maxBytes, bag) is { } text)
        {
            return text;
        }

        foreach (var problem in bag.Items)
        {
            diagnostics.Warning(EnhancementCodes.KepUnreadable, $"{what} skipped: {problem.Message}", path);
        }

        return null;
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
    public const string Unconfirmed = "CM7308";
    public const string BoardInvalid = "CM7309";
    public const string EvidenceOverStatus = "CM7312";
    public const string GroupUnknown = "CM7313";
}
