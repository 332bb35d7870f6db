using System.Globalization;
using System.Text;
using System.Text.Json;
using Comms.Core.Diagnostics;

namespace Comms.Cli.Build;

/// <summary>
/// What a build says about itself: one row per release and the site; printed as JSON (<c>--json</c>) and, in GitHub
/// Actions, as Markdown in the step summary.
/// </summary>
public sealed class BuildReport
{
    public sealed record Release(string Version, int Pulls, int Notes, int Vendor, int EndUser, int Developer, int Unassigned, int Highlights, int Drafts, string Folder);

    /// <summary><c>--check</c>: render and report, write nothing.</summary>
    public bool Check { get; init; }

    public List<Release> Releases { get; } = [];

    /// <summary>The site folder written; null when nothing was written.</summary>
    public string? Site { get; set; }

    public int SiteReleases { get; set; }

    public string ToJson(IReadOnlyList<Diagnostic> diagnostics, int exitCode)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("exit_code", exitCode);
            json.WriteBoolean("check", Check);
            json.WriteStartArray("releases");
            foreach (var r in Releases)
            {
                json.WriteStartObject();
                json.WriteString("version", r.Version);
                json.WriteNumber("pulls", r.Pulls);
                json.WriteNumber("notes", r.Notes);
                json.WriteStartObject("audiences");
                json.WriteNumber("vendor", r.Vendor);
                json.WriteNumber("end-user", r.EndUser);
                json.WriteNumber("developer", r.Developer);
                json.WriteEndObject();
                json.WriteNumber("unassigned", r.Unassigned);
                json.WriteNumber("highlights", r.Highlights);
                json.WriteNumber("drafts", r.Drafts);
                if (!Check)
                {
                    json.WriteString("folder", r.Folder);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("site");
            json.WriteNumber("releases", SiteReleases);
            if (Site is null)
            {
                json.WriteNull("folder");
            }
            else
            {
                json.WriteString("folder", Site);
            }

            json.WriteEndObject();
            json.WriteNumber("errors", diagnostics.Count(d => d.Severity == Severity.Error));
            json.WriteNumber("warnings", diagnostics.Count(d => d.Severity == Severity.Warning));
            json.WriteStartArray("diagnostics");
            foreach (var d in diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
                json.WriteString("code", d.Code);
                json.WriteString("message", d.Message);
                if (d.File is not null)
                {
                    json.WriteString("file", d.File.Replace('\\', '/'));
                }

                if (d.Line > 0)
                {
                    json.WriteNumber("line", d.Line);
                    json.WriteNumber("column", Math.Max(d.Column, 1));
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>The step summary: a table of releases and the counts of errors and warnings.</summary>
    public string ToMarkdown(IReadOnlyList<Diagnostic> diagnostics)
    {
        var text = new StringBuilder();
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = diagnostics.Count(d => d.Severity == Severity.Warning);
        text.Append(Check ? "### Comms check\n\n" : "### Comms build\n\n");
        if (Releases.Count > 0)
        {
            text.Append("| release | pulls | notes | vendor | end-user | developer | unassigned | highlights |\n");
            text.Append("|---|--:|--:|--:|--:|--:|--:|--:|\n");
            foreach (var r in Releases)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"| {WorkflowCommands.Cell(r.Version)} | {r.Pulls} | {r.Notes} | {r.Vendor} | {r.EndUser} | {r.Developer} | {r.Unassigned} | {r.Highlights} |\n");
            }

            text.Append('\n');
        }

        text.Append(errors == 0 ? "No errors" : Plural.Count(errors, "error")).Append(", ").Append(Plural.Count(warnings, "warning")).Append(".\n");
        foreach (var d in diagnostics.Where(d => d.Severity == Severity.Error).Take(50))
        {
            text.Append("- `").Append(WorkflowCommands.Cell(d.ToString()).Replace("`", "'", StringComparison.Ordinal)).Append("`\n");
        }

        return text.Append('\n').ToString();
    }
}
