using System.Globalization;
using System.Text;
using Comms.Core.Diagnostics;

namespace Comms.Cli;

/// <summary>
/// GitHub Actions workflow commands: with <c>GITHUB_ACTIONS=true</c> every diagnostic is also printed as
/// <c>::error file=…,line=…,col=…,title=CMxxxx::message</c> (an annotation on the pull request's files), and a
/// build's summary is appended to <c>$GITHUB_STEP_SUMMARY</c>.
/// </summary>
public static class WorkflowCommands
{
    public static bool Enabled => string.Equals(Environment.GetEnvironmentVariable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);

    public static string Format(Diagnostic diagnostic)
    {
        var command = diagnostic.Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "notice",
        };
        var properties = new List<string>();
        if (diagnostic.File is { } file)
        {
            properties.Add("file=" + Property(file.Replace('\\', '/')));
            if (diagnostic.Line > 0)
            {
                properties.Add(string.Create(CultureInfo.InvariantCulture, $"line={diagnostic.Line}"));
                properties.Add(string.Create(CultureInfo.InvariantCulture, $"col={Math.Max(diagnostic.Column, 1)}"));
            }
        }

        properties.Add("title=" + Property(diagnostic.Code));
        return $"::{command} {string.Join(',', properties)}::{Data(diagnostic.Message)}";
    }

    /// <summary>Appends Markdown to the step summary when GitHub Actions gives one; a failure to write is not the build's.</summary>
    public static void AppendSummary(string markdown)
    {
        var path = Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY");
        if (!Enabled || string.IsNullOrEmpty(path))
        {
            return;
        }

        try
        {
            File.AppendAllText(path, markdown, new UTF8Encoding(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"comms: warning CM0013: cannot write the step summary ({e.Message})");
        }
    }

    /// <summary>A Markdown table cell: pipes and line breaks escaped.</summary>
    public static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');

    private static string Data(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string text) =>
        Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}

/// <summary>A diagnostic line with its severity in colour (red errors, yellow warnings), for a terminal.</summary>
public static class DiagnosticColour
{
    public static string Paint(Diagnostic diagnostic)
    {
        var plain = diagnostic.ToString();
        var (word, colour) = diagnostic.Severity switch
        {
            Severity.Error => ("error", "\u001b[1;31m"),
            Severity.Warning => ("warning", "\u001b[33m"),
            _ => ("info", "\u001b[36m"),
        };
        var at = plain.IndexOf($": {word} ", StringComparison.Ordinal);
        return at < 0 ? plain : $"{plain[..(at + 2)]}{colour}{word}\u001b[0m{plain[(at + 2 + word.Length)..]}";
    }
}
