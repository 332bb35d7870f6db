using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Comms.GitHub.Fake;

/// <summary>
/// A server that misbehaves on purpose, on every request while it is set: answers that never end, waits that
/// would last days, answers of the wrong shape or for other PRs, and a token echoed back.
/// </summary>
public enum HostileKind
{
    /// <summary>GraphQL compare: every page says there is a next page, with the same cursor.</summary>
    SameCursor,

    /// <summary>REST compare: every page links to itself as the next page.</summary>
    NextLinkToSelf,

    /// <summary>403 with <c>x-ratelimit-remaining: 0</c> and <c>x-ratelimit-reset</c> set to <see cref="Hostile.Text"/> (raw).</summary>
    ResetAt,

    /// <summary>200 with <see cref="Hostile.Text"/> as the whole body.</summary>
    RawAnswer,

    /// <summary>Pull answers (GraphQL full fetch, REST pull) with <c>number</c> as a string.</summary>
    NumbersAsStrings,

    /// <summary>Pull answers (GraphQL full fetch, REST pull) for another PR number than asked (asked + 100000).</summary>
    OtherPrNumbers,

    /// <summary>400 whose REST error message repeats the Authorization header it got.</summary>
    EchoTokenInErrorBody,

    /// <summary>200 GraphQL answer without data whose error message repeats the token.</summary>
    EchoTokenInGraphQlMessage,

    /// <summary>403 whose <c>x-oauth-scopes</c> header (and message) hold the token.</summary>
    EchoTokenInScopes,

    /// <summary>GraphQL compare: every page says there is a next page, each time with a new cursor.</summary>
    RotatingCursor,

    /// <summary>REST compare: every page links to a next page that differs each time.</summary>
    RotatingNextLink,

    /// <summary>200 with an endless JSON string, sent in chunks without a length, until the client stops reading.</summary>
    EndlessAnswer,

    /// <summary>The next request gets no answer until the client gives up on it (then the hostility ends): see <see cref="FakeGitHub.Stalled"/>.</summary>
    StallOnce,
}

/// <summary>A hostile behaviour; <paramref name="Text"/> is the kind's raw value, if it takes one.</summary>
public sealed record Hostile(HostileKind Kind, string? Text = null);

public sealed partial class FakeGitHub
{
    /// <summary>Applied to every request while set (after the one-shot <see cref="Faults"/> queue is empty).</summary>
    public Hostile? Hostility { get; set; }

    /// <summary>The fake's clock for rate-limit resets; tests set it to their virtual clock so only one clock is in play.</summary>
    public Func<DateTimeOffset> Now { get; set; } = () => DateTimeOffset.UtcNow;

    /// <summary>Released when a <see cref="HostileKind.StallOnce"/> request has arrived and is being held.</summary>
    public SemaphoreSlim Stalled { get; } = new(0);

    private int _rotations;

    /// <summary>Answers in place of the real handler when the hostility replaces the answer; false otherwise.</summary>
    private async Task<bool> ApplyHostileAsync(HttpContext context)
    {
        var response = context.Response;
        var authorization = context.Request.Headers.Authorization.ToString();
        switch (Hostility?.Kind)
        {
            case HostileKind.ResetAt:
                response.Headers["x-ratelimit-remaining"] = "0";
                response.Headers["x-ratelimit-reset"] = Hostility.Text ?? "0";
                await Error(response, 403, "API rate limit exceeded for user ID 1.").ConfigureAwait(false);
                return true;
            case HostileKind.RawAnswer:
                response.StatusCode = 200;
                response.ContentType = "application/json; charset=utf-8";
                await response.WriteAsync(Hostility.Text ?? string.Empty).ConfigureAwait(false);
                return true;
            case HostileKind.EchoTokenInErrorBody:
                await Error(response, 400, $"Problems parsing request; you sent Authorization: {authorization} ({Token})").ConfigureAwait(false);
                return true;
            case HostileKind.EchoTokenInGraphQlMessage:
                response.StatusCode = 200;
                response.ContentType = "application/json; charset=utf-8";
                await response.WriteAsync(new JsonObject
                {
                    ["errors"] = new JsonArray(new JsonObject { ["type"] = "UNKNOWN", ["message"] = $"token {Token} is not valid here; header was {authorization}" }),
                }.ToJsonString()).ConfigureAwait(false);
                return true;
            case HostileKind.EndlessAnswer:
                response.StatusCode = 200;
                response.ContentType = "application/json; charset=utf-8";
                try
                {
                    await response.WriteAsync("{\"data\": \"").ConfigureAwait(false);
                    var chunk = new string('a', 64 * 1024);
                    while (!context.RequestAborted.IsCancellationRequested)
                    {
                        await response.WriteAsync(chunk, context.RequestAborted).ConfigureAwait(false);
                    }
                }
                catch (Exception e) when (e is OperationCanceledException or IOException)
                {
                    // The client stopped reading, as it should.
                }

                return true;
            case HostileKind.StallOnce:
                Hostility = null;
                Stalled.Release();
                try
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up, as it should.
                }

                return true;
            case HostileKind.EchoTokenInScopes:
                response.Headers["x-accepted-oauth-scopes"] = Token;
                response.Headers["x-oauth-scopes"] = Token + ", " + authorization;
                await Error(response, 403, $"Resource not accessible by personal access token {Token}").ConfigureAwait(false);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Alters a real answer (body and headers) for the hostilities that only change it.</summary>
    private string? RewriteHostile(HttpContext context, string? body)
    {
        if (Hostility is null || body is null)
        {
            return body;
        }

        switch (Hostility.Kind)
        {
            case HostileKind.NextLinkToSelf when context.Request.Path.Value?.Contains("/compare/", StringComparison.Ordinal) == true:
                context.Response.Headers["Link"] = $"<{ApiUrl}{context.Request.Path}{context.Request.QueryString}>; rel=\"next\"";
                return body;
            case HostileKind.RotatingNextLink when context.Request.Path.Value?.Contains("/compare/", StringComparison.Ordinal) == true:
                context.Response.Headers["Link"] = $"<{ApiUrl}{context.Request.Path}?per_page=100&page={Interlocked.Increment(ref _rotations).ToString(CultureInfo.InvariantCulture)}>; rel=\"next\"";
                return body;
            case HostileKind.SameCursor or HostileKind.RotatingCursor:
                var root = JsonNode.Parse(body);
                if (root?["data"]?["repository"]?["ref"]?["compare"]?["commits"] is JsonObject commits)
                {
                    var cursor = Hostility.Kind == HostileKind.SameCursor ? "1" : Interlocked.Increment(ref _rotations).ToString(CultureInfo.InvariantCulture);
                    commits["pageInfo"] = new JsonObject { ["hasNextPage"] = true, ["endCursor"] = cursor };
                    return root.ToJsonString();
                }

                return body;
            case HostileKind.NumbersAsStrings or HostileKind.OtherPrNumbers:
                return RewritePulls(JsonNode.Parse(body), Hostility.Kind)?.ToJsonString() ?? body;
            default:
                return body;
        }
    }

    private static JsonNode? RewritePulls(JsonNode? root, HostileKind kind)
    {
        var pulls = root?["data"]?["repository"] is JsonObject repository
            ? repository.Select(p => p.Value).OfType<JsonObject>().Where(p => p.ContainsKey("number"))
            : root is JsonObject rest && rest.ContainsKey("number") ? [rest] : [];
        foreach (var pull in pulls.ToArray())
        {
            var number = (int)pull["number"]!;
            pull["number"] = kind == HostileKind.NumbersAsStrings
                ? JsonValue.Create(number.ToString(CultureInfo.InvariantCulture))
                : JsonValue.Create(number + 100000);
        }

        return root;
    }
}
