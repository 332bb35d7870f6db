using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Comms.Core.Diagnostics;
using Comms.GitHub.Http;

namespace Comms.GitHub.Releases;

/// <summary>What <c>comms release</c> was asked to publish.</summary>
public sealed record ReleaseRequest
{
    public required string Repo { get; init; }
    public required string Tag { get; init; }
    public required string Body { get; init; }
    public string? Name { get; init; }

    /// <summary>Where the whole changelog is read, linked when the body must be cut to fit.</summary>
    public string? ChangelogUrl { get; init; }
    public string ApiUrl { get; init; } = "https://api.github.com";
    public string? Token { get; init; }
    public RetryOptions Retry { get; init; } = new();
    public HttpMessageHandler? Handler { get; init; }
}

public enum ReleaseAction
{
    Created,
    Updated,
    Unchanged,
}

public sealed record ReleaseOutcome(ReleaseAction Action, long Id, string? Url);

/// <summary>
/// Creates the GitHub release of a tag, or updates it when it exists (looked up by tag first), so a re-run
/// never makes a second release. Sends through the same polite client as collection; the token is never printed.
/// </summary>
public static class ReleasePublisher
{
    /// <summary>GitHub refuses release bodies longer than this.</summary>
    public const int MaxBodyChars = 125_000;

    public static async Task<ReleaseOutcome?> PublishAsync(ReleaseRequest request, DiagnosticBag diagnostics, CancellationToken ct = default)
    {
        if (!GitHubCollector.IsRepoName(request.Repo))
        {
            diagnostics.Error(GitHubCodes.BadRepo, $"--repo must be owner/name, not '{request.Repo}'");
            return null;
        }

        if (request.Token is null)
        {
            diagnostics.Error(GitHubCodes.NoToken, "writing a release needs a token with the `contents: write` permission (the `repo` scope for a classic token): set GITHUB_TOKEN or pass --token-file");
            return null;
        }

        using var http = new GitHubHttp(new CollectRequest
        {
            Repo = request.Repo, From = string.Empty, To = string.Empty, ApiUrl = request.ApiUrl, Token = request.Token,
            Retry = request.Retry, Handler = request.Handler,
        });
        var body = Fit(request.Body, request.ChangelogUrl);
        var name = request.Name ?? request.Tag;
        var byTag = new Uri(http.ApiBase, $"repos/{request.Repo}/releases/tags/{Uri.EscapeDataString(request.Tag)}");
        var where = byTag.GetLeftPart(UriPartial.Path);
        try
        {
            using var existing = await http.RestGetAsync(byTag, null, ct).ConfigureAwait(false);
            if (existing.Status == HttpStatusCode.NotFound || existing.Json is null)
            {
                var create = new JsonObject { ["tag_name"] = request.Tag, ["name"] = name, ["body"] = body, ["draft"] = false, ["prerelease"] = IsPreRelease(request.Tag) };
                var releases = new Uri(http.ApiBase, $"repos/{request.Repo}/releases");
                where = releases.GetLeftPart(UriPartial.Path);
                try
                {
                    // Sent once: a create whose answer is lost may have made the release, and a second POST would make another.
                    using var created = await http.RestSendAsync(HttpMethod.Post, releases, create.ToJsonString(), ct, once: true).ConfigureAwait(false);
                    return Outcome(ReleaseAction.Created, created, request.Tag, where);
                }
                catch (Exception e) when (e is GitHubFailure { Code: GitHubCodes.RetriesExhausted } or MalformedAnswer)
                {
                    // Unconfirmed: look the tag up once more instead of sending the create again.
                    using var after = await http.RestGetAsync(byTag, null, ct).ConfigureAwait(false);
                    if (after.Status != HttpStatusCode.NotFound && after.Json is not null)
                    {
                        return Outcome(ReleaseAction.Created, after, request.Tag, byTag.GetLeftPart(UriPartial.Path));
                    }

                    throw new GitHubFailure(GitHubCodes.ReleaseUnconfirmed,
                        $"GitHub did not confirm creating the release of {request.Tag} ({e.Message}) and the tag still has no release; the create was not sent again. Run the same command again to retry.");
                }
            }

            var root = Object(existing, request.Tag, where);
            CheckTag(root, request.Tag, where);
            var id = Id(root, where);
            if (Text(root, "body") == body && Text(root, "name") == name)
            {
                return Outcome(ReleaseAction.Unchanged, existing, request.Tag, where);
            }

            var update = new JsonObject { ["name"] = name, ["body"] = body };
            var edit = new Uri(http.ApiBase, $"repos/{request.Repo}/releases/{id.ToString(CultureInfo.InvariantCulture)}");
            where = edit.GetLeftPart(UriPartial.Path);
            using var updated = await http.RestSendAsync(HttpMethod.Patch, edit, update.ToJsonString(), ct).ConfigureAwait(false);
            return Outcome(ReleaseAction.Updated, updated, request.Tag, where);
        }
        catch (GitHubFailure failure)
        {
            diagnostics.Error(failure.Code, GitHubHttp.Redact(failure.Message, request.Token), where);
            return null;
        }
        catch (MalformedAnswer malformed)
        {
            diagnostics.Error(GitHubCodes.UnexpectedResponse, GitHubHttp.Redact(malformed.Message, request.Token), where);
            return null;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            diagnostics.Error(GitHubCodes.Cancelled, "cancelled; the release may or may not have been written, and running the same command again finishes the job");
            return null;
        }
    }

    /// <summary>An answer of another shape than GitHub documents for a release.</summary>
    private sealed class MalformedAnswer(string message) : Exception(message);

    private static JsonElement Object(Reply reply, string tag, string where)
    {
        if (reply.Json?.RootElement is not { ValueKind: JsonValueKind.Object } root)
        {
            throw new MalformedAnswer($"GitHub's answer about the release of {tag} is not a release object ({where}); nothing more was changed");
        }

        return root;
    }

    /// <summary>The release GitHub answers with must be the tag's: never edit another tag's release.</summary>
    private static void CheckTag(JsonElement root, string tag, string where)
    {
        var other = Text(root, "tag_name");
        if (!string.Equals(other, tag, StringComparison.Ordinal))
        {
            throw new MalformedAnswer(other is null
                ? $"GitHub's release answer for {tag} names no tag ({where}); nothing was changed"
                : $"GitHub answered with the release of tag {Core.Diagnostics.ConsoleText.Clean(other)} when asked for {tag} ({where}); that release was left as it is");
        }
    }

    private static long Id(JsonElement root, string where) =>
        root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out var value) && value > 0
            ? value
            : throw new MalformedAnswer($"GitHub's release answer has no release id ({where}); nothing was changed");

    /// <summary>The body as GitHub will take it: cut at a line end under the limit, saying so.</summary>
    public static string Fit(string body, string? changelogUrl = null)
    {
        body = body.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (body.Length <= MaxBodyChars)
        {
            return body;
        }

        var note = changelogUrl is null
            ? "\n\n_The changelog is longer than a GitHub release can hold; the rest is in the full changelog._\n"
            : $"\n\n_The changelog is longer than a GitHub release can hold; the rest is in the [full changelog]({changelogUrl})._\n";
        var cut = body.LastIndexOf('\n', MaxBodyChars - note.Length);
        return body[..(cut > 0 ? cut : MaxBodyChars - note.Length)] + note;
    }

    private static bool IsPreRelease(string tag) => Comms.Core.Model.SemVersion.TryParse(tag, out var v) && v.IsPreRelease;

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()?.Replace("\r\n", "\n", StringComparison.Ordinal) : null;

    private static ReleaseOutcome Outcome(ReleaseAction action, Reply reply, string tag, string where)
    {
        var root = Object(reply, tag, where);
        if (root.TryGetProperty("tag_name", out _))
        {
            CheckTag(root, tag, where);
        }

        return new ReleaseOutcome(action, Id(root, where), Text(root, "html_url"));
    }
}
