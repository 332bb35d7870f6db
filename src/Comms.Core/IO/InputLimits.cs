namespace Comms.Core.IO;

/// <summary>
/// Bounds every reader checks before it allocates or recurses (<c>limits</c> in <c>comms.yaml</c>).
/// Input beyond them is a located diagnostic, never an out-of-memory or a stack overflow.
/// </summary>
public sealed record InputLimits
{
    /// <summary>
    /// Largest JSON input file read whole (a single pull request, or a file that is not a list of records). Files of
    /// records (NDJSON, a JSON array, release-notes JSON keyed by PR number) are streamed and bounded by
    /// <see cref="MaxRecordBytes"/> instead.
    /// </summary>
    public long MaxJsonFileBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Largest single record of a streamed JSON file (one pull request, one note, one NDJSON line).</summary>
    public long MaxRecordBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Largest YAML or text file written by people (comms.yaml, maps, release.yaml, audiences, about.md, token files).</summary>
    public long MaxTextFileBytes { get; init; } = 4L * 1024 * 1024;

    /// <summary>Longest single YAML scalar.</summary>
    public int MaxScalarChars { get; init; } = 1_000_000;

    /// <summary>Deepest nesting of JSON or YAML collections.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Most YAML nodes once aliases are expanded (stops "billion laughs").</summary>
    public long MaxYamlNodes { get; init; } = 200_000;

    public static readonly InputLimits Default = new();
}
