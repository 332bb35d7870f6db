using System.Globalization;
using System.Text.Json;
using Comms.Core.IO;
using Comms.GitHub.Output;

namespace Comms.GitHub.Cache;

/// <summary>One cached pull: the REST-shaped object and the REST ETag it came with (if any). Never holds the token.</summary>
public sealed record CacheEntry(RestPull Pull, string? ETag);

/// <summary>
/// A folder per repository, one file per PR (<c>pr-N.json</c>), each written atomically (temp file + move), so an
/// interrupted run leaves only whole entries behind and the next run fetches only what is missing or changed.
/// </summary>
public sealed class PullCache
{
    public PullCache(string root, string owner, string name)
    {
        Folder = Path.Combine(root, owner.ToLowerInvariant(), name.ToLowerInvariant(), "pulls");
    }

    public string Folder { get; }

    public string PathOf(int number) => Path.Combine(Folder, $"pr-{number.ToString(CultureInfo.InvariantCulture)}.json");

    /// <summary>The cached entry, or null when absent or unreadable (an unreadable entry is simply fetched again).</summary>
    public CacheEntry? Get(int number)
    {
        var path = PathOf(number);
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            var entry = JsonSerializer.Deserialize(File.ReadAllBytes(path), GitHubJsonContext.Default.CacheEntry);
            return entry?.Pull.Number == number ? entry : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }

    public void Put(CacheEntry entry) =>
        AtomicFile.WriteAllBytes(PathOf(entry.Pull.Number), JsonSerializer.SerializeToUtf8Bytes(entry, GitHubJsonContext.Default.CacheEntry));
}

/// <summary>Where the cache lives unless <c>--cache</c> says otherwise.</summary>
public static class PullCacheLocation
{
    /// <summary><c>$XDG_CACHE_HOME/comms</c> when set, else the user's local application data folder + <c>comms/cache</c>.</summary>
    public static string Default
    {
        get
        {
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (!string.IsNullOrWhiteSpace(xdg))
            {
                return Path.Combine(xdg, "comms");
            }

            var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            return Path.Combine(string.IsNullOrEmpty(local) ? Path.GetTempPath() : local, "comms", "cache");
        }
    }
}
