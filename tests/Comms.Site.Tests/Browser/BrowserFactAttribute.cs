namespace Comms.Site.Tests.Browser;

/// <summary>A browser test: skipped only when COMMS_SKIP_BROWSER=1; otherwise a missing Chromium fails it with a clear message.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("COMMS_SKIP_BROWSER") == "1")
        {
            Skip = "COMMS_SKIP_BROWSER=1: browser tests skipped.";
        }
    }
}
