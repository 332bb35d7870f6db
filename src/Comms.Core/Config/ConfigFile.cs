namespace Comms.Core.Config;

// The YAML shape of comms.yaml. Kept apart from CommsConfig so the records stay immutable.
#pragma warning disable CA2227, CA1002
internal sealed class ConfigFile
{
    public ProjectSection? Project { get; set; }
    public NotesSection? Notes { get; set; }
    public List<SectionEntry>? Sections { get; set; }
    public string? UncategorizedSection { get; set; }
    public string? SiteUrl { get; set; }
    public Dictionary<string, string>? SigWords { get; set; }

    public Dictionary<string, string>? Sigs { get; set; }

    public CommsConfig ToConfig(string file)
    {
        var defaults = CommsConfig.Kubernetes;
        var notes = defaults.Notes;
        if (Notes is { } n)
        {
            notes = notes with
            {
                Blocks = n.Blocks ?? notes.Blocks,
                DocsBlock = n.DocsBlock ?? notes.DocsBlock,
                NoneValues = n.NoneValues ?? notes.NoneValues,
                NoneCommand = n.NoneCommand ?? notes.NoneCommand,
                KindPrefix = n.Labels?.Kind ?? notes.KindPrefix,
                SigPrefix = n.Labels?.Sig ?? notes.SigPrefix,
                AreaPrefix = n.Labels?.Area ?? notes.AreaPrefix,
                ActionRequiredLabel = n.Labels?.ActionRequired ?? notes.ActionRequiredLabel,
                NoneLabel = n.Labels?.None ?? notes.NoneLabel,
                FeatureKind = n.FeatureKind ?? notes.FeatureKind,
                CherryPickBots = n.CherryPickBots ?? notes.CherryPickBots,
                DocTypes = n.DocTypes?.Select(d => new DocTypeRule(d.UrlContains ?? string.Empty, d.Type ?? "external")).ToArray() ?? notes.DocTypes,
                MaxBodyChars = n.MaxBodyChars ?? notes.MaxBodyChars,
            };
        }

        return defaults with
        {
            File = file,
            Project = Project is { } p
                ? new ProjectConfig
                {
                    Name = p.Name ?? defaults.Project.Name,
                    Repo = p.Repo ?? defaults.Project.Repo,
                    GitHubUrl = (p.GithubUrl ?? defaults.Project.GitHubUrl).TrimEnd('/'),
                    Url = p.Url,
                    Description = p.Description,
                }
                : defaults.Project,
            Notes = notes,
            SiteUrl = SiteUrl,
            Sections = Sections?.Select(s => new SectionConfig(s.Title ?? string.Empty, s.Kinds ?? [])).ToArray() ?? defaults.Sections,
            UncategorizedSection = UncategorizedSection ?? defaults.UncategorizedSection,
            SigWords = SigWords is null ? defaults.SigWords : new SortedDictionary<string, string>(SigWords, StringComparer.Ordinal),
            SigDisplayNames = Sigs is null ? defaults.SigDisplayNames : new SortedDictionary<string, string>(Sigs, StringComparer.Ordinal),
        };
    }

    internal sealed class ProjectSection
    {
        public string? Name { get; set; }
        public string? Repo { get; set; }
        public string? GithubUrl { get; set; }
        public string? Url { get; set; }
        public string? Description { get; set; }
    }

    internal sealed class NotesSection
    {
        public List<string>? Blocks { get; set; }
        public string? DocsBlock { get; set; }
        public List<string>? NoneValues { get; set; }
        public string? NoneCommand { get; set; }
        public LabelsSection? Labels { get; set; }
        public string? FeatureKind { get; set; }
        public List<string>? CherryPickBots { get; set; }
        public List<DocTypeEntry>? DocTypes { get; set; }
        public int? MaxBodyChars { get; set; }
    }

    internal sealed class LabelsSection
    {
        public string? Kind { get; set; }
        public string? Sig { get; set; }
        public string? Area { get; set; }
        public string? ActionRequired { get; set; }
        public string? None { get; set; }
    }

    internal sealed class DocTypeEntry
    {
        public string? UrlContains { get; set; }
        public string? Type { get; set; }
    }

    internal sealed class SectionEntry
    {
        public string? Title { get; set; }
        public List<string>? Kinds { get; set; }
    }
}
#pragma warning restore CA2227, CA1002
