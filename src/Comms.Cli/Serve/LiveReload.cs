using System.Net;
using System.Text.RegularExpressions;

namespace Comms.Cli.Serve;

/// <summary>What <c>comms serve</c> adds to every HTML page: a script that reloads on a new build and shows build errors.</summary>
public static partial class LiveReload
{
    public const string ScriptPath = "/__comms/live.js";
    public const string StylePath = "/__comms/live.css";
    public const string EventsPath = "/__comms/events";
    public const string StatusPath = "/__comms/status";

    [GeneratedRegex("""(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")""", RegexOptions.IgnoreCase)]
    private static partial Regex CspMeta();

    /// <summary>The page with the live-reload script, the error panel when the last build failed, and a CSP that lets the script listen.</summary>
    public static string Inject(string html, BuildState state)
    {
        // The attribute holds entities (&#x27;self&#x27;): read the policy decoded, write it back encoded.
        html = CspMeta().Replace(html, m => m.Groups[1].Value + WebUtility.HtmlEncode(WithConnectSelf(WebUtility.HtmlDecode(m.Groups[2].Value))) + m.Groups[3].Value, 1);
        var panel = state.Ok ? WarningsPanel(state.Warnings) : Panel(state.Diagnostics, state.Warnings);
        var tags = $"""{panel}<link rel="stylesheet" href="{StylePath}"><script src="{ScriptPath}" data-build="{state.Number}"></script>""";
        var end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return end >= 0 ? html[..end] + tags + html[end..] : html + tags;
    }

    /// <summary>The policy with <c>connect-src 'self'</c>: added to the page's own connect-src (a browser reads only the first), or appended.</summary>
    private static string WithConnectSelf(string policy)
    {
        var directives = policy.Split(';').Select(d => d.Trim()).Where(d => d.Length > 0).ToList();
        var index = directives.FindIndex(d => d.StartsWith("connect-src", StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            directives.Add("connect-src 'self'");
        }
        else
        {
            var sources = directives[index]["connect-src".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Where(v => v != "'none'").Append("'self'").Distinct(StringComparer.Ordinal);
            directives[index] = "connect-src " + string.Join(' ', sources);
        }

        return string.Join("; ", directives);
    }

    public static string Panel(IReadOnlyList<string> diagnostics, IReadOnlyList<string>? warnings = null) =>
        "<div id=\"comms-build-errors\" role=\"alert\"><strong>The last build failed; this is the last good site.</strong><pre>" +
        string.Join("\n", diagnostics.Select(WebUtility.HtmlEncode)) + "</pre>" +
        (warnings is { Count: > 0 } ? $"<details><summary>{WebUtility.HtmlEncode(Plural.Count(warnings.Count, "warning"))}</summary><pre>{string.Join("\n", warnings.Select(WebUtility.HtmlEncode))}</pre></details>" : string.Empty) +
        "</div>";

    /// <summary>After a good build with warnings: a closed panel that lists them.</summary>
    public static string WarningsPanel(IReadOnlyList<string> warnings) =>
        warnings.Count == 0
            ? string.Empty
            : $"<details id=\"comms-build-warnings\"><summary>{WebUtility.HtmlEncode(Plural.Count(warnings.Count, "warning"))} in the last build</summary><pre>{string.Join("\n", warnings.Select(WebUtility.HtmlEncode))}</pre></details>";

    public const string Script = """
        (() => {
          const me = document.currentScript;
          const shown = Number(me.dataset.build);
          const events = new EventSource("/__comms/events");
          const panel = () => {
            let p = document.getElementById("comms-build-errors");
            if (!p) {
              p = document.createElement("div");
              p.id = "comms-build-errors";
              p.setAttribute("role", "alert");
              const title = document.createElement("strong");
              title.textContent = "The last build failed; this is the last good site.";
              p.append(title, document.createElement("pre"));
              document.body.append(p);
            }
            return p;
          };
          events.addEventListener("build", (e) => {
            const build = JSON.parse(e.data);
            if (build.ok) {
              if (build.number !== shown) { location.reload(); }
              else { document.getElementById("comms-build-errors")?.remove(); }
            } else {
              panel().querySelector("pre").textContent = build.diagnostics.join("\n");
            }
          });
        })();
        """;

    /// <summary>
    /// The panels' colours are set on every element inside them, so the site's own styles (a light <c>pre</c>
    /// background) never sit under their light text: errors #ffe4e4 on #2b0b0b (15.6:1), warnings #1b1b1b on #fff3b0
    /// (15.4:1), both above WCAG AA's 4.5:1.
    /// </summary>
    public const string Style = """
        #comms-build-errors { position: fixed; inset: auto 0 0 0; max-height: 50vh; overflow: auto; z-index: 2147483647;
          background: #2b0b0b; color: #ffe4e4; border-top: 4px solid #e5484d; padding: .75rem 1rem; font: 14px/1.4 ui-monospace, monospace; }
        #comms-build-errors *, #comms-build-errors pre { background: #2b0b0b; color: #ffe4e4; }
        #comms-build-errors pre { white-space: pre-wrap; margin: .5rem 0 0; padding: 0; }
        #comms-build-warnings { position: fixed; inset: auto 0 0 auto; max-width: min(40rem, 100vw); max-height: 40vh; overflow: auto; z-index: 2147483646;
          background: #fff3b0; color: #1b1b1b; border: 2px solid #8a5a00; padding: .5rem .75rem; font: 14px/1.4 ui-monospace, monospace; }
        #comms-build-warnings *, #comms-build-warnings pre { background: #fff3b0; color: #1b1b1b; }
        #comms-build-warnings pre { white-space: pre-wrap; margin: .5rem 0 0; padding: 0; }
        """;
}
