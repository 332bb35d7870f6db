using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Comms.GitHub.Http;

/// <summary>
/// Sends REST and GraphQL requests politely: primary limits wait for the reset, secondary limits honour
/// <c>retry-after</c> (else at least a minute, then exponential back-off), GraphQL <c>RATE_LIMITED</c> waits,
/// 502/504 ask the caller to halve the batch, transient failures back off. Every retry is bounded.
/// </summary>
internal sealed partial class GitHubHttp : IDisposable
{
    private readonly HttpClient _http;
    private readonly RetryOptions _retry;
    private readonly string? _token;
    private readonly Uri _graphQl;
    private int _requests;

    public GitHubHttp(CollectRequest request)
    {
        _retry = request.Retry;
        _token = request.Token;
        Comms.Core.Diagnostics.Secrets.Register(_token);
        _http = request.Handler is null
            ? new HttpClient(new SocketsHttpHandler { ConnectTimeout = _retry.ConnectTimeout, AutomaticDecompression = DecompressionMethods.None })
            : new HttpClient(request.Handler, disposeHandler: false);
        _http.Timeout = Timeout.InfiniteTimeSpan;
        var api = request.ApiUrl.TrimEnd('/');
        ApiBase = new Uri(api + "/");
        _graphQl = new Uri(request.GraphQlUrl ?? (api.EndsWith("/api/v3", StringComparison.OrdinalIgnoreCase)
            ? api[..^"/v3".Length] + "/graphql"
            : api + "/graphql"));
    }

    public Uri ApiBase { get; }

    public RetryOptions Retry => _retry;

    /// <summary>The token sent, for the checks that keep it out of every output.</summary>
    public string? Token => _token;

    public RateLimitState RateLimit { get; } = new();

    /// <summary>Requests sent, retries included.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public async Task<JsonDocument> GraphQlAsync(string query, bool canHalve, CancellationToken ct)
    {
        var payload = JsonSerializer.Serialize(new GraphQlPayload(query), GitHubJsonContext.Default.GraphQlPayload);
        var reply = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, _graphQl)
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        }, canHalve, graphQl: true, ct).ConfigureAwait(false);
        return reply.Json!;
    }

    public Task<Reply> RestGetAsync(Uri url, string? etag, CancellationToken ct) =>
        SendAsync(() =>
        {
            var message = new HttpRequestMessage(HttpMethod.Get, url);
            if (etag is not null)
            {
                message.Headers.TryAddWithoutValidation("If-None-Match", etag);
            }

            return message;
        }, canHalve: false, graphQl: false, ct);

    /// <summary>
    /// A REST write (POST, PATCH) with a JSON body; 200 and 201 answer with JSON. With <paramref name="once"/> it is sent
    /// at most once: a write whose outcome is unknown (no answer, a cut answer, a server error) is never sent again.
    /// </summary>
    public Task<Reply> RestSendAsync(HttpMethod method, Uri url, string json, CancellationToken ct, bool once = false) =>
        SendAsync(() => new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") },
            canHalve: false, graphQl: false, ct, once ? 1 : _retry.MaxAttempts);

    private async Task<Reply> SendAsync(Func<HttpRequestMessage> make, bool canHalve, bool graphQl, CancellationToken ct, int? attempts = null)
    {
        var maxAttempts = attempts ?? _retry.MaxAttempts;
        var lastProblem = "none";
        var secondaryHits = 0;
        var unreachable = 0;
        for (var attempt = 1; attempt <= maxAttempts; attempt++)
        {
            using var deadline = new CancellationTokenSource(_retry.RequestTimeout, _retry.Clock.Timers);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
            HttpResponseMessage response;
            string text;
            try
            {
                using var message = make();
                AddHeaders(message);
                Interlocked.Increment(ref _requests);
                response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                try
                {
                    text = await ReadBoundedAsync(response, timeout.Token).ConfigureAwait(false);
                }
                catch
                {
                    response.Dispose();
                    throw;
                }
            }
            catch (HttpRequestException e) when (Unreachable(e) is { } why)
            {
                // Offline, a name that does not resolve, a network that is down: one quick second try, then say so.
                if (++unreachable >= 2)
                {
                    throw new GitHubFailure(GitHubCodes.Unreachable,
                        $"cannot reach {ApiBase.Host} ({why}). Check the network and --api-url, or build from files you already have: comms build --pulls <dir|file> --version <v>");
                }

                await _retry.Clock.DelayAsync(TimeSpan.FromMilliseconds(500), ct).ConfigureAwait(false);
                attempt--;
                continue;
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                lastProblem = $"no answer within {_retry.RequestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s";
                await BackoffAsync(attempt, maxAttempts, ct).ConfigureAwait(false);
                continue;
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                lastProblem = "the connection failed";
                await BackoffAsync(attempt, maxAttempts, ct).ConfigureAwait(false);
                continue;
            }

            using (response)
            {
                RateLimit.Update(response.Headers);
                var status = (int)response.StatusCode;
                var etag = response.Headers.ETag?.ToString();
                if (status == 304 || (status == 404 && !graphQl))
                {
                    return new Reply(response.StatusCode, null, etag, null);
                }

                if (status is 200 or 201)
                {
                    JsonDocument doc;
                    try
                    {
                        doc = JsonDocument.Parse(text);
                    }
                    catch (JsonException)
                    {
                        lastProblem = "the answer was cut short (incomplete JSON)";
                        await BackoffAsync(attempt, maxAttempts, ct).ConfigureAwait(false);
                        continue;
                    }

                    if (graphQl && GraphQlErrors.IsRateLimited(doc.RootElement))
                    {
                        doc.Dispose();
                        lastProblem = "GraphQL RATE_LIMITED";
                        await WaitForResetAsync(ct).ConfigureAwait(false);
                        continue;
                    }

                    return new Reply(response.StatusCode, doc, etag, NextLink(response.Headers));
                }

                if (status == 401)
                {
                    throw new GitHubFailure(GitHubCodes.Unauthorized, _token is null
                        ? "GitHub asks for a token (401). Set GITHUB_TOKEN or pass --token-file with a token that has the `repo` scope (`public_repo` for a public repository) or, for a fine-grained token, read access to Contents and Pull requests."
                        : "GitHub rejected the token (401 Bad credentials): it is wrong, expired or revoked. Make a new one with the `repo` scope (`public_repo` for a public repository) or, for a fine-grained token, read access to Contents and Pull requests.");
                }

                if (status is 403 or 429)
                {
                    if (RateLimitState.Header(response.Headers, "x-ratelimit-remaining") == "0")
                    {
                        lastProblem = "primary rate limit";
                        await WaitForResetAsync(ct).ConfigureAwait(false);
                        continue;
                    }

                    var retryAfter = RetryAfter(response.Headers);
                    if (retryAfter is not null || status == 429 || text.Contains("secondary rate limit", StringComparison.OrdinalIgnoreCase))
                    {
                        secondaryHits++;
                        lastProblem = "secondary rate limit";
                        var backoff = _retry.SecondaryLimitDelay * Math.Pow(2, secondaryHits - 1);
                        if (retryAfter > _retry.MaxDelay)
                        {
                            throw new GitHubFailure(GitHubCodes.RateLimited,
                                $"GitHub asks to wait {retryAfter.Value.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s before the next request, longer than the longest wait allowed ({_retry.MaxDelay.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s). " +
                                "Re-run the same command later: what was fetched is in the cache and is not fetched again.");
                        }

                        var wait = retryAfter ?? (backoff > _retry.MaxDelay ? _retry.MaxDelay : backoff);
                        await _retry.Clock.DelayAsync(wait, ct).ConfigureAwait(false);
                        continue;
                    }

                    throw new GitHubFailure(GitHubCodes.Forbidden, ForbiddenMessage(response.Headers, text));
                }

                if (status is 502 or 504 && canHalve)
                {
                    throw new BatchTooLargeException();
                }

                if (status >= 500)
                {
                    lastProblem = $"HTTP {status.ToString(CultureInfo.InvariantCulture)}";
                    await BackoffAsync(attempt, maxAttempts, ct).ConfigureAwait(false);
                    continue;
                }

                throw new GitHubFailure(GitHubCodes.UnexpectedResponse,
                    $"GitHub answered HTTP {status.ToString(CultureInfo.InvariantCulture)} ({GraphQlErrors.Message(text)}); check --repo and --api-url.");
            }
        }

        throw new GitHubFailure(GitHubCodes.RetriesExhausted,
            maxAttempts == 1
                ? $"GitHub gave no usable answer ({lastProblem})"
                : $"GitHub failed {maxAttempts.ToString(CultureInfo.InvariantCulture)} times in a row (last: {lastProblem}). " +
            "Nothing fetched so far is lost: it is in the cache, and re-running the same command resumes from there.");
    }

    /// <summary>The answer's text, refused past <see cref="RetryOptions.MaxAnswerBytes"/> before it is all read.</summary>
    private async Task<string> ReadBoundedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var max = _retry.MaxAnswerBytes;
        if (response.Content.Headers.ContentLength is { } length && length > max)
        {
            throw new GitHubFailure(GitHubCodes.AnswerTooLarge, TooLarge(max));
        }

        await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > max)
            {
                throw new GitHubFailure(GitHubCodes.AnswerTooLarge, TooLarge(max));
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private string TooLarge(long max) =>
        $"{ApiBase.Host} sent an answer larger than {(max / (1024 * 1024)).ToString(CultureInfo.InvariantCulture)} MB; no real answer is that large, so collection stops here (check --api-url)";

    /// <summary>Why a host cannot be reached at all (no name, no route, refused), or null for a failure worth retrying.</summary>
    private static string? Unreachable(HttpRequestException e)
    {
        if (e.HttpRequestError == HttpRequestError.NameResolutionError)
        {
            return "its name does not resolve: offline?";
        }

        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is System.Net.Sockets.SocketException socket)
            {
                return socket.SocketErrorCode switch
                {
                    System.Net.Sockets.SocketError.HostNotFound or System.Net.Sockets.SocketError.NoData or System.Net.Sockets.SocketError.TryAgain => "its name does not resolve: offline?",
                    System.Net.Sockets.SocketError.NetworkUnreachable or System.Net.Sockets.SocketError.NetworkDown => "the network is unreachable: offline?",
                    System.Net.Sockets.SocketError.HostUnreachable => "no route to the host",
                    System.Net.Sockets.SocketError.TimedOut => "the connection timed out",
                    _ => null,
                };
            }

            if (inner is TimeoutException)
            {
                return "the connection timed out";
            }
        }

        return null;
    }

    private void AddHeaders(HttpRequestMessage message)
    {
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
        message.Headers.TryAddWithoutValidation("X-GitHub-Api-Version", "2022-11-28");
        message.Headers.TryAddWithoutValidation("User-Agent", "comms-release-notes");
        if (_token is not null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        }
    }

    private Task BackoffAsync(int attempt, int maxAttempts, CancellationToken ct)
    {
        if (attempt >= maxAttempts)
        {
            return Task.CompletedTask;
        }

        var delay = _retry.BaseDelay * Math.Pow(2, attempt - 1);
        return _retry.Clock.DelayAsync(delay > _retry.MaxDelay ? _retry.MaxDelay : delay, ct);
    }

    private async Task WaitForResetAsync(CancellationToken ct)
    {
        var now = _retry.Clock.UtcNow;
        var wait = RateLimit.Reset is { } reset ? reset - now + TimeSpan.FromSeconds(1) : _retry.SecondaryLimitDelay;
        if (wait > _retry.MaxResetWait)
        {
            throw new GitHubFailure(GitHubCodes.RateLimited,
                $"the GitHub rate limit is used up until {RateLimit.Reset!.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC, " +
                $"longer than the longest wait allowed ({_retry.MaxResetWait.TotalMinutes.ToString("0", CultureInfo.InvariantCulture)} min). " +
                "Re-run the same command after that: what was fetched is in the cache and is not fetched again.");
        }

        await _retry.Clock.DelayAsync(wait < TimeSpan.Zero ? TimeSpan.FromSeconds(1) : wait, ct).ConfigureAwait(false);
    }

    private static TimeSpan? RetryAfter(HttpResponseHeaders headers) =>
        RateLimitState.Header(headers, "retry-after") is { } value &&
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(Math.Clamp(seconds, 1, 100L * 365 * 24 * 3600))
            : null;

    private string ForbiddenMessage(HttpResponseHeaders headers, string text)
    {
        var needed = RateLimitState.Header(headers, "x-accepted-oauth-scopes");
        var has = RateLimitState.Header(headers, "x-oauth-scopes");
        var permissions = RateLimitState.Header(headers, "x-accepted-github-permissions");
        var builder = new StringBuilder($"GitHub refused access (403: {GraphQlErrors.Message(text)}). ");
        if (_token is null)
        {
            builder.Append("Set GITHUB_TOKEN or pass --token-file. ");
        }

        if (!string.IsNullOrEmpty(needed))
        {
            builder.Append(CultureInfo.InvariantCulture, $"The token needs the scope `{needed}`; it has `{(string.IsNullOrEmpty(has) ? "none" : has)}`. ");
        }
        else if (!string.IsNullOrEmpty(permissions))
        {
            builder.Append(CultureInfo.InvariantCulture, $"The fine-grained token needs the permissions {permissions}. ");
        }
        else
        {
            builder.Append("The token needs the `repo` scope (`public_repo` for a public repository) or, for a fine-grained token, read access to Contents and Pull requests. ");
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>Text from a server with the token (and any Authorization value) taken out, before it reaches a message.</summary>
    public static string Redact(string text, string? token)
    {
        if (!string.IsNullOrEmpty(token) && token.Length >= 4)
        {
            text = new Comms.Core.Diagnostics.TokenRedactor(token).Redact(text);
        }

        return AuthorizationValue().Replace(Comms.Core.Diagnostics.Secrets.Redact(text), "$1 [redacted]");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?i)\b(bearer|token|basic)\s+[A-Za-z0-9_\-\.=:+/]{8,}", System.Text.RegularExpressions.RegexOptions.CultureInvariant, 1000)]
    private static partial System.Text.RegularExpressions.Regex AuthorizationValue();

    private static Uri? NextLink(HttpResponseHeaders headers)
    {
        if (!headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        foreach (var part in string.Join(',', values).Split(','))
        {
            var pieces = part.Split(';');
            if (pieces.Length > 1 && pieces.Skip(1).Any(p => p.Trim() == "rel=\"next\""))
            {
                var url = pieces[0].Trim().TrimStart('<').TrimEnd('>');
                return Uri.TryCreate(url, UriKind.Absolute, out var next) ? next : null;
            }
        }

        return null;
    }

    public void Dispose() => _http.Dispose();
}
