namespace Comms.GitHub;

/// <summary>Stable diagnostic codes of collection from GitHub and git (CM6000-CM6999). Never renumber.</summary>
public static class GitHubCodes
{
    // Request and options
    public const string BadRepo = "CM6001";
    public const string NoToken = "CM6002";
    public const string TokenFileUnreadable = "CM6003";
    public const string PlainHttp = "CM6004";

    // git
    public const string GitFailed = "CM6101";
    public const string GitRefUnknown = "CM6102";
    public const string CommitWithoutPr = "CM6103";

    // GitHub
    public const string Unauthorized = "CM6201";
    public const string Forbidden = "CM6202";
    public const string RateLimited = "CM6203";
    public const string RetriesExhausted = "CM6204";
    public const string NotFound = "CM6205";
    public const string UnexpectedResponse = "CM6206";
    public const string RefNotFound = "CM6207";
    public const string Cancelled = "CM6208";
    public const string Unreachable = "CM6209";
    public const string AnswerTooLarge = "CM6210";
    public const string TokenInPull = "CM6211";
    public const string ReleaseUnconfirmed = "CM6212";

    // Cache
    public const string CacheEntryBad = "CM6301";
    public const string CacheUnwritable = "CM6302";

    // check
    public const string CheckNoBlock = "CM6401";
    public const string CheckEmptyBlock = "CM6402";
    public const string CheckMissingKind = "CM6403";
    public const string CheckMissingSig = "CM6404";
    public const string CheckNoneConflict = "CM6405";
    public const string CheckActionRequired = "CM6406";
    public const string CheckUntagged = "CM6407";
}
