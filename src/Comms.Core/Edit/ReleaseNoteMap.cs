using System.Text.Json;
using Comms.Core.Model;

namespace Comms.Core.Edit;

/// <summary>One edit from a <c>maps/*.yaml</c> document (Kubernetes schema, plus Comms fields).</summary>
public sealed record ReleaseNoteMap
{
    public required int Pr { get; init; }
    public required string File { get; init; }
    public int Line { get; init; }
    public int Column { get; init; }

    public string? Text { get; init; }
    public string? Author { get; init; }
    public IReadOnlyList<Documentation>? Documentation { get; init; }
    public IReadOnlyList<string>? Sigs { get; init; }
    public IReadOnlyList<string>? Kinds { get; init; }
    public IReadOnlyList<string>? Areas { get; init; }
    public bool? Feature { get; init; }
    public bool? ActionRequired { get; init; }
    public bool? DoNotPublish { get; init; }
    public string? ReleaseVersion { get; init; }
    public IReadOnlyDictionary<string, JsonElement> DataFields { get; init; } = ReleaseNote.EmptyFields;
    public string? PrBody { get; init; }

    /// <summary>Comms fields: the audiences set by hand, the stability, and whether the note is a highlight.</summary>
    public IReadOnlyList<string>? Audiences { get; init; }
    public string? Stability { get; init; }
    public bool? Highlight { get; init; }
}
