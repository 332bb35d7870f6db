using System.Net;
using Comms.TestKit;

namespace Comms.Site.Tests;

/// <summary>
/// <c>comms serve</c> answers this machine only: a request naming another host (a DNS-rebinding page) gets 421 and
/// nothing of the preview; every answer forbids cross-origin reads and content sniffing.
/// </summary>
public sealed class ServeOriginTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_foreign_Host_gets_421_and_every_answer_is_same_origin_only()
    {
        _dir.File("content/comms.yaml", "project:\n  name: Example\n  repo: example/project\n");
        _dir.File("release-notes/v1.0.0/release.yaml", "version: v1.0.0\nrelease_date:\n");
        _dir.File("release-notes/v1.0.0/pulls.json",
            "[{\"number\": 1, \"title\": \"Change\", \"body\": \"```release-note\\r\\nAdded a secret thing.\\r\\n```\\r\\n\", \"labels\": [{\"name\": \"kind/feature\"}, {\"name\": \"sig/node\"}]," +
            " \"user\": {\"login\": \"dev\"}, \"html_url\": \"https://github.com/example/project/pull/1\", \"merged_at\": \"2026-01-10T12:00:00Z\", \"merged\": true," +
            " \"merge_commit_sha\": \"0000000000000000000000000000000000000001\", \"base\": {\"ref\": \"main\"}}]");
        await using var serve = await ServeProcess.StartAsync(_dir.Path, new Dictionary<string, string> { ["CI"] = "true" });
        var port = new Uri(serve.Url).Port;
        using var client = new HttpClient { BaseAddress = new Uri(serve.Url) };

        async Task<HttpResponseMessage> Get(string path, string host)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Host = host;
            return await client.SendAsync(request);
        }

        foreach (var host in new[] { $"attacker.example:{port}", "attacker.example", $"127.0.0.1.attacker.example:{port}", $"localhost:{port + 1}", $"127.0.0.2:{port}" })
        {
            foreach (var path in new[] { "/", "/drafts/", "/drafts/v1.0.0/press-brief.md", "/release-1.0.0.html" })
            {
                using var refused = await Get(path, host);
                Assert.Equal(HttpStatusCode.MisdirectedRequest, refused.StatusCode);
                Assert.DoesNotContain("secret thing", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        foreach (var host in new[] { $"127.0.0.1:{port}", $"localhost:{port}" })
        {
            using var page = await Get("/release-1.0.0.html", host);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("secret thing", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal("same-origin", page.Headers.GetValues("Cross-Origin-Resource-Policy").Single());
            Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        }

        using var drafts = await Get("/drafts/", $"127.0.0.1:{port}");
        Assert.Equal(HttpStatusCode.OK, drafts.StatusCode);
        Assert.Equal("same-origin", drafts.Headers.GetValues("Cross-Origin-Resource-Policy").Single());
    }
}
