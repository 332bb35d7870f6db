using System.CommandLine;
using Comms.Cli.Project;
using Comms.Core.Diagnostics;
using Comms.Core.IO;

namespace Comms.Cli.Commands;

/// <summary><c>comms plaintext</c>: a Markdown draft as plain text (what a NuGet package's release notes take).</summary>
public static class PlainTextCommand
{
    public static Command Create(CliContext cli)
    {
        var markdown = new Option<string>("--markdown") { Description = "The draft, e.g. release-notes/v1.2.0/CHANGELOG.md.", Required = true, HelpName = "file" };
        var output = new Option<string>("--out") { Description = "Where to write the plain text; - for standard output.", Required = true, HelpName = "file" };
        var command = new Command("plaintext", "Write a Markdown draft as plain text: headings, links and emphasis lose their markup, code spans keep their backticks, lists stay lists, front matter and comments go.\n\nExample:\n  comms plaintext --markdown release-notes/v1.2.0/CHANGELOG.md --out release-notes.txt")
        {
            markdown, output,
        };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(markdown)!;
            var diagnostics = new DiagnosticBag();
            if (!File.Exists(file))
            {
                diagnostics.Error(Codes.InputNotFound, "the draft does not exist (build the release first: comms build)", file);
                return cli.Report(diagnostics);
            }

            var text = InputFile.ReadText(file, "the draft", InputLimits.Default.MaxTextFileBytes, diagnostics);
            if (text is null)
            {
                return cli.Report(diagnostics);
            }

            cli.WriteResult(parse.GetValue(output)!, PlainText.FromMarkdown(text));
            return ExitCodes.Success;
        });
        return command;
    }
}
