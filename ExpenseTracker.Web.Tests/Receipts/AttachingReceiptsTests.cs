using System.Net;
using ExpenseTracker.Web.Receipts;
using ExpenseTracker.Web.Security;
using ExpenseTracker.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ExpenseTracker.Web.Tests.Receipts;

/// <summary>Receipts on a laptop: files posted with the add and edit forms, kept in a folder beside the SQLite file.</summary>
public sealed class AttachingReceiptsTests : IDisposable
{
    private readonly ExpenseTrackerFactory factory = new();

    public void Dispose() => factory.Dispose();

    private string ReceiptFolder => Path.Combine(Path.GetDirectoryName(factory.DatabasePath)!, "receipts", factory.DefaultUserId);

    [Fact]
    public async Task AnExpenseAddedWithAPhotoShowsItsThumbnailAndOpensThePhotoWithoutItsLocation()
    {
        var client = factory.CreatePlainClient();

        var added = await client.AddWithFilesAsync("Dinner", ("bill.jpg", SampleFiles.JpegWithLocation()));

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var link = Assert.Single((await client.GetDocumentAsync("/")).QuerySelectorAll("#expense-rows a.receipt-link"));
        var thumbnail = await client.GetAsync(link.QuerySelector("img.receipt-thumbnail")!.GetAttribute("src"));
        Assert.Equal("image/jpeg", thumbnail.Content.Headers.ContentType!.MediaType);
        Assert.Equal(320, SixLabors.ImageSharp.Image.Identify(await thumbnail.Content.ReadAsByteArrayAsync()).Width);

        var opened = await client.GetAsync(link.GetAttribute("href"));

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal("image/jpeg", opened.Content.Headers.ContentType!.ToString());
        Assert.Equal("inline; filename=\"bill.jpg\"; filename*=UTF-8''bill.jpg", opened.Content.Headers.ContentDisposition!.ToString());
        Assert.Equal("nosniff", opened.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(SecurityHeaders.UploadedFilePolicy, opened.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("no-store", opened.Headers.CacheControl!.ToString());
        var photo = await opened.Content.ReadAsByteArrayAsync();
        Assert.False(SampleFiles.HasLocation(photo));
        Assert.Equal(640, SixLabors.ImageSharp.Image.Identify(photo).Width);
    }

    [Fact]
    public async Task APdfShowsAnIconAndDownloadsAsAnAttachment()
    {
        var client = factory.CreatePlainClient();
        await client.AddWithFilesAsync("Electricity", ("June bill.pdf", SampleFiles.Pdf()));

        var link = Assert.Single((await client.GetDocumentAsync("/")).QuerySelectorAll("#expense-rows a.receipt-link"));
        var opened = await client.GetAsync(link.GetAttribute("href"));

        Assert.Equal("PDF", link.QuerySelector(".receipt-icon")!.TextContent);
        Assert.Equal("application/pdf", opened.Content.Headers.ContentType!.ToString());
        Assert.StartsWith("attachment; filename=\"June bill.pdf\"", opened.Content.Headers.ContentDisposition!.ToString());
        Assert.Equal(SampleFiles.Pdf(), await opened.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("page.jpg", "html")]
    [InlineData("drawing.png", "svg")]
    [InlineData("empty.jpg", "empty")]
    [InlineData("polyglot.jpg", "archive")]
    public async Task AHostileFileIsRefusedWithAClearMessageAndNothingIsSaved(string name, string sample)
    {
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/");
        byte[] content = sample switch
        {
            "html" => SampleFiles.HtmlPage(),
            "svg" => SampleFiles.Svg(),
            "archive" => SampleFiles.JpegWithArchiveAppended(),
            _ => [],
        };

        var response = await client.SubmitWithFilesAsync(
            page.Form("#add-form"), new Dictionary<string, string> { ["Input.Amount"] = "120" }, [(name, content)], htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var form = await Html.ParseFragmentAsync(response);
        Assert.StartsWith($"“{name}” ", form.QuerySelector("[data-receipt-error]")!.TextContent);
        Assert.Empty(await factory.AllExpensesAsync());
        Assert.False(Directory.Exists(ReceiptFolder) && Directory.EnumerateFiles(ReceiptFolder, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task AGoodFileIsKeptWhenTheFormIsShownAgainForAnotherMistake()
    {
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/");

        var refused = await client.SubmitWithFilesAsync(
            page.Form("#add-form"), new Dictionary<string, string> { ["Input.Amount"] = "-5" }, [("bill.pdf", SampleFiles.Pdf())], htmx: true);
        var again = await Html.ParseFragmentAsync(refused);
        Assert.Contains("bill.pdf", again.QuerySelector("[data-receipt-pending]")!.TextContent);
        var saved = await client.SubmitAsync(again.Form("#add-form"), new Dictionary<string, string> { ["Input.Amount"] = "5" }, htmx: true, page: page);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var expense = Assert.Single(await factory.AllExpensesAsync());
        var attached = await Receipts.ListAttachedAsync(factory.DefaultUserId, [expense.Id], default);
        Assert.Equal("bill.pdf", Assert.Single(attached[expense.Id]).FileName);
    }

    [Fact]
    public async Task AnExpenseHoldsAtMostFiveFilesAndTheSixthIsRefused()
    {
        var client = factory.CreatePlainClient();

        var response = await client.SubmitWithFilesAsync(
            (await client.GetDocumentAsync("/")).Form("#add-form"),
            new Dictionary<string, string> { ["Input.Amount"] = "10" },
            [.. Enumerable.Range(1, 6).Select(n => ($"bill-{n}.pdf", SampleFiles.Pdf()))],
            htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("at most 5 receipts", (await Html.ParseFragmentAsync(response)).QuerySelector("[data-receipt-error]")!.TextContent);
        Assert.Empty(await factory.AllExpensesAsync());
    }

    [Fact]
    public async Task TheEditFormAddsAReceiptAndItsRemoveButtonDeletesOne()
    {
        var client = factory.CreatePlainClient();
        var expense = await factory.AddAsync(ExpenseBuilder.Expense.Described("Groceries"));
        var edit = await client.GetDocumentAsync($"/expenses/{expense.Id}/edit");

        var saved = await client.SubmitWithFilesAsync(edit.Form("main form"), new Dictionary<string, string>(), [("milk.png", SampleFiles.Png())]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        edit = await client.GetDocumentAsync($"/expenses/{expense.Id}/edit");
        var remove = Assert.Single(edit.QuerySelectorAll(".receipt-item button"));
        var removed = await client.HtmxPostAsync(remove.GetAttribute("hx-post")!, edit);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Empty(await Receipts.ListAttachedAsync(factory.DefaultUserId, [expense.Id], default));
        Assert.Empty(Directory.EnumerateFiles(ReceiptFolder, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task WithoutJavaScriptRemovingAReceiptSaysSoOnceInTheMessageRegion()
    {
        var client = factory.CreatePlainClient();
        var expense = await factory.AddAsync(ExpenseBuilder.Expense.Described("Groceries"));
        var edit = await client.GetDocumentAsync($"/expenses/{expense.Id}/edit");
        await client.SubmitWithFilesAsync(edit.Form("main form"), new Dictionary<string, string>(), [("milk.png", SampleFiles.Png())]);
        edit = await client.GetDocumentAsync($"/expenses/{expense.Id}/edit");
        var remove = Assert.Single(edit.QuerySelectorAll(".receipt-item button"));

        var form = edit.Form("main form");
        // What a click on the button does without JavaScript: the whole form posted to the button's formaction.
        form.SetAttribute("action", remove.GetAttribute("formaction"));
        var removed = await client.SubmitAsync(form);

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var after = await client.GetDocumentAsync(removed.Headers.Location!.ToString());
        var message = Assert.Single(after.QuerySelectorAll("[role=status], [role=alert]"), element => element.TextContent.Contains("Removed"));
        Assert.Equal("flash", message.Id);
        Assert.Empty(after.QuerySelectorAll(".receipt-item"));
    }

    [Fact]
    public async Task AnotherPersonsReceiptIsNotFoundOnEveryRoute()
    {
        var owner = factory.CreatePlainClient();
        await owner.AddWithFilesAsync("Mine", ("bill.jpg", SampleFiles.JpegWithLocation()));
        var href = (await owner.GetDocumentAsync("/")).QuerySelector("a.receipt-link")!.GetAttribute("href")!;
        var (stranger, _) = await factory.CreateUserAsync("stranger@example.com");
        var strangersPage = await stranger.GetDocumentAsync("/");

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(href)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(href + "/thumbnail")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.HtmxPostAsync(href + "/delete", strangersPage)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync("/receipts/not-an-id")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(href)).StatusCode);
    }

    [Fact]
    public async Task UndoingTheDeleteOfAnExpenseBringsItBackWithItsReceipts()
    {
        var client = factory.CreatePlainClient();
        await client.AddWithFilesAsync("Dinner", ("bill.jpg", SampleFiles.JpegWithLocation()), ("bill.pdf", SampleFiles.Pdf()));
        var expense = Assert.Single(await factory.AllExpensesAsync());
        var page = await client.GetDocumentAsync("/");
        var links = page.QuerySelectorAll($"#expense-{expense.Id} a.receipt-link").Select(link => link.GetAttribute("href")).ToList();
        Assert.Equal(2, links.Count);
        var undo = (await client.HtmxPostAsync($"/expenses/{expense.Id}/delete", page)).Flash()!.Undo!;
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(links[0])).StatusCode);

        await client.HtmxPostAsync(undo, page);

        var restored = (await client.GetDocumentAsync("/")).QuerySelectorAll($"#expense-{expense.Id} a.receipt-link").Select(link => link.GetAttribute("href"));
        Assert.Equal(links, restored);
        Assert.Equal(SampleFiles.Pdf(), await client.GetByteArrayAsync(links[1]));
    }

    [Fact]
    public async Task ADeletedExpensesReceiptsWaitForAnUndoThenAreSweptAway()
    {
        var client = factory.CreatePlainClient();
        await client.AddWithFilesAsync("Taxi", ("ride.jpg", SampleFiles.JpegWithLocation()));
        var expense = Assert.Single(await factory.AllExpensesAsync());
        var page = await client.GetDocumentAsync("/");
        var href = page.QuerySelector("a.receipt-link")!.GetAttribute("href")!;

        await client.HtmxPostAsync($"/expenses/{expense.Id}/delete", page);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(href)).StatusCode);
        Assert.NotEmpty(Directory.EnumerateFiles(ReceiptFolder, "*", SearchOption.AllDirectories));
        Assert.Single(await Receipts.RestoreAsync(factory.DefaultUserId, expense.Id));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(href)).StatusCode);

        await Receipts.DetachAsync(factory.DefaultUserId, expense.Id, default);
        factory.Time.Now += TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1);
        await Receipts.SweepAsync(factory.DefaultUserId, default);

        Assert.Empty(await Receipts.RestoreAsync(factory.DefaultUserId, expense.Id));
        Assert.Empty(Directory.EnumerateFiles(ReceiptFolder, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task DeletingTheAccountDeletesItsReceiptFiles()
    {
        var (client, userId) = await factory.CreateUserAsync("leaving@example.com");
        await client.AddWithFilesAsync("Rent", ("lease.pdf", SampleFiles.Pdf()));
        var folder = Path.Combine(Path.GetDirectoryName(factory.DatabasePath)!, "receipts", userId);
        Assert.NotEmpty(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories));

        foreach (var eraser in factory.Services.GetServices<Web.Storage.IUserDataEraser>())
        {
            await eraser.EraseAsync(userId);
        }

        Assert.False(Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Any());
        Assert.Empty(await factory.Services.GetRequiredService<IReceiptStore>().ListAsync(userId));
    }

    private ExpenseReceipts Receipts => factory.Services.GetRequiredService<ExpenseReceipts>();
}
