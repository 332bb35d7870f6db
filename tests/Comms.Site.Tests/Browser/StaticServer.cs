using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Comms.Site.Tests.Browser;

/// <summary>A tiny Kestrel static file server on 127.0.0.1 (a free port) serving a built site under a sub-path.</summary>
public sealed class StaticServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StaticServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The site's address, ending in <c>/</c>, under a sub-path like a GitHub Pages project site.</summary>
    public string BaseUrl { get; }

    public static async Task<StaticServer> StartAsync(string siteRoot, string subPath = "/project")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".atom"] = "application/atom+xml";
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(siteRoot),
            RequestPath = subPath,
            ContentTypeProvider = types,
        });
        // Like GitHub Pages: a missing path under the site gets the site's 404.html, with status 404.
        app.Use(async (context, next) =>
        {
            await next();
            var notFound = Path.Combine(siteRoot, "404.html");
            if (context.Response.StatusCode == 404 && !context.Response.HasStarted && File.Exists(notFound))
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, await File.ReadAllTextAsync(notFound));
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new StaticServer(app, address.TrimEnd('/') + subPath + "/");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
