using System.CommandLine;
using Comms.TestKit;

namespace Comms.Cli.Tests;

/// <summary>
/// Every command parsed with each option missing its value and with malformed values: a one-line usage error and
/// exit 2, never a stack trace (a validator that reads a value the parser could not convert used to crash with 134).
/// </summary>
public sealed class UsageTests
{
    private static readonly string[] Malformed = ["x", "-1", "0", "99999999999", "", "../../etc", "v1.2.0/../../x", "\u001b[31mred", "--"];

    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        foreach (var command in Root().Subcommands)
        {
            data.Add(command.Name);
        }

        return data;
    }

    private static RootCommand Root() => CommsApp.CreateRoot(new CliContext(TextWriter.Null, TextWriter.Null));

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_option_with_a_missing_or_malformed_value_is_a_usage_error_or_parses(string name)
    {
        var command = Root().Subcommands.Single(c => c.Name == name);
        foreach (var option in command.Options.Where(o => o.Name is not ("--help" or "-h" or "-?")))
        {
            // Missing value: the option last on the line.
            if (option.Arity.MinimumNumberOfValues > 0)
            {
                var missing = CommsCli.Run(name, option.Name);
                AssertUsage(missing, $"{name} {option.Name}");
            }

            foreach (var value in Malformed)
            {
                string[] args = [name, option.Name, value];
                ParseResult? parse;
                try
                {
                    parse = Root().Parse(args);
                }
                catch (InvalidOperationException)
                {
                    parse = null; // a validator read an unconverted value: CommsApp must turn it into a usage error
                }

                if (parse is null || parse.Errors.Count > 0)
                {
                    AssertUsage(CommsCli.Run(args), string.Join(' ', args));
                }
            }
        }
    }

    [Theory]
    [InlineData("build", "--pulls")]
    [InlineData("serve", "--port", "x")]
    [InlineData("serve", "--port", "70000")]
    [InlineData("build", "--now", "tomorrow")]
    [InlineData("check", "--pr", "x")]
    [InlineData("enhancements", "--version")]
    [InlineData("enhancements", "--version", "../../x")]
    [InlineData("collect", "--repo")]
    [InlineData("site", "--out")]
    public void First_hour_mistakes_exit_2_with_one_line_each(params string[] args)
    {
        AssertUsage(CommsCli.Run(args), string.Join(' ', args));
    }

    [Fact]
    public void Every_version_option_takes_a_version_only_by_the_one_rule_build_uses()
    {
        var commands = Root().Subcommands.Where(c => c.Options.Any(o => o.Name == "--version")).Select(c => c.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["build", "enhancements", "serve"], commands);
        foreach (var name in commands)
        {
            foreach (var bad in new[] { "../../outside", "/tmp/x", "v1.2.0/../../x", "v1.2.0\\..\\x", "latest", "v1.2.0\u001b[31m", "v1.2.0\u0000" })
            {
                var errors = Root().Parse([name, "--version", bad]).Errors.Select(e => e.Message).ToArray();
                Assert.True(errors.Any(e => e.StartsWith("--version must be a version like v1.2.0 or 1.2.0-rc.1", StringComparison.Ordinal)), $"{name} --version {bad}: {string.Join("; ", errors)}");
            }

            foreach (var good in new[] { "v1.2.0", "1.2.0-rc.1" })
            {
                Assert.DoesNotContain(Root().Parse([name, "--version", good]).Errors, e => e.Message.Contains("--version", StringComparison.Ordinal));
            }
        }
    }

    private static void AssertUsage(CliResult result, string what)
    {
        Assert.True(result.ExitCode == 2, $"{what}: exit {result.ExitCode}\n{result.Error}");
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', result.Error);
        foreach (var line in result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.True(line.StartsWith("comms: error CM", StringComparison.Ordinal) || line.StartsWith("Run 'comms --help'", StringComparison.Ordinal),
                $"{what}: not a usage line: {line}");
        }
    }
}
