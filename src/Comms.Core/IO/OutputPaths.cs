namespace Comms.Core.IO;

/// <summary>A path that would leave the output folder; nothing is written to it.</summary>
public sealed class UnsafeOutputPathException(string message) : IOException(message);

/// <summary>
/// The one place output paths are made: a relative path is joined to the output root, every symbolic link
/// on the way (existing or dangling) is followed, and the result must still lie inside the root's real path.
/// </summary>
public static class OutputPaths
{
    private const int MaxLinks = 40;

    /// <summary>The full path of <paramref name="relative"/> under <paramref name="root"/>; throws when it leaves the root.</summary>
    public static string Resolve(string root, string relative)
    {
        var rootFull = Path.GetFullPath(root);
        if (relative.Length == 0 || Path.IsPathRooted(relative) || relative.Contains('\0', StringComparison.Ordinal))
        {
            throw new UnsafeOutputPathException($"refusing to write \"{relative}\": output names must be relative paths inside {rootFull}");
        }

        var full = Path.GetFullPath(Path.Combine(rootFull, relative));
        var realRoot = RealPath(rootFull);
        var real = RealPath(full);
        if (!IsInside(realRoot, real) || string.Equals(realRoot, real, StringComparison.Ordinal))
        {
            throw new UnsafeOutputPathException($"refusing to write \"{relative}\": it resolves to {real}, outside the output folder {realRoot}");
        }

        return full;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="root"/> or below it (both full, resolved paths).</summary>
    public static bool IsInside(string root, string path)
    {
        var r = root.TrimEnd(Path.DirectorySeparatorChar);
        return string.Equals(path, r, StringComparison.Ordinal) ||
               path.StartsWith(r + Path.DirectorySeparatorChar, StringComparison.Ordinal) ||
               (r.Length == 0 && path.StartsWith(Path.DirectorySeparatorChar));
    }

    /// <summary>The path with every symbolic link followed, component by component (missing parts are kept as they are).</summary>
    public static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var rootOfPath = Path.GetPathRoot(full) ?? string.Empty;
        var pending = new Stack<string>(full[rootOfPath.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse());
        var current = rootOfPath;
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? rootOfPath;
                continue;
            }

            var next = Path.Combine(current, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new UnsafeOutputPathException($"refusing to write under {full}: too many symbolic links (a loop?)");
            }

            var targetFull = Path.IsPathRooted(target) ? target : Path.Combine(current, target);
            var targetRoot = Path.GetPathRoot(targetFull) ?? string.Empty;
            foreach (var p in targetFull[targetRoot.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse())
            {
                pending.Push(p);
            }

            current = targetRoot;
        }

        return current;
    }
}
