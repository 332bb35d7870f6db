namespace Comms.Site;

/// <summary>How far a site build is: work is counted in notes rendered (release pages, indexes, the filter page).</summary>
public sealed record SiteProgress(string Stage, int Done, int Total, int Notes);
