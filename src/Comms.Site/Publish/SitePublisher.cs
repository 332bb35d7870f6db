using Comms.Core.Diagnostics;

namespace Comms.Site.Publish;

/// <summary>
/// Builds into a fresh folder beside the output and swaps it in (old away, new in, old deleted), so readers
/// never see half a site and a failed build leaves the previous one untouched.
/// </summary>
internal static class SitePublisher
{
    public static bool Publish(string output, DiagnosticBag d, Func<string, bool> build)
    {
        var target = Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(target)!;
        var name = Path.GetFileName(target);
        var id = Guid.NewGuid().ToString("N")[..12];
        var temp = Path.Combine(parent, $".{name}.new-{id}");
        var old = Path.Combine(parent, $".{name}.old-{id}");
        try
        {
            Directory.CreateDirectory(temp);
            bool built;
            try
            {
                built = build(temp);
            }
            catch
            {
                TryDelete(temp);
                throw;
            }

            if (!built || d.HasErrors)
            {
                TryDelete(temp);
                return false;
            }

            if (Directory.Exists(target))
            {
                Directory.Move(target, old);
            }

            Directory.Move(temp, target);
            TryDelete(old);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            d.Error(SiteCodes.PublishFailed, $"the site could not be written ({e.Message}); the previous site is left as it was", target);
            if (!Directory.Exists(target) && Directory.Exists(old))
            {
                Directory.Move(old, target);
            }

            TryDelete(temp);
            return false;
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
        }
    }
}
