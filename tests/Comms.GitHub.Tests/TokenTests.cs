using Comms.Cli.Commands;
using Comms.GitHub.Fake;
using Comms.GitHub.Http;
using Comms.TestKit;

namespace Comms.GitHub.Tests;

/// <summary>A server that echoes the token back: the token appears in no output, message or file.</summary>
public sealed class TokenTests
{
    private static async Task<(Harness Harness, string TokenFile)> StartAsync(HostileKind kind)
    {
        var harness = await Harness.StartAsync();
        FakeRelease.Synthetic(harness.Fake, 3);
        harness.Fake.Hostility = new Hostile(kind);
        var tokenFile = Path.Combine(harness.TempPath, "token");
        await File.WriteAllTextAsync(tokenFile, harness.Fake.Token + "\n");
        return (harness, tokenFile);
    }

    /// <summary>Every file under <paramref name="folder"/> except the token file itself.</summary>
    private static string FilesText(string folder, string tokenFile) =>
        string.Concat(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => f != tokenFile).Select(File.ReadAllText));

    [Theory]
    [InlineData(HostileKind.EchoTokenInErrorBody)]
    [InlineData(HostileKind.EchoTokenInGraphQlMessage)]
    [InlineData(HostileKind.EchoTokenInScopes)]
    public async Task Token_echoed_by_the_server_is_never_printed_or_written(HostileKind kind)
    {
        var (harness, tokenFile) = await StartAsync(kind);
        await using var _ = harness;
        var output = Path.Combine(harness.TempPath, "pulls.json");

        var collect = CommsCli.Run("collect", "--repo", "example/project", "--from", "v1.0.0", "--to", "v1.1.0",
            "--api-url", harness.Fake.ApiUrl, "--token-file", tokenFile, "--cache", harness.CacheDir, "--out", output, "--verbose");
        var check = CommsCli.Run("check", "--pr", "1000", "--repo", "example/project",
            "--api-url", harness.Fake.ApiUrl, "--token-file", tokenFile, "--cache", harness.CacheDir);
        var build = CommsCli.Run("build", "--repo", "example/project", "--from", "v1.0.0", "--to", "v1.1.0", "--version", "v1.1.0",
            "--api-url", harness.Fake.ApiUrl, "--token-file", tokenFile, "--cache", harness.CacheDir, "--out", Path.Combine(harness.TempPath, "out"));

        Assert.True(harness.Fake.Requests >= 3, "the server was asked");
        foreach (var result in new[] { collect, check, build })
        {
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("error CM62", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain(harness.Fake.Token, result.Out + result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("CM9999", result.Error, StringComparison.Ordinal);
        }

        Assert.Contains("[redacted]", collect.Error + check.Error + build.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Fake.Token, FilesText(harness.TempPath, tokenFile), StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Token_is_never_in_the_cache_or_the_output_of_a_good_run()
    {
        await using var harness = await Harness.StartAsync();
        FakeRelease.Synthetic(harness.Fake, 3);
        harness.Fake.Add(FakeData.Synthetic(1001, body: "Token " + harness.Fake.Token + " pasted by mistake.\r\n\r\n```release-note\r\nFixed it.\r\n```"));
        var tokenFile = Path.Combine(harness.TempPath, "token");
        await File.WriteAllTextAsync(tokenFile, harness.Fake.Token);
        var output = Path.Combine(harness.TempPath, "pulls.json");

        var result = CommsCli.Run("collect", "--repo", "example/project", "--from", "v1.0.0", "--to", "v1.1.0",
            "--api-url", harness.Fake.ApiUrl, "--token-file", tokenFile, "--cache", harness.CacheDir, "--out", output);

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(harness.Fake.Token, result.Out + result.Error, StringComparison.Ordinal);
        // The cache holds what GitHub holds (a body that quotes a token is the PR's text), never the request's headers.
        foreach (var file in Directory.EnumerateFiles(harness.CacheDir, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain("Bearer", File.ReadAllText(file), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("token ghp_abcdefgh12345678 rejected", "ghp_abcdefgh12345678", "token [redacted] rejected")]
    [InlineData("Authorization: Bearer abcdefghijkl", null, "Authorization: Bearer [redacted]")]
    [InlineData("basic dXNlcjpwYXNzd29yZA==", null, "basic [redacted]")]
    [InlineData("x secret-token-1 y secret-token-1", "secret-token-1", "x [redacted] y [redacted]")]
    [InlineData("nothing secret", "abc", "nothing secret")]
    public void Redact_takes_out_the_token_and_authorization_values(string text, string? token, string expected) =>
        Assert.Equal(expected, GitHubHttp.Redact(text, token));

    [Theory]
    [InlineData("http://ghe.example.com/api/v3", "t0ken", true)]
    [InlineData("http://10.0.0.5:8080", "t0ken", true)]
    [InlineData("http://127.0.0.1:5000", "t0ken", false)]
    [InlineData("http://localhost:5000", "t0ken", false)]
    [InlineData("http://[::1]:5000", "t0ken", false)]
    [InlineData("https://ghe.example.com/api/v3", "t0ken", false)]
    [InlineData("http://ghe.example.com/api/v3", null, false)]
    public void Plain_http_to_another_host_with_a_token_is_flagged(string url, string? token, bool flagged) =>
        Assert.Equal(flagged, GitHubOptions.SendsTokenInClear(url, token));

    [Fact]
    public async Task Plain_http_to_loopback_gives_no_warning()
    {
        await using var harness = await Harness.StartAsync();
        harness.Fake.Add(FakeData.Synthetic(77));
        var tokenFile = Path.Combine(harness.TempPath, "token");
        await File.WriteAllTextAsync(tokenFile, harness.Fake.Token);

        var result = CommsCli.Run("check", "--pr", "77", "--repo", "example/project", "--api-url", harness.Fake.ApiUrl, "--cache", harness.CacheDir, "--token-file", tokenFile);

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(GitHubCodes.PlainHttp, result.Error, StringComparison.Ordinal);
    }
}
