using Comms.Core.Model;

namespace Comms.Core.Extract;

/// <summary>What extraction made of one pull request: a note, or the reason there is none.</summary>
public sealed record ExtractionResult(PullRequest Pull, ReleaseNote? Note, SkipReason? Skipped);
