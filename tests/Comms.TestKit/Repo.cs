using System.Runtime.CompilerServices;
using Xunit;

namespace Comms.TestKit;

/// <summary>Paths of the repository and of the shared corpus beside it.</summary>
public static class Repo
{
    /// <summary>The repository root: the folder holding Comms.sln, found from this source file.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary><c>../shared/corpus</c> beside the repository (real Kubernetes data, read in place).</summary>
    public static string CorpusRoot => Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus"));

    public static string Kubernetes => Path.Combine(CorpusRoot, "kubernetes");

    public static bool HasCorpus => Directory.Exists(Kubernetes);

    public static string CorpusMissing =>
        $"The shared Kubernetes corpus is not at {Kubernetes}; put shared/ beside the repository to run this test.";

    private static string FindRoot([CallerFilePath] string here = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(here), AppContext.BaseDirectory })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Comms.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Comms.sln not found above the test assembly");
    }
}

/// <summary>A fact that is skipped, with a clear message, when the shared corpus is absent.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (!Repo.HasCorpus)
        {
            Skip = Repo.CorpusMissing;
        }
    }
}

/// <summary>A theory that is skipped, with a clear message, when the shared corpus is absent.</summary>
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute()
    {
        if (!Repo.HasCorpus)
        {
            Skip = Repo.CorpusMissing;
        }
    }
}
