namespace Comms.Site;

/// <summary>Diagnostic codes of the site stage (CM8000-CM8999). Scripts and docs refer to them; never renumber.</summary>
public static class SiteCodes
{
    public const string NotesRootMissing = "CM8001";
    public const string DraftUnreadable = "CM8003";
    public const string VersionInvalid = "CM8004";
    public const string ThemeFileMissing = "CM8005";
    public const string TemplateInvalid = "CM8006";
    public const string PublishFailed = "CM8007";
    public const string NoReleases = "CM8008";
    public const string HighlightNotFound = "CM8009";
    public const string NameCollision = "CM8010";
    public const string OutputBusy = "CM8011";
    public const string SiteUrlMissing = "CM8012";
    public const string ReleaseUndated = "CM8013";
    public const string DraftWithheld = "CM8014";
}
