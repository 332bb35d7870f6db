using Comms.Core.Diagnostics;

namespace Comms.Site.Templates;

/// <summary>
/// The site's theme files, resolved across the theme folders: the first folder whose <c>site/</c> holds a
/// file wins, so a user's theme overrides any single layout, stylesheet or script of the default theme.
/// </summary>
public sealed class Theme
{
    public static readonly IReadOnlyList<string> Pages = ["layout", "home", "release", "sig", "audience", "doc", "notes", "upgrade", "404"];

    private Theme(ITemplateEngine engine, IReadOnlyDictionary<string, string> assets)
    {
        Engine = engine;
        Assets = assets;
    }

    public ITemplateEngine Engine { get; }

    /// <summary>Non-template files (CSS, JS, images): path relative to <c>site/</c> to the file that wins.</summary>
    public IReadOnlyDictionary<string, string> Assets { get; }

    public static Theme? Load(IReadOnlyList<string> themeFolders, DiagnosticBag d)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var theme in themeFolders)
        {
            var site = Path.Combine(theme, "site");
            if (!Directory.Exists(site))
            {
                continue;
            }

            foreach (var file in Directory.GetFiles(site, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(site, file).Replace('\\', '/');
                files.TryAdd(relative, file);
            }
        }

        var engine = new HandlebarsEngine();
        foreach (var (name, file) in files.Where(f => f.Key.EndsWith(".hbs", StringComparison.Ordinal) && Path.GetFileName(f.Key).StartsWith('_')))
        {
            engine.AddPartial(Path.GetFileNameWithoutExtension(name)[1..], File.ReadAllText(file), file, d);
        }

        var ok = true;
        foreach (var page in Pages)
        {
            if (!files.TryGetValue(page + ".hbs", out var file))
            {
                d.Error(SiteCodes.ThemeFileMissing, $"no layout {page}.hbs in site/ of any theme folder ({string.Join(", ", themeFolders)})");
                ok = false;
                continue;
            }

            ok &= engine.Compile(page, File.ReadAllText(file), file, d);
        }

        var assets = files.Where(f => !f.Key.EndsWith(".hbs", StringComparison.Ordinal))
            .ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        return ok && !d.HasErrors ? new Theme(engine, assets) : null;
    }
}
