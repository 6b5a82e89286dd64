using Microsoft.Playwright;

namespace ExpenseTracker.Web.Tests.Browser;

/// <summary>
/// One headless Debian Chromium shared by every browser journey (each journey opens its own context).
/// Playwright never downloads a browser here: it drives /usr/bin/chromium, and when that cannot start every
/// journey fails with the reason, because a browser test that silently does not run proves nothing.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
    ];

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>
    /// A browser of its own with a profile on disk, for what Chromium refuses in the shared browser's contexts, which
    /// are incognito (installing an app). Disposing it closes the browser, then deletes the profile.
    /// </summary>
    public async Task<BrowserWithProfile> LaunchWithProfileAsync(BrowserTypeLaunchPersistentContextOptions options)
    {
        var profile = Directory.CreateTempSubdirectory("expense-tracker-profile-");
        options.ExecutablePath = ExecutablePath;
        options.Headless = true;
        options.Args = Arguments;
        return new BrowserWithProfile(await playwright!.Chromium.LaunchPersistentContextAsync(profile.FullName, options), profile);
    }

    public async Task InitializeAsync()
    {
        // Belt and braces: nothing in this process may fetch Playwright's own browser builds.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {ExecutablePath}. Install it with `apt-get install chromium` (scripts/test.sh does).");
        }

        // htmx round trips share two cores with the rest of the suite; give auto-retrying assertions room.
        Assertions.SetDefaultExpectTimeout(10_000);
        try
        {
            playwright = await Playwright.CreateAsync();
            Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = Arguments,
                Timeout = 60_000,
            });
        }
        catch (Exception exception) when (exception is PlaywrightException or TimeoutException)
        {
            throw new InvalidOperationException($"Chromium at {ExecutablePath} could not start, so no browser test can run: {exception.Message}", exception);
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
    }
}

/// <summary>Browser journeys run one after another in this collection, sharing the one browser.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Chromium>
{
    public const string Name = "Browser";
}

/// <summary>A Chromium with a profile on disk (<see cref="Chromium.LaunchWithProfileAsync"/>).</summary>
public sealed class BrowserWithProfile(IBrowserContext context, DirectoryInfo profile) : IAsyncDisposable
{
    public IBrowserContext Context { get; } = context;

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        // Chromium may still be writing its last files as it exits; a profile left in the temp folder harms nothing.
        try
        {
            profile.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
