using Microsoft.Playwright;

namespace Comms.Site.Tests.Browser;

/// <summary>Drives the system Chromium (Debian's <c>chromium</c> package) through Playwright; never downloads a browser.</summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            Assert.Fail($"Chromium is not installed at {ExecutablePath}: run `apt-get install -y chromium` (.ci/run does), or set COMMS_SKIP_BROWSER=1 to skip browser tests.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            Timeout = (float)Patience.TotalMilliseconds,
        });
        return (playwright, browser);
    }

    /// <summary>
    /// How long any browser step may take before the test fails: Playwright's default (30 s) is a wall-clock deadline
    /// that a loaded machine can miss, so every launch, navigation and wait gets minutes instead.
    /// </summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    /// <summary>A new page whose navigations and waits default to <see cref="Patience"/> instead of Playwright's 30 s.</summary>
    public static async Task<IPage> OpenPageAsync(this IBrowser browser, BrowserNewPageOptions? options = null)
    {
        var page = await browser.NewPageAsync(options).ConfigureAwait(false);
        page.SetDefaultTimeout((float)Patience.TotalMilliseconds);
        page.SetDefaultNavigationTimeout((float)Patience.TotalMilliseconds);
        return page;
    }

    /// <summary>The folder for screenshots: <c>artifacts/test-screenshots/</c> under the repository.</summary>
    public static string ScreenshotFolder()
    {
        var folder = Path.Combine(TestKit.Repo.Root, "artifacts", "test-screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
