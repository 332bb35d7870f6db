using System.Globalization;

namespace Comms.Core.IO;

/// <summary>Another build holds the output folder and the caller asked not to wait.</summary>
public sealed class OutputBusyException(string message) : IOException(message);

/// <summary>
/// One build per output folder at a time: an exclusive lock on <c>.comms.lock</c> in each folder, held for the
/// whole run. The operating system releases the lock when its process ends, however it ends, so the lock of a
/// killed build is taken over by the next one; the file then still names the dead process, which is reported.
/// </summary>
public sealed class OutputLock : IDisposable
{
    public const string FileName = ".comms.lock";
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private readonly List<FileStream> _held = [];
    private readonly List<string> _created = [];

    private OutputLock()
    {
    }

    /// <summary>
    /// Locks every folder (in a fixed order, so two builds never deadlock). Waits for a running build unless
    /// <paramref name="noWait"/>; <paramref name="message"/> hears once that it waits and when a stale lock is taken over.
    /// </summary>
    public static OutputLock Acquire(IEnumerable<string> folders, bool noWait, Action<string> message, CancellationToken cancel)
    {
        var result = new OutputLock();
        try
        {
            foreach (var folder in folders.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                result._held.Add(LockOne(folder, noWait, message, result._created, cancel));
            }

            return result;
        }
        catch
        {
            result.Dispose();
            throw;
        }
    }

    private static FileStream LockOne(string folder, bool noWait, Action<string> message, List<string> created, CancellationToken cancel)
    {
        for (var f = folder; !Directory.Exists(f); f = Path.GetDirectoryName(f)!)
        {
            created.Add(f);
        }

        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        var told = false;
        while (true)
        {
            StopGate.ThrowIfCancelled(cancel);
            FileStream stream;
            try
            {
                stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException && !IsHeldByAnother(e, path))
            {
                // Not another build: a read-only folder or file system, a lock file that is not a file. Waiting would never end.
                throw new OutputBusyException($"cannot lock {folder} for writing ({TextSafety.ForConsole(e.Message)}); the output folder must be writable");
            }
            catch (IOException) when (File.Exists(path))
            {
                if (noWait)
                {
                    throw new OutputBusyException($"another build is writing {folder} (it holds {path}); wait for it to finish, or run without --no-wait to wait");
                }

                if (!told)
                {
                    message($"Waiting for another build writing {folder} to finish (it holds {FileName}; --no-wait fails instead)...");
                    told = true;
                }

                cancel.WaitHandle.WaitOne(Poll);
                continue;
            }

            if (!File.Exists(path))
            {
                // The holder removed the folder it had created (its build wrote nothing); lock afresh.
                stream.Dispose();
                Directory.CreateDirectory(folder);
                continue;
            }

            var previous = ReadHolder(stream);
            if (previous.Length > 0)
            {
                message($"Took over the lock of {folder} left by process {previous}, which ended without releasing it.");
            }

            stream.SetLength(0);
            stream.Write(System.Text.Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n"));
            stream.Flush(flushToDisk: true);
            return stream;
        }
    }

    /// <summary>
    /// The process id the lock file names: at most its first 32 bytes are read, and only digits are kept, so a
    /// planted or damaged lock file can neither fill memory nor print anything to the terminal.
    /// </summary>
    private static string ReadHolder(FileStream stream)
    {
        Span<byte> head = stackalloc byte[32];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var digits = new System.Text.StringBuilder();
        foreach (var b in head[..read])
        {
            if (b is >= (byte)'0' and <= (byte)'9')
            {
                digits.Append((char)b);
            }
            else if (b is not ((byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
            {
                return stream.Length > 0 ? "(unknown)" : string.Empty;
            }
        }

        return digits.Length > 0 ? digits.ToString() : stream.Length > 0 ? "(unknown)" : string.Empty;
    }

    /// <summary>
    /// Whether opening failed because another process holds the lock (the only failure worth waiting for), as
    /// opposed to a folder or file system that cannot be written.
    /// </summary>
    private static bool IsHeldByAnother(Exception e, string path) =>
        e is IOException && File.Exists(path) &&
        e.HResult is EWouldBlock or unchecked((int)0x80070020) or ErrorSharingViolation;

    /// <summary>The errno of a lock held by another process on Linux (EAGAIN, EWOULDBLOCK), as .NET reports it.</summary>
    private const int EWouldBlock = 11;

    private const int ErrorSharingViolation = 32;

    /// <summary>
    /// Releases the locks; the file is emptied first, so the next build knows it was released cleanly. Folders the
    /// lock created are removed again when the build left nothing else in them, so a failed build changes nothing.
    /// </summary>
    public void Dispose()
    {
        foreach (var stream in _held)
        {
            try
            {
                stream.SetLength(0);
                stream.Flush(flushToDisk: true);
            }
            catch (IOException)
            {
            }

            stream.Dispose();
        }

        _held.Clear();
        foreach (var folder in _created.Distinct(StringComparer.Ordinal).OrderByDescending(f => f.Length))
        {
            try
            {
                var lockFile = Path.Combine(folder, FileName);
                if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).All(e => e == lockFile))
                {
                    File.Delete(lockFile);
                    Directory.Delete(folder);
                }
            }
            catch (IOException)
            {
                // Another build is using the folder now: it stays.
            }
        }

        _created.Clear();
    }
}
