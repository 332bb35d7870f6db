namespace Comms.Core.Diagnostics;

/// <summary>Stable diagnostic codes. Scripts and docs refer to them; never renumber.</summary>
public static class Codes
{
    // Input files (pulls, notes JSON)
    public const string JsonMalformed = "CM1001";
    public const string InputUnreadable = "CM1002";
    public const string InputNotFound = "CM1003";
    public const string InputUnknownShape = "CM1004";
    public const string InputBinary = "CM1005";
    public const string PullInvalid = "CM1006";
    public const string DuplicatePull = "CM1007";
    public const string InputTooLarge = "CM1008";
    public const string InputTooDeep = "CM1009";

    // Extraction
    public const string EmptyNote = "CM2001";
    public const string UntaggedFence = "CM2002";
    public const string BodyTooLarge = "CM2003";
    public const string UnclosedBlock = "CM2004";
    public const string CherryPickAuthorUnknown = "CM2005";
    public const string ActionRequiredUnlabelled = "CM2006";
    public const string NoBlockAnywhere = "CM2007";
    public const string NoteTooDeep = "CM2008";

    // Maps
    public const string YamlMalformed = "CM3001";
    public const string MapUnknownField = "CM3002";
    public const string MapWrongType = "CM3003";
    public const string MapMissingPr = "CM3004";
    public const string MapPrNotInRelease = "CM3005";
    public const string MapBodyChanged = "CM3006";
    public const string MapUnknownAudience = "CM3007";

    // Config
    public const string ConfigInvalid = "CM4001";

    // Build
    public const string WarningsAsErrors = "CM0009";
    public const string RegexTimeout = "CM4002";

    // Output
    public const string OutputFailed = "CM5001";
    public const string OutputOutsideRoot = "CM5002";
    public const string NameInvalid = "CM5003";
    public const string JournalIgnored = "CM5010";
    public const string OutputLockFailed = "CM5011";
}
