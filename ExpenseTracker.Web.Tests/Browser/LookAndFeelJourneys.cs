using ExpenseTracker.Web.Budgets;
using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.Tests.Receipts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExpenseTracker.Web.Tests.Browser;

/// <summary>
/// Dark mode: the theme follows the system until the menu's toggle picks one, which is remembered; charts redraw in the
/// theme's colours; and every page passes axe in both themes. The README's screenshots are taken here
/// (scripts/screenshots.sh copies them into docs/screenshots).
/// </summary>
[Collection(BrowserCollection.Name)]
public class LookAndFeelJourneys(Chromium chromium) : BrowserJourney(chromium)
{
    // Bootstrap's body text in each theme, as the charts must draw it.
    private const string LightText = "#212529";
    private const string DarkText = "#dee2e6";

    [Fact]
    public async Task TheThemeFollowsTheSystemTheTogglesChoiceIsRememberedAndChartsRedrawInIt()
    {
        await SeedAMonthAsync();
        await OpenAsync("/charts");
        var html = Page.Locator("html");
        var toggle = Page.GetByRole(AriaRole.Button, new() { Name = "Dark mode" });
        await Expect(html).ToHaveAttributeAsync("data-bs-theme", "light");
        await ChartsDrawInAsync(LightText);
        await TakeReadmeScreenshotsAsync("charts", "light");

        await Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });

        await Expect(html).ToHaveAttributeAsync("data-bs-theme", "dark");
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        await ChartsDrawInAsync(DarkText);
        await TakeReadmeScreenshotsAsync("charts", "dark");

        await toggle.ClickAsync();

        await Expect(html).ToHaveAttributeAsync("data-bs-theme", "light");
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        await ChartsDrawInAsync(LightText);
        // Remembered on this device: a new page stays light although the system is dark.
        await OpenAsync("/");
        await Expect(html).ToHaveAttributeAsync("data-bs-theme", "light");
        await ChartsDrawInAsync(LightText);
    }

    [Fact]
    public async Task EveryPageHasNoSeriousAccessibilityProblemInEitherTheme()
    {
        // First the empty account's first run, then every page with data in it.
        await OpenAsync("/");
        await Expect(Page.Locator("#first-run")).ToBeVisibleAsync();
        await CheckBothThemesAsync("/", "first run");
        var expense = await SeedAMonthAsync();
        await AttachReceiptsAsync(expense);
        string[] pages =
        [
            "/", "/categories", "/charts", "/alerts", "/settings/budget", "/settings/tokens", "/account", "/account/delete",
            $"/expenses/{expense.Id}/edit", $"/expenses/{expense.Id}/delete", "/offline", "/import", "/settings/backup",
        ];
        foreach (var path in pages)
        {
            await CheckBothThemesAsync(path, path);
        }

        // The import's second step: the columns it guessed, the preview table, a duplicate to tick.
        await CheckBothThemesAsync("/import", "import preview", PreviewAnImportAsync);

        // The messages: an undo offer after a delete, in both themes.
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            // The pointer stays on the next row's Delete button after the click: without Bootstrap's transitions axe
            // sees its hover colours as they settle, not a frame of the fade.
            await Page.EmulateMediaAsync(new() { ColorScheme = scheme, ReducedMotion = ReducedMotion.Reduce });
            await OpenAsync("/");
            await TakeReadmeScreenshotsAsync("expenses", scheme == ColorScheme.Dark ? "dark" : "light");
            await Page.Locator("#expense-rows tr.expense-row").First.GetByRole(AriaRole.Link, new() { Name = "Delete" }).ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Status).GetByRole(AriaRole.Button, new() { Name = "Undo" })).ToBeVisibleAsync();
            await Axe.AssertNoSeriousViolationsAsync(Page, $"expenses with the undo message ({scheme})");
            await Page.GetByRole(AriaRole.Status).GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Brought back");
        }

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await CheckBothThemesAsync("/account/login", "sign-in");
        await CheckBothThemesAsync("/account/register", "register");
    }

    private async Task CheckBothThemesAsync(string path, string name, Func<Task>? then = null)
    {
        foreach (var (scheme, theme) in new[] { (ColorScheme.Light, "light"), (ColorScheme.Dark, "dark") })
        {
            await Page.EmulateMediaAsync(new() { ColorScheme = scheme });
            await OpenAsync(path);
            await Expect(Page.Locator("html")).ToHaveAttributeAsync("data-bs-theme", theme);
            if (then is not null)
            {
                await then();
            }

            await Axe.AssertNoSeriousViolationsAsync(Page, $"{name} ({theme})");
        }
    }

    /// <summary>Waits (as Playwright's assertions do) until the page's first chart draws its text in <paramref name="colour"/>.</summary>
    private async Task ChartsDrawInAsync(string colour)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        string? drawn;
        while ((drawn = await ChartTextColourAsync()) != colour && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }

        Assert.Equal(colour, drawn);
    }

    /// <summary>The text colour the first chart on the page draws with, once it is drawn.</summary>
    private async Task<string?> ChartTextColourAsync()
    {
        await Expect(Page.Locator("canvas[data-chart]").First).ToBeVisibleAsync();
        return await Page.EvaluateAsync<string?>(
            "() => { const chart = window.Chart && Chart.getChart(document.querySelector('canvas[data-chart]')); return chart ? chart.options.color : null; }");
    }

    /// <summary>The README's pictures: the page at desktop and at phone width, as a person sees it on screen.</summary>
    private async Task TakeReadmeScreenshotsAsync(string page, string theme)
    {
        foreach (var (width, size) in new[] { ("desktop", Desktop), ("phone", Phone) })
        {
            await Page.SetViewportSizeAsync(size.Width, size.Height);
            // The charts animate in and redraw on a resize; the picture waits for them to settle.
            await Page.WaitForTimeoutAsync(1_200);
            await Screenshots.TakeAsync(Page, "readme", $"{page}-{width}-{theme}", fullPage: false);
        }

        await Page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
    }

    /// <summary>A photo and a PDF on the expense, through its edit form: the rows show a thumbnail and an icon, the form both.</summary>
    private async Task AttachReceiptsAsync(Expense expense)
    {
        await OpenAsync($"/expenses/{expense.Id}/edit");
        await Page.Locator($"#edit-{expense.Id}-receipt-files").SetInputFilesAsync(
        [
            new FilePayload { Name = "chai.jpg", MimeType = "image/jpeg", Buffer = SampleFiles.JpegWithLocation() },
            new FilePayload { Name = "chai.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Pdf() },
        ]);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page.Locator($"#expense-{expense.Id} a.receipt-link")).ToHaveCountAsync(2);
    }

    /// <summary>On /import: a statement with a row already stored, previewed.</summary>
    private async Task PreviewAnImportAsync()
    {
        await Page.Locator("#import-file").SetInputFilesAsync(new FilePayload
        {
            Name = "statement.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("Date,Amount,Description\n2026-11-14,450.00,Chai and samosa\n2026-11-15,80,Auto\n"),
        });
        // The pointer stays on Preview after the click: without transitions axe sees its hover colours settled.
        await Page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Expect(Page.Locator("#preview-table")).ToBeVisibleAsync();
    }

    /// <summary>A month of a person's spending and a budget, as the README's pictures show it; answers one expense.</summary>
    private async Task<Expense> SeedAMonthAsync()
    {
        await App.Services.GetRequiredService<IBudgetStore>().SaveAsync(App.DefaultUserId, new BudgetSettings(Money.FromRupees(40_000), BudgetPeriod.CalendarMonth, 80));
        await SeedExpenseAsync("2026-11-01", 18_000m, "rent", "November rent", "home");
        await SeedExpenseAsync("2026-11-03", 2_340.50m, "groceries", "Weekly vegetables and staples", "home");
        await SeedExpenseAsync("2026-11-05", 1_299m, "bills", "Mobile and broadband", "monthly");
        await SeedExpenseAsync("2026-11-07", 640m, "transport", "Metro card top-up");
        await SeedExpenseAsync("2026-11-09", 1_850m, "food", "Dinner with friends", "weekend");
        await SeedExpenseAsync("2026-11-11", 999m, "entertainment", "Film tickets", "weekend");
        await SeedExpenseAsync("2026-11-12", 3_200m, "health", "Pharmacy and check-up");
        await SeedExpenseAsync("2026-10-20", 17_500m, "rent", "October rent", "home");
        await SeedExpenseAsync("2026-10-25", 4_100m, "shopping", "Diwali gifts", "festival");
        return await SeedExpenseAsync("2026-11-14", 450m, "food", "Chai and samosa", "office");
    }
}
