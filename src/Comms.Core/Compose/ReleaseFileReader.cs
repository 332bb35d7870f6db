using System.Globalization;
using Comms.Core.Diagnostics;
using Comms.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Comms.Core.Compose;

/// <summary>Reads <c>release.yaml</c>, every field checked, every problem pointing at its line.</summary>
public static class ReleaseFileReader
{
    private static readonly string[] Fields =
        ["version", "previous_version", "release_date", "codename", "theme", "highlights", "embargo", "quotes", "contacts",
         "author", "editors", "release_team", "previous_contributors", "dates", "feature_blogs"];

    /// <summary>The keys of <c>dates:</c>, in the order of the cycle.</summary>
    public static readonly string[] DateFields =
        ["enhancements_freeze", "feature_blog_freeze", "code_freeze", "sneak_peek", "feature_blogs_ready", "webinar"];

    /// <param name="version">The release's version when the file does not say (e.g. from its folder name).</param>
    public static ReleaseFile? ReadFile(string path, DiagnosticBag diagnostics, string? version = null, IO.InputLimits? limits = null) =>
        IO.InputFile.ReadText(path, "the release file", (limits ?? IO.InputLimits.Default).MaxTextFileBytes, diagnostics) is { } text ? Read(text, path, diagnostics, version, limits) : null;

    public static ReleaseFile? Read(string text, string file, DiagnosticBag diagnostics, string? defaultVersion = null, IO.InputLimits? limits = null)
    {
        var documents = YamlFile.Load(text, file, diagnostics, limits);
        if (documents is null)
        {
            return null; // the syntax error is reported, once, where it is
        }

        if (documents.Count == 0 && defaultVersion is not null)
        {
            return new ReleaseFile { Version = defaultVersion, File = file };
        }

        if (documents.Count == 0)
        {
            diagnostics.Error(ComposeCodes.ReleaseInvalid, "release.yaml is empty; it needs at least \"version\"", file, 1, 1);
            return null;
        }

        var reader = new YamlReader(file, diagnostics);
        var fields = reader.Mapping(documents[0].RootNode, "release.yaml", Fields);
        if (fields is null)
        {
            return null;
        }

        string? Str(string name) => fields.TryGetValue(name, out var node) ? reader.String(node, name) : null;
        var version = Str("version") ?? defaultVersion;
        if (string.IsNullOrWhiteSpace(version))
        {
            reader.Error(ComposeCodes.ReleaseInvalid, "release.yaml needs \"version\", e.g. version: v1.2.0", documents[0].RootNode);
            return null;
        }

        return new ReleaseFile
        {
            Version = version,
            PreviousVersion = Str("previous_version"),
            ReleaseDate = fields.TryGetValue("release_date", out var date) ? Date(date, reader) : null,
            Codename = Str("codename"),
            Theme = Str("theme"),
            Embargo = fields.TryGetValue("embargo", out var embargo) ? Instant(embargo, reader) : null,
            Highlights = fields.TryGetValue("highlights", out var h) ? Items(h, "highlights", reader, Highlight) : [],
            Quotes = fields.TryGetValue("quotes", out var q) ? Items(q, "quotes", reader, Quote) : [],
            Contacts = fields.TryGetValue("contacts", out var c) ? Items(c, "contacts", reader, Contact) : [],
            Author = Str("author"),
            Editors = fields.TryGetValue("editors", out var editors) ? reader.Strings(editors, "editors") ?? [] : [],
            Team = fields.TryGetValue("release_team", out var team) ? Team(team, reader) : null,
            PreviousContributors = fields.TryGetValue("previous_contributors", out var previous) ? PreviousContributors(previous, file, reader) : null,
            Dates = fields.TryGetValue("dates", out var dates) ? Dates(dates, reader) : new CycleDates(),
            FeatureBlogs = fields.TryGetValue("feature_blogs", out var blogs) ? Items(blogs, "feature_blogs", reader, FeatureBlog) : null,
            File = file,
        };
    }

    private static CycleDates Dates(YamlNode node, YamlReader reader)
    {
        if (node is YamlScalarNode { Value: null or "" })
        {
            return new CycleDates { Given = true };
        }

        var fields = reader.Mapping(node, "dates", DateFields);
        if (fields is null)
        {
            return new CycleDates { Given = true };
        }

        DateOnly? Get(string name) => fields.TryGetValue(name, out var value) ? Date(value, reader, name) : null;
        return new CycleDates
        {
            Given = true,
            EnhancementsFreeze = Get("enhancements_freeze"),
            FeatureBlogFreeze = Get("feature_blog_freeze"),
            CodeFreeze = Get("code_freeze"),
            SneakPeek = Get("sneak_peek"),
            FeatureBlogsReady = Get("feature_blogs_ready"),
            Webinar = Get("webinar"),
        };
    }

    private static FeatureBlogEntry? FeatureBlog(YamlNode node, YamlReader reader)
    {
        var fields = reader.Mapping(node, "a feature blog", ["kep", "writer", "buddy", "date"]);
        if (fields is null)
        {
            return null;
        }

        var kep = fields.TryGetValue("kep", out var k) ? reader.String(k, "kep")?.Trim() : null;
        if (string.IsNullOrEmpty(kep))
        {
            reader.Error(ComposeCodes.ReleaseInvalid, "a feature blog needs \"kep: <id>\": the enhancement it is about", node);
            return null;
        }

        string? Str(string name) => fields.TryGetValue(name, out var v) ? reader.String(v, name) : null;
        return new FeatureBlogEntry(kep, Str("writer"), Str("buddy"), fields.TryGetValue("date", out var d) ? Date(d, reader, "date") : null,
            (int)node.Start.Line, (int)node.Start.Column);
    }

    private static DateOnly? Date(YamlNode node, YamlReader reader, string name = "release_date")
    {
        if (node is YamlScalarNode { Value: null or "" })
        {
            return null; // left empty until it is set
        }

        var text = reader.String(node, name);
        if (text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        reader.Error(ComposeCodes.ReleaseInvalid, $"\"{name}\" must be a date like 2026-12-08", node);
        return null;
    }

    private static DateTimeOffset? Instant(YamlNode node, YamlReader reader)
    {
        if (node is YamlScalarNode { Value: null or "" })
        {
            return null; // left empty until it is set
        }

        var text = reader.String(node, "embargo");
        if (text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return at.ToUniversalTime();
        }

        reader.Error(ComposeCodes.ReleaseInvalid, "\"embargo\" must be a date and time like 2026-12-08T16:00:00Z", node);
        return null;
    }

    private static T[] Items<T>(YamlNode node, string name, YamlReader reader, Func<YamlNode, YamlReader, T?> item)
        where T : class
    {
        if (node is YamlScalarNode { Value: null or "" })
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            reader.Error(ComposeCodes.ReleaseInvalid, $"\"{name}\" must be a list", node);
            return [];
        }

        return sequence.Children.Select(c => item(c, reader)).OfType<T>().ToArray();
    }

    private static HighlightEntry? Highlight(YamlNode node, YamlReader reader)
    {
        var fields = reader.Mapping(node, "a highlight", ["pr", "kep", "text"]);
        if (fields is null)
        {
            return null;
        }

        var pr = fields.TryGetValue("pr", out var p) ? reader.Int(p, "pr") : null;
        var kep = fields.TryGetValue("kep", out var k) ? reader.String(k, "kep")?.Trim() : null;
        var text = fields.TryGetValue("text", out var t) ? reader.String(t, "text") : null;
        if (pr is null && fields.ContainsKey("pr"))
        {
            return null; // the bad number is already reported at its place
        }

        if (pr is not null && kep is not null)
        {
            reader.Error(ComposeCodes.ReleaseInvalid, "a highlight names a PR or an enhancement (kep), not both", node);
            return null;
        }

        if (pr is null && string.IsNullOrEmpty(kep) && string.IsNullOrWhiteSpace(text))
        {
            reader.Error(ComposeCodes.ReleaseInvalid, "a highlight needs \"kep: <id>\", \"pr: <number>\" or \"text: ...\"", node);
            return null;
        }

        return new HighlightEntry(pr, text, (int)node.Start.Line, (int)node.Start.Column) { Enhancement = string.IsNullOrEmpty(kep) ? null : kep };
    }

    private static ReleaseTeam? Team(YamlNode node, YamlReader reader)
    {
        if (node is YamlScalarNode { Value: null or "" })
        {
            return null;
        }

        var fields = reader.Mapping(node, "release_team", ["lead", "comms"]);
        if (fields is null)
        {
            return null;
        }

        return new ReleaseTeam(
            fields.TryGetValue("lead", out var lead) ? reader.String(lead, "lead") : null,
            fields.TryGetValue("comms", out var comms) ? reader.Strings(comms, "comms") ?? [] : []);
    }

    /// <summary>A list of logins, or the name of a file beside release.yaml with one login a line.</summary>
    private static IReadOnlyList<string>? PreviousContributors(YamlNode node, string file, YamlReader reader)
    {
        if (node is YamlSequenceNode)
        {
            return reader.Strings(node, "previous_contributors");
        }

        var name = reader.String(node, "previous_contributors");
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        if (name.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(name))
        {
            reader.Error(ComposeCodes.ReleaseInvalid, "\"previous_contributors\" names a file beside release.yaml (no '..', no absolute path)", node);
            return null;
        }

        var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", name);
        if (!File.Exists(path))
        {
            reader.Error(ComposeCodes.ReleaseInvalid, $"\"previous_contributors\": {name} does not exist beside release.yaml", node);
            return null;
        }

        return File.ReadAllLines(path).Select(l => l.Trim().TrimStart('@')).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
    }

    private static Quote? Quote(YamlNode node, YamlReader reader)
    {
        var fields = reader.Mapping(node, "a quote", ["name", "role", "text"]);
        if (fields is null)
        {
            return null;
        }

        string Field(string name) => fields.TryGetValue(name, out var v) ? reader.String(v, name) ?? string.Empty : string.Empty;
        if (Field("name").Length == 0 || Field("text").Length == 0)
        {
            reader.Error(ComposeCodes.ReleaseInvalid, "a quote needs \"name\" and \"text\" (and should give \"role\")", node);
            return null;
        }

        return new Quote(Field("name"), Field("role"), Field("text").Trim(), (int)node.Start.Line, (int)node.Start.Column);
    }

    private static Contact? Contact(YamlNode node, YamlReader reader)
    {
        var fields = reader.Mapping(node, "a contact", ["name", "role", "email", "phone"]);
        if (fields is null)
        {
            return null;
        }

        string? Field(string name) => fields.TryGetValue(name, out var v) ? reader.String(v, name) : null;
        return new Contact(Field("name") ?? string.Empty, Field("role") ?? string.Empty, Field("email"), Field("phone"));
    }
}

public static class ComposeCodes
{
    public const string ReleaseInvalid = "CM7101";
    public const string HighlightNotInRelease = "CM7102";
    public const string QuoteNamesUnknownPr = "CM7103";
    public const string RevertedPrNamed = "CM7104";
    public const string EmbargoAfterRelease = "CM7105";
    public const string CycleDateMissing = "CM7106";
    public const string FeatureBlogProblem = "CM7107";
    public const string TemplateError = "CM7201";
    public const string TemplateUnknownField = "CM7202";
    public const string TemplateRefused = "CM7203";
    public const string TemplateLimit = "CM7204";
    public const string PhraseInvalid = "CM7210";
    public const string PhraseUnknown = "CM7211";
    public const string PhraseMissing = "CM7212";
}
