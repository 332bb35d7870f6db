using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Comms.GitHub.Fake;

/// <summary>
/// A fake GitHub on 127.0.0.1 (Kestrel, a free port): REST pulls with ETags, REST compare with Link paging, and
/// GraphQL for aliased <c>pullRequest(number:)</c> batches and ref compare. Counts requests and injects faults.
/// </summary>
public sealed partial class FakeGitHub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;
    private int _graphQl;
    private int _rest;
    private int _notModified;

    private FakeGitHub(WebApplication app, string owner, string name)
    {
        _app = app;
        Owner = owner;
        Name = name;
    }

    public string Owner { get; }
    public string Name { get; }
    public string ApiUrl { get; private set; } = string.Empty;

    /// <summary>REST pull objects by number.</summary>
    public ConcurrentDictionary<int, JsonObject> Pulls { get; } = new();

    /// <summary>The history compare returns (oldest first), for any pair of <see cref="Refs"/>.</summary>
    public List<FakeCommit> Commits { get; } = [];

    public HashSet<string> Refs { get; } = new(StringComparer.Ordinal) { "v1.0.0", "v1.1.0" };

    /// <summary>Faults applied to the next requests, one each, in order.</summary>
    public ConcurrentQueue<Fault> Faults { get; } = new();

    /// <summary>The token GraphQL requires; REST accepts requests without one.</summary>
    public string Token { get; set; } = "ghp_fake_secret_token_0123456789";

    public ConcurrentQueue<string> Queries { get; } = new();

    public int Requests => Volatile.Read(ref _requests);
    public int GraphQlRequests => Volatile.Read(ref _graphQl);
    public int RestRequests => Volatile.Read(ref _rest);
    public int NotModified => Volatile.Read(ref _notModified);

    public void ResetCounters()
    {
        _requests = _graphQl = _rest = _notModified = 0;
        Queries.Clear();
    }

    public void Add(JsonObject pull) => Pulls[(int)pull["number"]!] = pull;

    /// <summary>Marks a pull changed, as an edit on GitHub would.</summary>
    public void Touch(int number, string title, string updatedAt)
    {
        Pulls[number]["title"] = title;
        Pulls[number]["updated_at"] = updatedAt;
    }

    public static async Task<FakeGitHub> StartAsync(string owner = "example", string name = "project")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeGitHub(app, owner, name);
        app.Run(fake.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.ApiUrl = address.TrimEnd('/');
        return fake;
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var response = context.Response;
        response.Headers["x-ratelimit-limit"] = "5000";
        response.Headers["x-ratelimit-remaining"] = "4000";
        response.Headers["x-ratelimit-reset"] = Epoch(Now().AddHours(1));
        Faults.TryDequeue(out var fault);
        if (fault is not null && await ApplyAsync(fault, context).ConfigureAwait(false))
        {
            return;
        }

        if (fault is null && await ApplyHostileAsync(context).ConfigureAwait(false))
        {
            return;
        }

        var (status, body) = context.Request.Path.Value == "/graphql" && context.Request.Method == "POST"
            ? await GraphQlAsync(context).ConfigureAwait(false)
            : IsReleases(context) ? await ReleasesAsync(context).ConfigureAwait(false) : Rest(context);
        body = fault is null ? RewriteHostile(context, body) : body;
        response.StatusCode = status;
        if (body is null)
        {
            return;
        }

        response.ContentType = "application/json; charset=utf-8";
        var bytes = Encoding.UTF8.GetBytes(body);
        if (fault?.Kind == FaultKind.TruncatedJson)
        {
            bytes = bytes[..(bytes.Length / 2)];
        }

        if (fault?.Kind == FaultKind.Slow)
        {
            await Task.Delay(fault.Delay ?? TimeSpan.FromSeconds(5), context.RequestAborted).ConfigureAwait(false);
        }

        await response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Answers in place of the real handler; false when the fault only alters the real answer.</summary>
    private async Task<bool> ApplyAsync(Fault fault, HttpContext context)
    {
        var response = context.Response;
        switch (fault.Kind)
        {
            case FaultKind.TruncatedJson or FaultKind.Slow or FaultKind.Pass:
                return false;
            case FaultKind.DropConnection:
                context.Abort();
                return true;
            case FaultKind.SecondaryLimitWithRetryAfter:
                response.Headers["retry-after"] = fault.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                await Error(response, 403, "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.").ConfigureAwait(false);
                return true;
            case FaultKind.SecondaryLimitWithoutRetryAfter:
                await Error(response, 403, "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.").ConfigureAwait(false);
                return true;
            case FaultKind.TooManyRequests429:
                await Error(response, 429, "Too many requests").ConfigureAwait(false);
                return true;
            case FaultKind.PrimaryLimitExceeded:
                response.Headers["x-ratelimit-remaining"] = "0";
                response.Headers["x-ratelimit-reset"] = Epoch(Now().AddSeconds(30));
                await Error(response, 403, "API rate limit exceeded for user ID 1.").ConfigureAwait(false);
                return true;
            case FaultKind.GraphQlRateLimited:
                response.Headers["x-ratelimit-remaining"] = "0";
                response.Headers["x-ratelimit-reset"] = Epoch(Now().AddSeconds(30));
                response.StatusCode = 200;
                await response.WriteAsync("""{"errors":[{"type":"RATE_LIMITED","message":"API rate limit exceeded for user ID 1."}]}""").ConfigureAwait(false);
                return true;
            case FaultKind.BadCredentials401:
                await Error(response, 401, "Bad credentials").ConfigureAwait(false);
                return true;
            case FaultKind.MissingScope403:
                response.Headers["x-accepted-oauth-scopes"] = "repo";
                response.Headers["x-oauth-scopes"] = "read:user";
                await Error(response, 403, "Resource not accessible by personal access token").ConfigureAwait(false);
                return true;
            default:
                var status = fault.Kind switch { FaultKind.BadGateway502 => 502, FaultKind.GatewayTimeout504 => 504, _ => 500 };
                await Error(response, status, "Server Error").ConfigureAwait(false);
                return true;
        }
    }

    private static Task Error(HttpResponse response, int status, string message)
    {
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        return response.WriteAsync(new JsonObject { ["message"] = message }.ToJsonString());
    }

    private static string Epoch(DateTimeOffset time) => time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
