using System.Runtime.InteropServices;
using System.Text;
using Comms.Core.Diagnostics;

namespace Comms.Core.IO;

/// <summary>
/// The one way readers open input files: only regular files (a FIFO or device would block or never end),
/// read with a size bound, decoded as UTF-8 (invalid bytes become U+FFFD) without a byte-order mark.
/// </summary>
public static class InputFile
{
    /// <summary>The file's bytes, or null with a diagnostic naming <paramref name="what"/>.</summary>
    public static byte[]? ReadBytes(string path, string what, long maxBytes, DiagnosticBag diagnostics)
    {
        var kind = Kind(path);
        if (kind is not null)
        {
            diagnostics.Error(kind == "missing" ? Codes.InputNotFound : Codes.InputUnreadable,
                kind == "missing" ? $"{what} not found" : $"{what} must be a regular file, not {kind}", path);
            return null;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            long total = 0;
            int read;
            while ((read = stream.Read(chunk)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    diagnostics.Error(Codes.InputTooLarge,
                        $"{what} is larger than {maxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)} bytes (raise limits in comms.yaml if this is intended)", path);
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(Codes.InputUnreadable, $"cannot read {what}: {e.Message}", path);
            return null;
        }
    }

    /// <summary>The file as text, or null with a diagnostic.</summary>
    public static string? ReadText(string path, string what, long maxBytes, DiagnosticBag diagnostics)
    {
        var bytes = ReadBytes(path, what, maxBytes, diagnostics);
        return bytes is null ? null : Decode(bytes);
    }

    /// <summary>UTF-8 without a byte-order mark; invalid sequences become U+FFFD.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        return new UTF8Encoding(false, false).GetString(bytes);
    }

    /// <summary>Null for a regular file; otherwise what it is ("missing", "a folder", "a FIFO", "a device", …).</summary>
    public static string? Kind(string path)
    {
        if (Directory.Exists(path))
        {
            return "a folder";
        }

        if (!File.Exists(path))
        {
            return "missing";
        }

        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        try
        {
            if (Native.Stat(path, out var status) != 0)
            {
                return null;
            }

            return (status.Mode & 0xF000) switch
            {
                0x8000 => null,
                0x1000 => "a FIFO (named pipe)",
                0x2000 or 0x6000 => "a device",
                0xC000 => "a socket",
                _ => "a special file",
            };
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    private static class Native
    {
        /// <summary>The runtime's own stat shim (part of every .NET install on Unix); its struct starts with flags and mode.</summary>
        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatus status);
    }

    [StructLayout(LayoutKind.Sequential, Size = 512)]
    private struct FileStatus
    {
        public int Flags;
        public int Mode;
    }
}
