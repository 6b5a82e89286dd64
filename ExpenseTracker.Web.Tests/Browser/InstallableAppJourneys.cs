using System.Text.Json;
using ExpenseTracker.Web.Tests.Receipts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExpenseTracker.Web.Tests.Browser;

/// <summary>
/// Installable on a phone: Chromium finds nothing missing for installing it, and the service worker keeps only the
/// static assets and the offline page, which it shows when the network is gone.
/// </summary>
[Collection(BrowserCollection.Name)]
public class InstallableAppJourneys(Chromium chromium) : BrowserJourney(chromium)
{
    private readonly Chromium chromium = chromium;

    [Fact]
    public async Task ChromiumFindsTheAppInstallableWithAManifestOfBothKindsOfIcon()
    {
        // Chromium installs nothing from an incognito context, which every journey's context is: a profile of its own.
        await using var profiled = await chromium.LaunchWithProfileAsync(new() { BaseURL = App.BaseAddress.ToString() });
        var browser = profiled.Context;
        // Signed in as the journey's person: the session cookie goes across.
        var cookies = await Context.CookiesAsync();
        await browser.AddCookiesAsync(cookies.Select(cookie => new Cookie
        {
            Name = cookie.Name,
            Value = cookie.Value,
            Domain = cookie.Domain,
            Path = cookie.Path,
            HttpOnly = cookie.HttpOnly,
            Secure = cookie.Secure,
            SameSite = cookie.SameSite,
        }));
        var page = browser.Pages.Count > 0 ? browser.Pages[0] : await browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.EvaluateAsync("async () => { await navigator.serviceWorker.ready; }");

        var session = await browser.NewCDPSessionAsync(page);
        var installability = await session.SendAsync("Page.getInstallabilityErrors");
        var manifest = JsonDocument.Parse(await page.EvaluateAsync<string>("async () => (await fetch('/manifest.webmanifest')).text()")).RootElement;

        Assert.Equal("[]", installability!.Value.GetProperty("installabilityErrors").GetRawText());
        var icons = manifest.GetProperty("icons").EnumerateArray().Select(icon => (icon.GetProperty("sizes").GetString(), icon.GetProperty("purpose").GetString())).ToList();
        Assert.Contains(("512x512", "any"), icons);
        Assert.Contains(("512x512", "maskable"), icons);
        Assert.Equal("standalone", manifest.GetProperty("display").GetString());
        await Expect(page.Locator("meta[name=theme-color]")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task TheWorkerCachesOnlyStaticAssetsAndShowsTheOfflinePageWhenTheNetworkIsGone()
    {
        await SeedExpenseAsync("2026-11-12", 450m, "transport", "Auto to office");
        await OpenAsync("/");
        await WaitForTheWorkerAsync();
        // Pages, fragments, the summary JSON and a post, all through the worker now.
        await OpenAsync("/");
        await OpenAsync("/charts");
        await Expect(Page.Locator("canvas[data-chart]").First).ToBeVisibleAsync();
        await OpenAsync("/");
        await Page.Locator("#add-amount").FillAsync("99");
        await Page.Locator("#add-receipt-files").SetInputFilesAsync(new FilePayload { Name = "bill.jpg", MimeType = "image/jpeg", Buffer = SampleFiles.JpegWithLocation() });
        await Page.Locator("#add-form").GetByRole(AriaRole.Button, new() { Name = "Add expense" }).ClickAsync();
        await Expect(Page.Locator("#flash")).ToContainTextAsync("Added ₹99.00");
        // A receipt's thumbnail in its row and the receipt itself, the JSON API and the CSV export, the import page.
        await OpenAsync("/");
        var receipt = Page.Locator("#expense-rows a.receipt-link");
        await Expect(receipt.Locator("img.receipt-thumbnail")).ToHaveJSPropertyAsync("complete", true);
        var answers = await Page.EvaluateAsync<int[]>(
            "async urls => Promise.all(urls.map(async url => (await fetch(url)).status))",
            new[] { await receipt.GetAttributeAsync("href"), "/api/me", "/api/expenses", "/api/expenses.csv" });
        Assert.All(answers, status => Assert.Equal(200, status));
        await OpenAsync("/import");

        var cached = await Page.EvaluateAsync<string[]>(
            "async () => { const urls = []; for (const name of await caches.keys()) { const cache = await caches.open(name); for (const request of await cache.keys()) urls.push(new URL(request.url).pathname); } return urls; }");

        Assert.Contains("/offline", cached);
        Assert.Contains("/static/css/site.css", cached);
        Assert.All(cached, path => Assert.True(path == "/offline" || path.StartsWith("/static/", StringComparison.Ordinal), $"The worker cached {path}."));

        Problems.Offline = true;
        await Context.SetOfflineAsync(true);
        await Page.GotoAsync("/charts");

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "You are offline" })).ToBeVisibleAsync();
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("data-bs-theme", "light");
        await Axe.AssertNoSeriousViolationsAsync(Page, "offline (served by the worker)");
        await Expect(Page.Locator("#expense-rows")).ToHaveCountAsync(0);

        await Context.SetOfflineAsync(false);
        Problems.Offline = false;
        await Page.GetByRole(AriaRole.Link, new() { Name = "Try again" }).ClickAsync();
        await Expect(Page.Locator("#expense-rows tr.expense-row")).ToHaveCountAsync(2);
    }

    /// <summary>Waits until the service worker is active and controls the page (it claims open pages when it activates).</summary>
    private async Task WaitForTheWorkerAsync()
    {
        await Page.EvaluateAsync("async () => { await navigator.serviceWorker.ready; }");
        await Page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
    }
}
