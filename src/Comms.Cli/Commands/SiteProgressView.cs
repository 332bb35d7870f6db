using System.Globalization;
using Comms.Site;
using Spectre.Console;

namespace Comms.Cli.Commands;

/// <summary>
/// Progress of a site build over more than <see cref="MinNotes"/> notes: a bar with ETA on a terminal, one plain
/// line per stage in CI logs and pipes; nothing for smaller sites, which take a moment.
/// </summary>
public static class SiteProgressView
{
    public const int MinNotes = 1000;

    public static T Run<T>(CliContext cli, Func<IProgress<SiteProgress>, T> work)
    {
        if (!CliContext.IsInteractive(cli.Out))
        {
            string? last = null;
            return work(new Sync(p =>
            {
                if (p.Notes >= MinNotes && p.Stage != last)
                {
                    last = p.Stage;
                    cli.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"site: {p.Stage} ({p.Done * 100 / Math.Max(1, p.Total)}% of {p.Notes:N0} notes)"));
                }
            }));
        }

        T result = default!;
        cli.Console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                ProgressTask? task = null;
                result = work(new Sync(p =>
                {
                    if (p.Notes < MinNotes)
                    {
                        return;
                    }

                    task ??= ctx.AddTask("Site", maxValue: Math.Max(1, p.Total));
                    task.Value = p.Done;
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"Site: {p.Stage} ({p.Notes:N0} notes)");
                }));
            });
        return result;
    }

    private sealed class Sync(Action<SiteProgress> report) : IProgress<SiteProgress>
    {
        public void Report(SiteProgress value) => report(value);
    }
}
