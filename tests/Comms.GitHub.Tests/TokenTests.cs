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
    public async Task A_pull_whose_text_holds_the_token_is_not_cached_written_or_built()
    {
        await using var harness = await Harness.StartAsync();
        FakeRelease.Synthetic(harness.Fake, 3);
        harness.Fake.Add(FakeData.Synthetic(1001, body: "Token " + harness.Fake.Token + " pasted by mistake.\r\n\r\n```release-note\r\nFixed it.\r\n```"));
        // An echo in another encoding: the token upper-cased in a label-like title.
        harness.Fake.Touch(1002, "Fix " + harness.Fake.Token.ToUpperInvariant()[..12], "2024-05-02T10:00:00Z");
        var tokenFile = Path.Combine(harness.TempPath, "token");
        await File.WriteAllTextAsync(tokenFile, harness.Fake.Token);
        var output = Path.Combine(harness.TempPath, "pulls.json");
        var outFolder = Path.Combine(harness.TempPath, "out");

        var result = CommsCli.Run("collect", "--repo", "example/project", "--from", "v1.0.0", "--to", "v1.1.0",
            "--api-url", harness.Fake.ApiUrl, "--token-file", tokenFile, "--cache", harness.CacheDir, "--out", output);
        var build = CommsCli.Run("build", "--repo", "example/project", "--from", "v1.0.0", "--to", "v1.1.0", "--version", "v1.1.0",
            "--api-url", harness.Fake.ApiUrl, "--token-file", tokenFile, "--cache", harness.CacheDir, "--out", outFolder);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("PR #1001", result.Error, StringComparison.Ordinal);
        Assert.Contains("PR #1002", result.Error, StringComparison.Ordinal);
        Assert.Contains(GitHubCodes.TokenInPull, result.Error, StringComparison.Ordinal);
        Assert.True(build.ExitCode is 0, build.Error);
        foreach (var run in new[] { result, build })
        {
            Assert.DoesNotContain(harness.Fake.Token, run.Out + run.Error, StringComparison.OrdinalIgnoreCase);
        }

        // Neither the cache, pulls.json, the drafts nor the site hold the token or the PRs that held it.
        var files = FilesText(harness.TempPath, tokenFile);
        Assert.DoesNotContain(harness.Fake.Token, files, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(harness.Fake.Token[..12], files, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("1000", File.ReadAllText(output), StringComparison.Ordinal);
        Assert.DoesNotContain("pasted by mistake", files, StringComparison.Ordinal);
        Assert.True(Directory.EnumerateFiles(outFolder, "*.html", SearchOption.AllDirectories).Any());
    }

    [Theory]
    [InlineData("url")]
    [InlineData("url-lower")]
    [InlineData("base64")]
    [InlineData("basic")]
    [InlineData("base64url")]
    [InlineData("upper")]
    [InlineData("prefix")]
    [InlineData("split")]
    [InlineData("suffix")]
    public void The_token_is_redacted_in_every_form_a_server_echoes(string form)
    {
        const string token = "ghp_Ab+/cd=Ef0123456789xyzXYZ";
        var echo = form switch
        {
            "url" => Uri.EscapeDataString(token),
            "url-lower" => Uri.EscapeDataString(token).ToLowerInvariant(),
            "base64" => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(token)),
            "basic" => "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("x-access-token:" + token)),
            "base64url" => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("ab" + token)).Replace('+', '-').Replace('/', '_'),
            "upper" => token.ToUpperInvariant(),
            "prefix" => token[..9],
            "split" => token[..14] + "\n  " + token[14..],
            "suffix" => token[^10..],
            _ => throw new ArgumentOutOfRangeException(nameof(form)),
        };
        var text = $"server said: {echo} (bad credentials)";

        var redacted = GitHubHttp.Redact(text, token);

        Assert.Contains("[redacted]", redacted, StringComparison.Ordinal);
        Assert.StartsWith("server said: ", redacted, StringComparison.Ordinal);
        Assert.EndsWith("(bad credentials)", redacted, StringComparison.Ordinal);
        var redactor = new Comms.Core.Diagnostics.TokenRedactor(token);
        Assert.False(redactor.Holds(redacted), redacted);
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
