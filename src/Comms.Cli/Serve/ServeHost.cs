using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Comms.Cli.Serve;

/// <summary>
/// The preview server on 127.0.0.1 (Kestrel): the site at <c>/</c>, the drafts at <c>/drafts/</c>, and server-sent
/// events at <c>/__comms/events</c> that tell open pages to reload after a good build or show the errors of a bad one.
/// </summary>
public sealed class ServeHost : IAsyncDisposable
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private readonly WebApplication _app;
    private readonly Rebuilder _rebuilder;
    private readonly string _site;
    private readonly string _drafts;
    private readonly ConcurrentDictionary<Guid, Channel<string>> _listeners = new();

    private ServeHost(WebApplication app, Rebuilder rebuilder, string site, string drafts)
    {
        _app = app;
        _rebuilder = rebuilder;
        _site = Path.GetFullPath(site);
        _drafts = Path.GetFullPath(drafts);
        rebuilder.Built += Broadcast;
    }

    public string Url { get; private set; } = string.Empty;

    private int _port;

    /// <summary>
    /// The preview is for this machine only: a request must name it as <c>127.0.0.1:&lt;port&gt;</c> or
    /// <c>localhost:&lt;port&gt;</c>. A page elsewhere that points its own name at 127.0.0.1 (DNS rebinding) sends its own
    /// name and is refused with 421, so it can read neither the drafts nor the embargoed press brief.
    /// </summary>
    public static bool HostAllowed(string? host, int port)
    {
        var suffix = ":" + port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return host is not null &&
               (string.Equals(host, "127.0.0.1" + suffix, StringComparison.Ordinal) ||
                string.Equals(host, "localhost" + suffix, StringComparison.OrdinalIgnoreCase));
    }

    public static async Task<ServeHost> StartAsync(Rebuilder rebuilder, string site, string drafts, int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        var app = builder.Build();
        var host = new ServeHost(app, rebuilder, site, drafts);
        app.Run(host.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        host.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
        host._port = new Uri(host.Url).Port;
        return host;
    }

    private static string Json(BuildState state) => new JsonObject
    {
        ["number"] = state.Number,
        ["ok"] = state.Ok,
        ["ms"] = state.Milliseconds,
        ["versions"] = new JsonArray(state.Versions.Select(v => (JsonNode?)v).ToArray()),
        ["diagnostics"] = new JsonArray(state.Diagnostics.Select(d => (JsonNode?)d).ToArray()),
        ["warnings"] = new JsonArray(state.Warnings.Select(d => (JsonNode?)d).ToArray()),
    }.ToJsonString();

    private void Broadcast(BuildState state)
    {
        var message = $"event: build\ndata: {Json(state)}\n\n";
        foreach (var listener in _listeners.Values)
        {
            listener.Writer.TryWrite(message);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = WebUtility.UrlDecode(context.Request.Path.Value ?? "/");
        var response = context.Response;
        response.Headers.CacheControl = "no-store";

        // Nothing is readable from another origin: no cross-origin <script src> of the notes' data shards, no sniffing.
        response.Headers["Cross-Origin-Resource-Policy"] = "same-origin";
        response.Headers.XContentTypeOptions = "nosniff";
        if (!HostAllowed(context.Request.Headers.Host.ToString(), _port))
        {
            response.StatusCode = StatusCodes.Status421MisdirectedRequest;
            await Send(response, "text/plain; charset=utf-8", $"comms serve answers only http://127.0.0.1:{_port.ToString(System.Globalization.CultureInfo.InvariantCulture)}/ and http://localhost:{_port.ToString(System.Globalization.CultureInfo.InvariantCulture)}/\n").ConfigureAwait(false);
            return;
        }

        switch (path)
        {
            case LiveReload.EventsPath:
                await EventsAsync(context).ConfigureAwait(false);
                return;
            case LiveReload.StatusPath:
                await Send(response, "application/json; charset=utf-8", Json(_rebuilder.State)).ConfigureAwait(false);
                return;
            case LiveReload.ScriptPath:
                await Send(response, "text/javascript; charset=utf-8", LiveReload.Script).ConfigureAwait(false);
                return;
            case LiveReload.StylePath:
                await Send(response, "text/css; charset=utf-8", LiveReload.Style).ConfigureAwait(false);
                return;
        }

        if (path == "/drafts" || path.StartsWith("/drafts/", StringComparison.Ordinal))
        {
            await DraftAsync(context, path["/drafts".Length..].TrimStart('/')).ConfigureAwait(false);
            return;
        }

        var file = Resolve(_site, path.TrimStart('/'));
        if (file is not null && Directory.Exists(file))
        {
            file = Path.Combine(file, "index.html");
        }

        if (file is null || !File.Exists(file))
        {
            response.StatusCode = 404;
            var notFound = Resolve(_site, "404.html");
            await SendPage(response, notFound is not null && File.Exists(notFound) ? await File.ReadAllTextAsync(notFound).ConfigureAwait(false) : "<!doctype html><title>Not found</title><body><p>Not found.</p></body>").ConfigureAwait(false);
            return;
        }

        if (file.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
        {
            await SendPage(response, await File.ReadAllTextAsync(file).ConfigureAwait(false)).ConfigureAwait(false);
            return;
        }

        response.ContentType = ContentTypes.TryGetContentType(file, out var type) ? type : "application/octet-stream";
        await response.SendFileAsync(file).ConfigureAwait(false);
    }

    private Task SendPage(HttpResponse response, string html) =>
        Send(response, "text/html; charset=utf-8", LiveReload.Inject(html, _rebuilder.State));

    private static Task Send(HttpResponse response, string type, string text)
    {
        response.ContentType = type;
        return response.WriteAsync(text);
    }

    /// <summary>The page under a release's drafts that shows the enhancements review.</summary>
    public const string ReviewPage = "enhancements";

    /// <summary>The drafts: a list of every release's files, and each file as plain text.</summary>
    private async Task DraftAsync(HttpContext context, string relative)
    {
        // /drafts/<version>/enhancements: the review the comms lead confirms with the Enhancements team.
        if (relative.EndsWith("/" + ReviewPage, StringComparison.Ordinal) &&
            Resolve(_drafts, Path.Combine(relative[..^(ReviewPage.Length + 1)], Comms.Core.Json.ReleaseJsonWriter.FileName)) is { } releaseJson && File.Exists(releaseJson))
        {
            var review = Comms.Core.Enhancements.EnhancementReview.Text(await File.ReadAllTextAsync(releaseJson).ConfigureAwait(false)) ?? "This release was built without enhancement data.";
            await SendPage(context.Response,
                $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Enhancements review</title></head><body><h1>Enhancements review</h1><pre>{WebUtility.HtmlEncode(review)}</pre></body></html>").ConfigureAwait(false);
            return;
        }

        var file = Resolve(_drafts, relative);
        if (file is not null && File.Exists(file) && file.EndsWith(".md", StringComparison.Ordinal) && !context.Request.Query.ContainsKey("raw"))
        {
            // A Markdown draft reads as the page it will become; ?raw gives the Markdown.
            await SendPage(context.Response, DraftPage.Html(relative, await File.ReadAllTextAsync(file).ConfigureAwait(false), _rebuilder.State.Warnings)).ConfigureAwait(false);
            return;
        }

        if (file is not null && File.Exists(file))
        {
            await Send(context.Response, file.EndsWith(".json", StringComparison.Ordinal) ? "application/json; charset=utf-8" : "text/plain; charset=utf-8",
                await File.ReadAllTextAsync(file).ConfigureAwait(false)).ConfigureAwait(false);
            return;
        }

        var list = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Drafts</title></head><body><h1>Drafts</h1>");
        if (Directory.Exists(_drafts))
        {
            foreach (var release in Directory.EnumerateDirectories(_drafts).Order(Comms.Core.Model.VersionOrder.Instance))
            {
                var version = Path.GetFileName(release);
                list.Append("<h2>").Append(WebUtility.HtmlEncode(version)).Append("</h2><ul>");
                if (File.Exists(Path.Combine(release, Comms.Core.Json.ReleaseJsonWriter.FileName)))
                {
                    list.Append("<li><a href=\"/drafts/").Append(Uri.EscapeDataString(version)).Append('/').Append(ReviewPage).Append("\">Enhancements review</a></li>");
                }

                // Every draft of the release, those in its folders too (the feature-blog placeholders).
                foreach (var draft in Directory.EnumerateFiles(release, "*", SearchOption.AllDirectories)
                             .Select(f => Path.GetRelativePath(release, f).Replace(Path.DirectorySeparatorChar, '/'))
                             .Where(f => !f.Split('/').Any(part => part.StartsWith('.')))
                             .Order(StringComparer.Ordinal))
                {
                    var href = "/drafts/" + Uri.EscapeDataString(version) + "/" + string.Join('/', draft.Split('/').Select(Uri.EscapeDataString));
                    list.Append("<li><a href=\"").Append(href).Append("\">").Append(WebUtility.HtmlEncode(draft)).Append("</a></li>");
                }

                list.Append("</ul>");
            }
        }

        context.Response.StatusCode = relative.Length == 0 ? 200 : 404;
        await SendPage(context.Response, list.Append("</body></html>").ToString()).ConfigureAwait(false);
    }

    /// <summary>The file under <paramref name="root"/> a URL path names, or null when it would leave the folder.</summary>
    private static string? Resolve(string root, string relative)
    {
        var full = Path.GetFullPath(Path.Combine(root, relative));
        return full == root || full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }

    private async Task EventsAsync(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers["X-Accel-Buffering"] = "no";
        var id = Guid.NewGuid();
        var channel = Channel.CreateUnbounded<string>();
        _listeners[id] = channel;
        try
        {
            await response.WriteAsync($"retry: 500\nevent: build\ndata: {Json(_rebuilder.State)}\n\n", context.RequestAborted).ConfigureAwait(false);
            await response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            await foreach (var message in channel.Reader.ReadAllAsync(context.RequestAborted).ConfigureAwait(false))
            {
                await response.WriteAsync(message, context.RequestAborted).ConfigureAwait(false);
                await response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The page closed or reloaded.
        }
        finally
        {
            _listeners.TryRemove(id, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _rebuilder.Built -= Broadcast;
        foreach (var listener in _listeners.Values)
        {
            listener.Writer.TryComplete();
        }

        // Open pages hold live-reload connections: stopping waits for them a second at most (SIGTERM ends serve within 2 s).
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await _app.StopAsync(bound.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
