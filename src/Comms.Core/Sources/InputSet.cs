using Comms.Core.Model;

namespace Comms.Core.Sources;

/// <summary>What the input files held: pull requests to extract from, and notes already extracted.</summary>
public sealed record InputSet(IReadOnlyList<PullRequest> Pulls, IReadOnlyList<ReleaseNote> Notes);
