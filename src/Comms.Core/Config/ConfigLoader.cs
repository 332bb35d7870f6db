using System.Globalization;
using Comms.Core.Diagnostics;
using Comms.Core.IO;
using Comms.Core.Markdown;
using Comms.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Comms.Core.Config;

/// <summary>
/// Loads <c>comms.yaml</c> through <see cref="YamlReader"/>: every setting is optional and falls back to the Kubernetes
/// default; an unknown key, a duplicate key, a wrong type or a value out of range is an error at its line and column.
/// </summary>
public static class ConfigLoader
{
    public const string DefaultPath = "content/comms.yaml";

    private static readonly string[] Top = ["project", "notes", "sections", "uncategorized_section", "sig_words", "sigs", "drafts", "limits", "enhancements", "site_url", "glossary", "groups", "locales"];
    private static readonly string[] ProjectKeys = ["name", "repo", "github_url", "url", "description", "changelog_url", "download_url", "tag_pattern"];
    private static readonly string[] EnhancementKeys = ["keps", "board", "board_statuses", "not_shipping_statuses", "repo", "url", "tracked_label", "stage_labels"];
    private static readonly string[] NotesKeys =
        ["blocks", "docs_block", "none_values", "none_command", "labels", "feature_kind", "cherry_pick_bots", "doc_types", "max_body_chars", "source", "label_kinds", "title_prefixes", "breaking_labels", "skip_labels"];
    private static readonly string[] LabelKeys = ["kind", "sig", "area", "action_required", "none"];
    private static readonly string[] DocTypeKeys = ["url_contains", "type"];
    private static readonly string[] SectionKeys = ["title", "kinds"];
    private static readonly string[] DraftKeys = ["allow_remote_images", "brief_items_per_group"];
    private static readonly string[] LimitKeys = ["max_json_file_bytes", "max_record_bytes", "max_text_file_bytes", "max_scalar_chars", "max_depth", "max_yaml_nodes"];

    /// <summary>The config at <paramref name="path"/>; without a path, <c>content/comms.yaml</c> if present, else the defaults.</summary>
    public static CommsConfig? Load(string? path, DiagnosticBag diagnostics)
    {
        if (path is null)
        {
            if (!File.Exists(DefaultPath))
            {
                return CommsConfig.Kubernetes;
            }

            path = DefaultPath;
        }

        if (!File.Exists(path) && !Directory.Exists(path))
        {
            diagnostics.Error(Codes.InputNotFound, "config file not found", path);
            return null;
        }

        var text = InputFile.ReadText(path, "the config file", InputLimits.Default.MaxTextFileBytes, diagnostics);
        return text is null ? null : Parse(text, path, diagnostics);
    }

    public static CommsConfig? Parse(string text, string file, DiagnosticBag diagnostics)
    {
        var local = new DiagnosticBag();
        var documents = YamlFile.Load(text, file, local);
        var config = documents is null ? null : Read(documents, file, local);
        foreach (var item in local.Items)
        {
            // Every problem of comms.yaml is a config error, whichever reader found it.
            diagnostics.Add(item.Severity == Severity.Error ? item with { Code = Codes.ConfigInvalid } : item);
        }

        return local.HasErrors ? null : config;
    }

    private static CommsConfig? Read(IReadOnlyList<YamlDocument> documents, string file, DiagnosticBag diagnostics)
    {
        var defaults = CommsConfig.Kubernetes with { File = file };
        if (documents.Count == 0 || documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return defaults;
        }

        var r = new YamlReader(file, diagnostics);
        if (documents.Count > 1)
        {
            r.Error(Codes.ConfigInvalid, "comms.yaml holds one document; remove the second '---'", documents[1].RootNode);
        }

        var top = r.Mapping(documents[0].RootNode, "comms.yaml", Top);
        if (top is null)
        {
            return null;
        }

        var config = defaults;
        if (top.TryGetValue("project", out var projectNode) && r.Mapping(projectNode, "project", ProjectKeys) is { } p)
        {
            var d = defaults.Project;
            config = config with
            {
                Project = new ProjectConfig
                {
                    Name = NonEmpty(r, p, "name") ?? d.Name,
                    Repo = Repo(r, p) ?? d.Repo,
                    GitHubUrl = (Url(r, p, "github_url") ?? d.GitHubUrl).TrimEnd('/'),
                    Url = Url(r, p, "url"),
                    Description = Str(r, p, "description"),
                    ChangelogUrl = Url(r, p, "changelog_url"),
                    DownloadUrl = Url(r, p, "download_url"),
                    TagPattern = NonEmpty(r, p, "tag_pattern") ?? d.TagPattern,
                },
            };
        }

        if (NonEmpty(r, top, "groups") is { } groupsFile)
        {
            var path = Path.IsPathRooted(groupsFile) ? groupsFile : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", groupsFile);
            if (ProjectGroups.Read(path, diagnostics) is { } groups)
            {
                config = config with { Groups = groups };
            }
        }

        if (top.TryGetValue("locales", out var localesNode) && r.Strings(localesNode, "locales") is { } locales)
        {
            var valid = new List<string>();
            foreach (var (locale, node) in locales.Zip(localesNode is YamlSequenceNode seq ? seq.Children : []))
            {
                if (!CommsConfig.IsLocale(locale))
                {
                    r.Error(Codes.ConfigInvalid, $"\"{locale}\" is not a language code such as de, ja or zh-CN", node);
                }
                else if (locale != "en" && !valid.Contains(locale, StringComparer.Ordinal))
                {
                    valid.Add(locale);
                }
            }

            config = config with { Locales = valid };
        }

        if (top.TryGetValue("glossary", out var glossaryNode))
        {
            config = config with { Glossary = Glossary(r, glossaryNode) };
        }

        if (Url(r, top, "site_url") is { } siteUrl)
        {
            config = config with { SiteUrl = siteUrl.TrimEnd('/') + "/" };
        }

        if (top.TryGetValue("enhancements", out var enhancementsNode) && r.Mapping(enhancementsNode, "enhancements", EnhancementKeys) is { } e)
        {
            config = config with { Enhancements = Enhancements(r, e, file, defaults.Enhancements) };
        }

        if (top.TryGetValue("notes", out var notesNode) && r.Mapping(notesNode, "notes", NotesKeys) is { } n)
        {
            config = config with { Notes = Notes(r, n, defaults.Notes) };
        }

        if (config.Notes.Source != NoteSource.Blocks && !top.ContainsKey("sections"))
        {
            config = config with { Sections = CommsConfig.TitleSections, UncategorizedSection = "Other Changes" };
        }

        if (top.TryGetValue("sections", out var sectionsNode))
        {
            config = config with { Sections = Sections(r, sectionsNode) ?? defaults.Sections };
        }

        if (top.TryGetValue("uncategorized_section", out var uncategorized))
        {
            config = config with { UncategorizedSection = NonEmptyValue(r, uncategorized, "uncategorized_section") ?? defaults.UncategorizedSection };
        }

        if (top.TryGetValue("sig_words", out var words) && Dictionary(r, words, "sig_words") is { } w)
        {
            config = config with { SigWords = w };
        }

        if (top.TryGetValue("sigs", out var sigs) && Dictionary(r, sigs, "sigs") is { } s)
        {
            config = config with { SigDisplayNames = s };
        }

        if (top.TryGetValue("drafts", out var draftsNode) && r.Mapping(draftsNode, "drafts", DraftKeys) is { } drafts)
        {
            if (drafts.TryGetValue("allow_remote_images", out var images) && r.Bool(images, "allow_remote_images") is { } allow)
            {
                config = config with { Markdown = new MarkdownPolicy { AllowRemoteImages = allow } };
            }

            if (Positive(r, drafts, "brief_items_per_group") is { } perGroup)
            {
                config = config with { BriefItemsPerGroup = (int)Math.Min(int.MaxValue, perGroup) };
            }
        }

        if (top.TryGetValue("limits", out var limitsNode) && r.Mapping(limitsNode, "limits", LimitKeys) is { } l)
        {
            var d = InputLimits.Default;
            config = config with
            {
                Limits = new InputLimits
                {
                    MaxJsonFileBytes = Positive(r, l, "max_json_file_bytes") ?? d.MaxJsonFileBytes,
                    MaxRecordBytes = Math.Min(1L << 30, Positive(r, l, "max_record_bytes") ?? d.MaxRecordBytes),
                    MaxTextFileBytes = Positive(r, l, "max_text_file_bytes") ?? d.MaxTextFileBytes,
                    MaxScalarChars = (int)Math.Min(int.MaxValue, Positive(r, l, "max_scalar_chars") ?? d.MaxScalarChars),
                    MaxDepth = (int)Math.Min(200, Positive(r, l, "max_depth") ?? d.MaxDepth), // the free-form datafields conversion allows 256
                    MaxYamlNodes = Positive(r, l, "max_yaml_nodes") ?? d.MaxYamlNodes,
                },
            };
        }

        return config;
    }

    private static NotesConfig Notes(YamlReader r, Dictionary<string, YamlNode> n, NotesConfig d)
    {
        var notes = d with
        {
            Blocks = List(r, n, "blocks") ?? d.Blocks,
            DocsBlock = NonEmpty(r, n, "docs_block") ?? d.DocsBlock,
            NoneValues = List(r, n, "none_values", allowEmpty: true) ?? d.NoneValues,
            NoneCommand = NonEmpty(r, n, "none_command") ?? d.NoneCommand,
            FeatureKind = NonEmpty(r, n, "feature_kind") ?? d.FeatureKind,
            CherryPickBots = List(r, n, "cherry_pick_bots", allowEmpty: true) ?? d.CherryPickBots,
            MaxBodyChars = (int?)Math.Min(int.MaxValue, Positive(r, n, "max_body_chars") ?? d.MaxBodyChars) ?? d.MaxBodyChars,
            Source = Source(r, n) ?? d.Source,
            LabelKinds = n.TryGetValue("label_kinds", out var labelKinds) ? Dictionary(r, labelKinds, "notes.label_kinds") ?? d.LabelKinds : d.LabelKinds,
            TitlePrefixes = n.TryGetValue("title_prefixes", out var prefixes) ? Dictionary(r, prefixes, "notes.title_prefixes") ?? d.TitlePrefixes : d.TitlePrefixes,
            BreakingLabels = List(r, n, "breaking_labels", allowEmpty: true) ?? d.BreakingLabels,
            SkipLabels = List(r, n, "skip_labels", allowEmpty: true) ?? d.SkipLabels,
        };
        if (n.TryGetValue("labels", out var labelsNode) && r.Mapping(labelsNode, "notes.labels", LabelKeys) is { } l)
        {
            notes = notes with
            {
                KindPrefix = NonEmpty(r, l, "kind") ?? d.KindPrefix,
                SigPrefix = NonEmpty(r, l, "sig") ?? d.SigPrefix,
                AreaPrefix = NonEmpty(r, l, "area") ?? d.AreaPrefix,
                ActionRequiredLabel = NonEmpty(r, l, "action_required") ?? d.ActionRequiredLabel,
                NoneLabel = NonEmpty(r, l, "none") ?? d.NoneLabel,
            };
        }

        if (n.TryGetValue("doc_types", out var docTypes))
        {
            if (docTypes is not YamlSequenceNode sequence)
            {
                r.Error(Codes.ConfigInvalid, "\"doc_types\" must be a list of {url_contains, type}", docTypes);
            }
            else
            {
                var rules = new List<DocTypeRule>();
                foreach (var item in sequence)
                {
                    if (r.Mapping(item, "a doc_types entry", DocTypeKeys) is { } e)
                    {
                        rules.Add(new DocTypeRule(NonEmpty(r, e, "url_contains") ?? string.Empty, NonEmpty(r, e, "type") ?? "external"));
                    }
                }

                notes = notes with { DocTypes = rules };
            }
        }

        return notes;
    }

    private static NoteSource? Source(YamlReader r, Dictionary<string, YamlNode> n)
    {
        if (!n.TryGetValue("source", out var node))
        {
            return null;
        }

        switch (r.String(node, "notes.source"))
        {
            case "blocks":
                return NoteSource.Blocks;
            case "titles":
                return NoteSource.Titles;
            case "blocks-then-titles":
                return NoteSource.BlocksThenTitles;
            case { } other:
                r.Error(Codes.ConfigInvalid, $"\"notes.source\" is \"{other}\"; it must be blocks, titles or blocks-then-titles", node);
                return null;
            default:
                return null;
        }
    }

    private static IReadOnlyList<SectionConfig>? Sections(YamlReader r, YamlNode node)
    {
        if (node is not YamlSequenceNode { Children.Count: > 0 } sequence)
        {
            r.Error(Codes.ConfigInvalid, "\"sections\" must be a non-empty list of {title, kinds}", node);
            return null;
        }

        var sections = new List<SectionConfig>();
        foreach (var item in sequence)
        {
            if (r.Mapping(item, "a section", SectionKeys) is not { } e)
            {
                continue;
            }

            var title = NonEmpty(r, e, "title");
            if (title is null)
            {
                r.Error(Codes.ConfigInvalid, "a section needs a \"title\"", item);
                continue;
            }

            sections.Add(new SectionConfig(title, List(r, e, "kinds") ?? []));
        }

        return sections;
    }

    private static SortedDictionary<string, string>? Dictionary(YamlReader r, YamlNode node, string what)
    {
        if (node is not YamlMappingNode mapping)
        {
            r.Error(Codes.ConfigInvalid, $"\"{what}\" must be a mapping of names to display names", node);
            return null;
        }

        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            var name = r.String(key, what);
            var display = r.String(value, $"{what}.{name}");
            if (string.IsNullOrWhiteSpace(name) || display is null)
            {
                continue;
            }

            if (!result.TryAdd(name, display))
            {
                r.Error(Codes.ConfigInvalid, $"\"{name}\" is given twice in {what}", key);
            }
        }

        return result;
    }

    /// <summary>The glossary: abbreviation to the words the press brief uses for it.</summary>
    private static SortedDictionary<string, string> Glossary(YamlReader r, YamlNode node)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (node is YamlScalarNode { Value: null or "" })
        {
            return result;
        }

        if (node is not YamlMappingNode map)
        {
            r.Error(Codes.ConfigInvalid, "\"glossary\" must map abbreviations to words, e.g. DRA: Dynamic Resource Allocation", node);
            return result;
        }

        foreach (var (key, value) in map.Children)
        {
            if (key is YamlScalarNode { Value: { Length: > 0 } term } && NonEmptyValue(r, value, term) is { } words && result.TryAdd(term, words))
            {
                continue;
            }

            r.Error(Codes.ConfigInvalid, "every glossary entry is an abbreviation (given once) and the words for it", key);
        }

        return result;
    }

    private static EnhancementsConfig Enhancements(YamlReader r, Dictionary<string, YamlNode> map, string file, EnhancementsConfig d)
    {
        var keps = Str(r, map, "keps");
        var stageLabels = new SortedDictionary<string, string>(d.StageLabels.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        if (map.TryGetValue("stage_labels", out var labelsNode) && r.Mapping(labelsNode, "stage_labels", ["alpha", "beta", "stable", "deprecated", "removed"]) is { } labels)
        {
            foreach (var (stage, node) in labels)
            {
                if (NonEmptyValue(r, node, stage) is { } label)
                {
                    stageLabels[stage] = label;
                }
            }
        }

        string? repo = null;
        if (NonEmpty(r, map, "repo") is { } given)
        {
            if (System.Text.RegularExpressions.Regex.IsMatch(given, "^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)))
            {
                repo = given;
            }
            else
            {
                r.Error(Codes.ConfigInvalid, $"\"repo\" must be owner/name, e.g. kubernetes/enhancements, not \"{given}\"", map["repo"]);
            }
        }

        IReadOnlyList<string>? boardIn = null, boardOut = null;
        if (map.TryGetValue("board_statuses", out var statusesNode) && r.Mapping(statusesNode, "board_statuses", ["in", "out"]) is { } statuses)
        {
            boardIn = statuses.TryGetValue("in", out var inNode) ? r.Strings(inNode, "in") : null;
            boardOut = statuses.TryGetValue("out", out var outNode) ? r.Strings(outNode, "out") : null;
        }

        var board = Str(r, map, "board");
        var notShipping = map.TryGetValue("not_shipping_statuses", out var nsNode) ? r.Strings(nsNode, "not_shipping_statuses") : null;
        string? Relative(string? path) => path is null ? null : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", path));
        return new EnhancementsConfig
        {
            // A relative folder is read from the config file's folder, as a user reading comms.yaml expects.
            Keps = Relative(keps),
            Board = Relative(board),
            BoardIn = boardIn ?? d.BoardIn,
            BoardOut = boardOut ?? d.BoardOut,
            NotShippingStatuses = notShipping?.Select(x => x.Trim().ToLowerInvariant()).ToArray() ?? d.NotShippingStatuses,
            Repo = repo ?? d.Repo,
            Url = Url(r, map, "url") ?? d.Url,
            TrackedLabel = NonEmpty(r, map, "tracked_label") ?? d.TrackedLabel,
            StageLabels = stageLabels,
        };
    }

    private static string? Str(YamlReader r, Dictionary<string, YamlNode> map, string key) =>
        map.TryGetValue(key, out var node) ? r.String(node, key) : null;

    private static string? NonEmpty(YamlReader r, Dictionary<string, YamlNode> map, string key) =>
        map.TryGetValue(key, out var node) ? NonEmptyValue(r, node, key) : null;

    private static string? NonEmptyValue(YamlReader r, YamlNode node, string key)
    {
        var value = r.String(node, key);
        if (string.IsNullOrWhiteSpace(value))
        {
            r.Error(Codes.ConfigInvalid, $"\"{key}\" must not be empty; leave the key out for the default", node);
            return null;
        }

        return value;
    }

    private static string? Repo(YamlReader r, Dictionary<string, YamlNode> map)
    {
        var repo = NonEmpty(r, map, "repo");
        if (repo is not null && !System.Text.RegularExpressions.Regex.IsMatch(repo, "^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            r.Error(Codes.ConfigInvalid, $"\"repo\" must be owner/name, e.g. kubernetes/kubernetes, not \"{repo}\"", map["repo"]);
            return null;
        }

        return repo;
    }

    private static string? Url(YamlReader r, Dictionary<string, YamlNode> map, string key)
    {
        var url = Str(r, map, key);
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            r.Error(Codes.ConfigInvalid, $"\"{key}\" must be an http or https URL, not \"{url}\"", map[key]);
            return null;
        }

        return url;
    }

    private static IReadOnlyList<string>? List(YamlReader r, Dictionary<string, YamlNode> map, string key, bool allowEmpty = false)
    {
        if (!map.TryGetValue(key, out var node))
        {
            return null;
        }

        var list = r.Strings(node, key);
        if (list is null)
        {
            return null;
        }

        if (list.Count == 0 && !allowEmpty)
        {
            r.Error(Codes.ConfigInvalid, $"\"{key}\" must list at least one value; leave the key out for the default", node);
            return null;
        }

        if (list.Any(string.IsNullOrWhiteSpace))
        {
            r.Error(Codes.ConfigInvalid, $"\"{key}\" must not hold empty values", node);
            return null;
        }

        return list;
    }

    private static long? Positive(YamlReader r, Dictionary<string, YamlNode> map, string key)
    {
        if (!map.TryGetValue(key, out var node))
        {
            return null;
        }

        var value = r.Long(node, key);
        if (value is <= 0)
        {
            r.Error(Codes.ConfigInvalid, $"\"{key}\" must be a positive number, not {value.Value.ToString(CultureInfo.InvariantCulture)}", node);
            return null;
        }

        return value;
    }
}
