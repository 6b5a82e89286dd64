using System.Collections.Concurrent;
using ExpenseTracker.Web.Receipts;
using ExpenseTracker.Web.Receipts.S3;
using ExpenseTracker.Web.Tests.Infrastructure;
using ExpenseTracker.Web.Tests.Receipts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExpenseTracker.Web.Tests.Browser;

/// <summary>
/// A person attaches receipts in a real Chromium: a photo with the add form, a second one with the inline edit form,
/// sees their thumbnails in the row, opens the photo in a new tab, and removes it. The same journey runs against both
/// places files are kept: the laptop's folder (files post with the form) and S3 (the page's script uploads them straight
/// to the bucket with a presigned POST, across origins).
/// </summary>
public abstract class ReceiptJourneys(Chromium chromium) : BrowserJourney(chromium)
{
    /// <summary>Whether the stored file of this receipt (or its thumbnail) is still kept.</summary>
    protected abstract Task<bool> IsKeptAsync(string receiptId);

    [Fact]
    public async Task APhotoAttachedWhenAddingAndAnotherWhenEditingShowThumbnailsOpenAndCanBeRemoved()
    {
        await OpenAsync("/");
        var mark = await MarkPageAsync();
        var addForm = Page.Locator("#add-form");
        await addForm.GetByLabel("Amount (₹)").FillAsync("499");
        await addForm.GetByLabel("Description").FillAsync("Dinner at Koshy's");
        await ChooseAsync(addForm, new FilePayload { Name = "bill.jpg", MimeType = "image/jpeg", Buffer = SampleFiles.JpegWithLocation() });
        await addForm.GetByRole(AriaRole.Button, new() { Name = "Add expense" }).ClickAsync();

        var row = Page.Locator("#expense-rows tr", new() { HasText = "Dinner at Koshy's" });
        var bill = row.GetByRole(AriaRole.Link, new() { Name = "Open receipt bill.jpg" });
        await Expect(bill.Locator("img.receipt-thumbnail")).ToHaveJSPropertyAsync("naturalWidth", 320);
        var billId = (await bill.GetAttributeAsync("href"))!.Split('/')[^1];

        var (opened, photo) = await OpenInNewTabAsync(bill);
        Assert.Equal("image/jpeg", opened.Headers["content-type"]);
        Assert.StartsWith("inline; filename=\"bill.jpg\"", opened.Headers["content-disposition"]);
        Assert.False(SampleFiles.HasLocation(await opened.BodyAsync()));
        await Expect(photo.Locator("img")).ToHaveJSPropertyAsync("naturalWidth", 640);
        await photo.CloseAsync();

        await row.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        var editForm = Page.GetByRole(AriaRole.Form, new() { Name = "Edit expense" });
        await ChooseAsync(editForm, new FilePayload { Name = "milk.png", MimeType = "image/png", Buffer = SampleFiles.Png() });
        await editForm.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(editForm).ToHaveCountAsync(0);
        var milk = row.GetByRole(AriaRole.Link, new() { Name = "Open receipt milk.png" });
        await Expect(milk.Locator("img.receipt-thumbnail")).ToHaveJSPropertyAsync("naturalWidth", 320);
        await Expect(row.Locator("a.receipt-link")).ToHaveCountAsync(2);

        await row.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await editForm.GetByRole(AriaRole.Button, new() { Name = "Remove bill.jpg" }).ClickAsync();
        await Expect(editForm.Locator(".receipt-item")).ToHaveCountAsync(1);
        await editForm.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(row.Locator("a.receipt-link")).ToHaveCountAsync(1);
        await Expect(milk).ToHaveCountAsync(1);
        Assert.False(await IsKeptAsync(billId));
        Problems.Expect(404, $"/receipts/{billId}");
        Assert.Equal(404, (await Page.APIRequest.GetAsync($"/receipts/{billId}")).Status);
        await AssertNoReloadAsync(mark);
    }

    /// <summary>Chooses a file in the form's file field; where the page uploads it at once, waits until it has.</summary>
    private async Task ChooseAsync(ILocator form, FilePayload file)
    {
        await form.GetByLabel("Choose photos or PDFs").SetInputFilesAsync(file);
        if (await form.GetByLabel("Choose photos or PDFs").GetAttributeAsync("data-direct-upload") is { Length: > 0 })
        {
            await Expect(form.Locator("[data-receipt-pending] li", new() { HasText = file.Name })).ToContainTextAsync("attached when you save");
        }
    }

    /// <summary>Clicks a receipt's link (it opens a new tab) and answers the document that tab finally shows, after any redirect.</summary>
    private async Task<(IResponse Response, IPage Tab)> OpenInNewTabAsync(ILocator link)
    {
        var documents = new ConcurrentQueue<IResponse>();
        void Remember(object? sender, IResponse response)
        {
            if (response.Request.IsNavigationRequest)
            {
                documents.Enqueue(response);
            }
        }

        Context.Response += Remember;
        try
        {
            var tab = await Page.RunAndWaitForPopupAsync(() => link.ClickAsync());
            await tab.WaitForLoadStateAsync();
            return (documents.Single(response => response.Url == tab.Url && response.Status == 200), tab);
        }
        finally
        {
            Context.Response -= Remember;
        }
    }
}

/// <summary>On a laptop: the files post with the forms and are kept in the folder beside the database.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReceiptJourneysInAFolder(Chromium chromium) : ReceiptJourneys(chromium)
{
    protected override Task<bool> IsKeptAsync(string receiptId)
    {
        var folder = Path.Combine(Path.GetDirectoryName(App.DatabasePath)!, "receipts", App.DefaultUserId);
        return Task.FromResult(Directory.EnumerateFiles(folder, receiptId + "*", SearchOption.AllDirectories).Any());
    }
}

/// <summary>
/// In AWS's shape for files: the page's script uploads each file straight to the bucket (s3rver, on another port, so
/// another origin) with the presigned POST the app prepared, and the app answers opening a receipt with a redirect to a
/// presigned GET. The bucket allows the app's origin alone, as the template's CORS rule does.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReceiptJourneysInS3(Chromium chromium, S3rver s3) : ReceiptJourneys(chromium), IClassFixture<S3rver>
{
    protected override async Task<LiveExpenseTrackerFactory> CreateAppAsync()
    {
        var app = new LiveExpenseTrackerFactory(
            new("Receipts:Provider", nameof(ReceiptFilesProvider.S3)),
            new("Receipts:S3:BucketName", s3.BucketName),
            new("Receipts:S3:ServiceUrl", s3.ServiceUrl));
        // Presigned addresses are checked against the real clock.
        app.Time.Now = DateTimeOffset.UtcNow;
        await s3.AllowOriginAsync(app.BaseAddress);
        return app;
    }

    protected override async Task<bool> IsKeptAsync(string receiptId)
    {
        foreach (var prefix in new[] { S3ReceiptFiles.PendingPrefix, S3ReceiptFiles.StoredPrefix, S3ReceiptFiles.ThumbnailPrefix })
        {
            if (await s3.HasAsync($"{prefix}{App.DefaultUserId}/{receiptId}"))
            {
                return true;
            }
        }

        return false;
    }
}
