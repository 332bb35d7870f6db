namespace Comms.Core.Extract;

/// <summary>Why a pull request gave no note. Every skipped PR is counted under one reason.</summary>
public enum SkipReason
{
    /// <summary>The block says NONE (or N/A, NA), or the body has <c>/release-note-none</c>.</summary>
    None,

    /// <summary>No release-note block in the body.</summary>
    NoBlock,

    /// <summary>A release-note block with nothing in it.</summary>
    EmptyBlock,

    /// <summary>No block, and the <c>release-note-none</c> label.</summary>
    NoneLabel,

    /// <summary>The pull request was not merged.</summary>
    NotMerged,

    /// <summary>The note nests Markdown deeper than <see cref="Markdown.MarkdownDepth.Limit"/> levels (an error).</summary>
    TooDeep,
}

public static class SkipReasons
{
    public static string Describe(SkipReason reason) => reason switch
    {
        SkipReason.None => "note says NONE",
        SkipReason.NoBlock => "no release-note block",
        SkipReason.EmptyBlock => "empty release-note block",
        SkipReason.NoneLabel => "release-note-none label",
        SkipReason.NotMerged => "not merged",
        SkipReason.TooDeep => "note nested too deeply",
        _ => reason.ToString(),
    };
}
