using System.Text.RegularExpressions;
using Comms.Core.Compose;
using Comms.Core.Diagnostics;

namespace Comms.Templates;

/// <summary>
/// Where templates and site files come from: the user's theme folder first, then the default theme. Any file
/// can be overridden by putting a file of the same name in the user's folder. A file is read only when its
/// real path (after every symbolic link) lies inside the theme folder it was found in.
/// </summary>
public sealed partial class Theme
{
    /// <summary>The extension of every template, drafts and site alike.</summary>
    public const string TemplateExtension = ".sbn";

    private readonly (string Folder, string? Real)[] _folders;

    public Theme(IReadOnlyList<string> folders)
    {
        Folders = folders;
        _folders = folders.Select(f => (f, Directory.Exists(f) ? RealPath.Resolve(f) : null)).ToArray();
    }

    public IReadOnlyList<string> Folders { get; }

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")]
    private static partial Regex Segment();

    /// <summary>
    /// The search order: the user's theme (<c>--theme</c>), the project's <c>themes/default</c> under
    /// <paramref name="root"/>, then the default theme shipped beside the tool.
    /// </summary>
    public static Theme Default(string root, string? userTheme = null)
    {
        var folders = new List<string>();
        if (userTheme is not null)
        {
            folders.Add(Path.GetFullPath(userTheme));
        }

        folders.Add(Path.GetFullPath(Path.Combine(root, "themes", "default")));
        folders.Add(Path.Combine(AppContext.BaseDirectory, "themes", "default"));
        return new Theme(folders.Distinct(StringComparer.Ordinal).ToArray());
    }

    /// <summary>Whether <paramref name="name"/> is a plain relative name (segments of letters, digits, <c>._-</c>; no <c>..</c>, no root).</summary>
    public static bool IsValidName(string name) =>
        name.Length is > 0 and <= 200 && name.Split('/').All(s => Segment().IsMatch(s) && s != "..");

    /// <summary>
    /// The first folder's file named <paramref name="name"/>, or null. A file that exists but leads out of its
    /// theme folder (a symbolic link to elsewhere, a link loop) is refused with an error, never read.
    /// </summary>
    public string? Find(string name, DiagnosticBag? diagnostics = null)
    {
        if (!IsValidName(name))
        {
            diagnostics?.Error(ComposeCodes.TemplateRefused, $"\"{name}\" is not a theme file name (letters, digits, '.', '_', '-' and '/' only; no '..')",
                Folders.Count > 0 ? Folders[0] : null);
            return null;
        }

        foreach (var (folder, real) in _folders)
        {
            var candidate = Path.Combine(folder, name);
            if (real is null || !(File.Exists(candidate) || IsLink(candidate)))
            {
                continue;
            }

            if (Inside(candidate, real) is { } file && File.Exists(file))
            {
                return candidate;
            }

            diagnostics?.Error(ComposeCodes.TemplateRefused,
                $"the theme file {name} leads out of the theme folder {folder} (a symbolic link or a loop); it is not read", candidate);
            return null;
        }

        return null;
    }

    /// <summary>
    /// Every file under <paramref name="subfolder"/> of the theme folders, relative path (with <c>/</c>) to the
    /// file that wins. Links that lead out of their theme folder, or loop, are refused with an error.
    /// </summary>
    public SortedDictionary<string, string> Files(string subfolder, DiagnosticBag diagnostics)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (folder, real) in _folders)
        {
            var root = Path.Combine(folder, subfolder);
            if (real is null || !Directory.Exists(root))
            {
                continue;
            }

            if (Inside(root, real) is null)
            {
                diagnostics.Error(ComposeCodes.TemplateRefused, $"{subfolder}/ leads out of the theme folder {folder}; it is not read", root);
                continue;
            }

            Walk(root, root, real, files, diagnostics, new HashSet<string>(StringComparer.Ordinal));
        }

        return files;
    }

    private static void Walk(string root, string directory, string real, SortedDictionary<string, string> files, DiagnosticBag d, HashSet<string> seen)
    {
        if (RealPath.Resolve(directory) is not { } here || !seen.Add(here))
        {
            d.Error(ComposeCodes.TemplateRefused, "a folder of the theme links back into itself; it is read once", directory);
            return;
        }

        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (Inside(entry.FullName, real) is not { } target)
            {
                d.Error(ComposeCodes.TemplateRefused,
                    $"the theme file {Path.GetRelativePath(root, entry.FullName)} leads out of the theme folder (a symbolic link or a loop); it is not read", entry.FullName);
                continue;
            }

            if (Directory.Exists(target))
            {
                Walk(root, entry.FullName, real, files, d, seen);
            }
            else if (File.Exists(target))
            {
                files.TryAdd(Path.GetRelativePath(root, entry.FullName).Replace('\\', '/'), entry.FullName);
            }
        }
    }

    /// <summary>The real path of <paramref name="path"/> when it lies inside <paramref name="realFolder"/>; otherwise null.</summary>
    private static string? Inside(string path, string realFolder)
    {
        var resolved = RealPath.Resolve(path);
        return resolved is not null && resolved.StartsWith(realFolder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? resolved
            : null;
    }

    private static bool IsLink(string path) => new FileInfo(path).LinkTarget is not null;
}

/// <summary>The real path of a file or folder: every symbolic link along it resolved; null for a loop.</summary>
public static class RealPath
{
    public static string? Resolve(string path)
    {
        try
        {
            return Comms.Core.IO.OutputPaths.RealPath(path);
        }
        catch (Exception e) when (e is Comms.Core.IO.UnsafeOutputPathException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
