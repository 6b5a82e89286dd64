using ExpenseTracker.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ExpenseTracker.Web.Tests.Browser;

/// <summary>
/// Full-page screenshots kept as test artifacts in artifacts/screenshots/&lt;journey&gt;/ (git-ignored), so that a
/// person can look at every page, at every width, after a run.
/// </summary>
public static class Screenshots
{
    public static string Folder => RepositoryRoot.Combine("artifacts", "screenshots");

    public static Task TakeAsync(IPage page, string journey, string fileName, bool fullPage = true) =>
        page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(Folder, journey, $"{fileName}.png"),
            FullPage = fullPage,
            Animations = ScreenshotAnimations.Disabled,
        });
}
