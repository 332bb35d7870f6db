using System.Text;

namespace Comms.Core.IO;

/// <summary>
/// Writes a file through a temporary file in the same folder and moves it into place, so a reader
/// never sees half a file and a failed run leaves the previous output untouched.
/// </summary>
public static class AtomicFile
{
    public static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static void WriteAllText(string path, string contents) =>
        WriteAllBytes(path, Utf8NoBom.GetBytes(contents));

    public static void WriteAllBytes(string path, byte[] contents) => WriteAllBytes(path, contents.AsSpan());

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> contents)
    {
        var full = Path.GetFullPath(path);
        if (WriteThrough(ref full, contents))
        {
            return;
        }

        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");

        // Once begun, finished: a signal never ends the process between the temporary file and its rename.
        using var section = StopGate.Enter();
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(contents);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>
    /// An output that is a link, a device or a FIFO is written through, never replaced: a link's regular target gets
    /// the new contents (atomically, the link stays); a device, FIFO or a link to one (<c>/dev/stdout</c>) is written into.
    /// Returns true when the contents were written here; otherwise <paramref name="full"/> is the regular file to replace.
    /// </summary>
    private static bool WriteThrough(ref string full, ReadOnlySpan<byte> contents)
    {
        var info = new FileInfo(full);
        if (info.LinkTarget is not null)
        {
            FileSystemInfo? target;
            try
            {
                target = File.ResolveLinkTarget(full, returnFinalTarget: true);
            }
            catch (IOException)
            {
                target = null;
            }

            if (target is not null && File.Exists(target.FullName) && InputFile.Kind(target.FullName) is null)
            {
                full = target.FullName;
                return false;
            }

            if (target is not null && !File.Exists(target.FullName) && !Directory.Exists(target.FullName) && !target.FullName.StartsWith("/proc/", StringComparison.Ordinal) &&
                !target.FullName.StartsWith("/dev/", StringComparison.Ordinal) && Directory.Exists(Path.GetDirectoryName(target.FullName)))
            {
                // A dangling link: its target is made, the link stays.
                full = target.FullName;
                return false;
            }
        }
        else if (!File.Exists(full) || InputFile.Kind(full) is null)
        {
            return false;
        }

        using var stream = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1, FileOptions.None);
        stream.Write(contents);
        stream.Flush();
        return true;
    }
}
