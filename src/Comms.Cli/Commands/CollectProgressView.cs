using System.Globalization;
using Comms.GitHub;
using Spectre.Console;

namespace Comms.Cli.Commands;

/// <summary>Progress of a collection: a bar with count and ETA on a terminal, plain lines in CI logs and pipes.</summary>
public static class CollectProgressView
{
    public static async Task<T> RunAsync<T>(CliContext cli, Func<IProgress<CollectProgress>, Task<T>> work)
    {
        if (!CliContext.IsInteractive(cli.Out))
        {
            string? last = null;
            return await work(new Sync(p =>
            {
                var line = p.Total > 0
                    ? string.Create(CultureInfo.InvariantCulture, $"collect: {p.Phase} {p.Done}/{p.Total} pull requests, {p.Requests} requests")
                    : $"collect: {p.Phase}";
                if (line != last)
                {
                    cli.Error.WriteLine(line);
                    last = line;
                }
            })).ConfigureAwait(false);
        }

        T result = default!;
        await cli.Console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("Collecting", maxValue: 1);
                result = await work(new Sync(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"{p.Phase} {p.Done}/{p.Total} ({p.Requests} requests)");
                })).ConfigureAwait(false);
            }).ConfigureAwait(false);
        return result;
    }

    private sealed class Sync(Action<CollectProgress> report) : IProgress<CollectProgress>
    {
        public void Report(CollectProgress value) => report(value);
    }
}
