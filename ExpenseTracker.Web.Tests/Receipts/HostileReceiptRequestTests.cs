using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Receipts;
using ExpenseTracker.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ExpenseTracker.Web.Tests.Receipts;

/// <summary>
/// The receipt routes tried the way an attacker would: other people's ids, too many and too large files, files in
/// disguise, names that carry paths or control characters, NUL bytes. Each is a clear refusal or a 404, never a 500, and
/// leaves nothing behind.
/// </summary>
public sealed class HostileReceiptRequestTests : IDisposable
{
    private readonly ExpenseTrackerFactory factory = new();

    public void Dispose() => factory.Dispose();

    private ExpenseReceipts Receipts => factory.Services.GetRequiredService<ExpenseReceipts>();

    [Fact]
    public async Task SomeoneElsesExpenseOrReceiptIsNotFoundThroughTheApiEvenBesideAnExpenseOfTheirOwn()
    {
        var owner = await factory.CreateTokenClientAsync(factory.DefaultUserId);
        var mine = await factory.AddAsync(ExpenseBuilder.Expense.Described("Mine"));
        var myOther = await factory.AddAsync(ExpenseBuilder.Expense.Described("Mine too"));
        await owner.PostAsync($"/api/expenses/{mine.Id}/receipts", Files(("bill.pdf", SampleFiles.Pdf())));
        var receiptId = (await owner.GetFromJsonAsync<JsonElement>($"/api/expenses/{mine.Id}/receipts"))[0].GetProperty("id").GetString();
        var strangerId = await factory.CreateAccountAsync("stranger@example.com");
        var stranger = await factory.CreateTokenClientAsync(strangerId);
        var theirs = await factory.AddAsync(ExpenseBuilder.Expense.Described("Theirs"), strangerId);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/expenses/{mine.Id}/receipts")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"/api/expenses/{mine.Id}/receipts/{receiptId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"/api/expenses/{theirs.Id}/receipts/{receiptId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.DeleteAsync($"/api/expenses/{myOther.Id}/receipts/{receiptId}")).StatusCode);
        Assert.NotNull(await Receipts.FindAttachedAsync(factory.DefaultUserId, receiptId!, default));
    }

    [Fact]
    public async Task AnotherPersonsWaitingUploadCannotBeCarriedIntoMyForm()
    {
        var owner = factory.CreatePlainClient();
        var refused = await owner.SubmitWithFilesAsync(
            (await owner.GetDocumentAsync("/")).Form("#add-form"), new Dictionary<string, string> { ["Input.Amount"] = "-5" }, [("bill.pdf", SampleFiles.Pdf())], htmx: true);
        var pendingId = (await Html.ParseFragmentAsync(refused)).QuerySelector($"input[name='{ReceiptField.IdsName}']")!.GetAttribute("value")!;
        var (stranger, strangerId) = await factory.CreateUserAsync("stranger@example.com");

        var response = await stranger.SubmitWithFilesAsync(
            (await stranger.GetDocumentAsync("/")).Form("#add-form"),
            new Dictionary<string, string> { ["Input.Amount"] = "5", [ReceiptField.IdsName] = pendingId },
            [],
            htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("no longer waiting", (await Html.ParseFragmentAsync(response)).QuerySelector("[data-receipt-error]")!.TextContent);
        Assert.Empty(await factory.AllExpensesAsync(strangerId));
        var stillMine = await factory.Services.GetRequiredService<IReceiptStore>().FindAsync(factory.DefaultUserId, pendingId);
        Assert.Equal(ReceiptState.Pending, stillMine!.State);
    }

    [Fact]
    public async Task AFileOneByteOverTenMegabytesIsRefusedOnTheFormAndThroughTheApi()
    {
        byte[] tooLarge = [.. SampleFiles.JpegWithLocation(64, 64), .. new byte[ReceiptInspector.MaxSize + 1 - SampleFiles.JpegWithLocation(64, 64).Length]];
        Assert.Equal(10 * 1024 * 1024 + 1, tooLarge.Length);
        var client = factory.CreatePlainClient();
        var api = await factory.CreateTokenClientAsync(factory.DefaultUserId);
        var expense = await factory.AddAsync(ExpenseBuilder.Expense.Described("Lunch"));

        var form = await client.SubmitWithFilesAsync(
            (await client.GetDocumentAsync("/")).Form("#add-form"), new Dictionary<string, string> { ["Input.Amount"] = "5" }, [("huge.jpg", tooLarge)], htmx: true);
        var viaApi = await api.PostAsync($"/api/expenses/{expense.Id}/receipts", Files(("huge.jpg", tooLarge)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, form.StatusCode);
        Assert.Equal("“huge.jpg” is larger than 10 MB.", (await Html.ParseFragmentAsync(form)).QuerySelector("[data-receipt-error]")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.BadRequest, viaApi.StatusCode);
        Assert.Equal("“huge.jpg” is larger than 10 MB.", (await viaApi.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Single(await factory.AllExpensesAsync());
        Assert.Empty(await factory.Services.GetRequiredService<IReceiptStore>().ListAsync(factory.DefaultUserId));
    }

    [Fact]
    public async Task ASixthReceiptIsRefusedThroughTheApiAndOnAnEditFormThatNoLongerOffersAFileField()
    {
        var api = await factory.CreateTokenClientAsync(factory.DefaultUserId);
        var expense = await factory.AddAsync(ExpenseBuilder.Expense.Described("Groceries"));
        var url = $"/api/expenses/{expense.Id}/receipts";
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync(url, Files([.. Enumerable.Range(1, 5).Select(n => ($"bill-{n}.pdf", SampleFiles.Pdf()))]))).StatusCode);

        var viaApi = await api.PostAsync(url, Files(("bill-6.pdf", SampleFiles.Pdf())));
        var client = factory.CreatePlainClient();
        var edit = await client.GetDocumentAsync($"/expenses/{expense.Id}/edit");
        var viaForm = await client.SubmitWithFilesAsync(edit.Form("main form"), new Dictionary<string, string>(), [("bill-6.pdf", SampleFiles.Pdf())]);

        Assert.Equal(HttpStatusCode.BadRequest, viaApi.StatusCode);
        Assert.Contains("at most 5 receipts", (await viaApi.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Empty(edit.QuerySelectorAll("main form input[type=file]"));
        // Without JavaScript the form comes back as a page (200) that says what went wrong.
        Assert.Equal(HttpStatusCode.OK, viaForm.StatusCode);
        Assert.Contains("at most 5 receipts", (await Html.ParseAsync(viaForm)).QuerySelector("[data-receipt-error]")!.TextContent);
        Assert.Equal(5, (await api.GetFromJsonAsync<JsonElement>(url)).GetArrayLength());
    }

    [Theory]
    [InlineData("setup.jpg", "program")]
    [InlineData("photos.png", "archive")]
    [InlineData("bill.webp", "text")]
    public async Task AFileInDisguiseIsRefusedWhateverItsNameAndClaimedType(string name, string sample)
    {
        var api = await factory.CreateTokenClientAsync(factory.DefaultUserId);
        var expense = await factory.AddAsync(ExpenseBuilder.Expense.Described("Lunch"));
        byte[] content = sample switch
        {
            "program" => [(byte)'M', (byte)'Z', 0x90, 0, .. new byte[200]],
            "archive" => [(byte)'P', (byte)'K', 3, 4, .. new byte[60], (byte)'P', (byte)'K', 5, 6, .. new byte[18]],
            _ => Encoding.UTF8.GetBytes("Total: ₹499, paid by UPI"),
        };

        var response = await api.PostAsync($"/api/expenses/{expense.Id}/receipts", Files((name, content)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith($"“{name}” ", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Empty(await factory.Services.GetRequiredService<IReceiptStore>().ListAsync(factory.DefaultUserId));
    }

    [Fact]
    public async Task APngNamedAsAJpegIsKeptAndServedAsThePngItIs()
    {
        var api = await factory.CreateTokenClientAsync(factory.DefaultUserId);
        var expense = await factory.AddAsync(ExpenseBuilder.Expense.Described("Milk"));

        await api.PostAsync($"/api/expenses/{expense.Id}/receipts", Files(("milk.jpg", SampleFiles.Png())));
        var listed = (await api.GetFromJsonAsync<JsonElement>($"/api/expenses/{expense.Id}/receipts"))[0];
        var opened = await factory.CreatePlainClient().GetAsync(listed.GetProperty("url").GetString());

        Assert.Equal("image/png", listed.GetProperty("contentType").GetString());
        Assert.Equal("image/png", opened.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("inline; filename=\"milk.png\"", opened.Content.Headers.ContentDisposition!.ToString());
    }

    [Theory]
    [InlineData("../../../etc/cron.d/bill.pdf", "bill.pdf", "bill.pdf")]
    [InlineData("C:\\Users\\me\\Desktop\\bill.pdf", "bill.pdf", "bill.pdf")]
    [InlineData("bi\u0000ll\u001b[31m\u0007.pdf", "bill[31m.pdf", "bill_31m.pdf")]
    [InlineData("../", "receipt", "receipt.pdf")]
    public async Task ANameWithAPathControlCharactersOrHeaderSyntaxIsReducedToASafeNameAndTheFileIsKeptUnderItsId(
        string sent, string shown, string downloadedAs)
    {
        var api = await factory.CreateTokenClientAsync(factory.DefaultUserId);
        var expense = await factory.AddAsync(ExpenseBuilder.Expense.Described("Electricity"));

        var attached = await api.PostAsync($"/api/expenses/{expense.Id}/receipts", RawFile(sent, SampleFiles.Pdf()));
        var listed = (await api.GetFromJsonAsync<JsonElement>($"/api/expenses/{expense.Id}/receipts"))[0];
        var opened = await factory.CreatePlainClient().GetAsync(listed.GetProperty("url").GetString());

        Assert.Equal(HttpStatusCode.Created, attached.StatusCode);
        Assert.Equal(shown, listed.GetProperty("fileName").GetString());
        Assert.StartsWith($"attachment; filename=\"{downloadedAs}\"; filename*=UTF-8''", string.Join(" ", opened.Content.Headers.GetValues("Content-Disposition")));
        var folder = Path.GetDirectoryName(factory.DatabasePath)!;
        var kept = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(file => !file.StartsWith(factory.DatabasePath, StringComparison.Ordinal));
        Assert.Equal(Path.Combine(folder, "receipts", factory.DefaultUserId, listed.GetProperty("id").GetString()!), Assert.Single(kept));
    }

    [Theory]
    [InlineData("GET", "/receipts/%00")]
    [InlineData("GET", "/receipts/0123456789abcdef0123456789abcde%00/thumbnail")]
    [InlineData("POST", "/receipts/0123456789abcdef0123456789abcdef%00/delete")]
    [InlineData("DELETE", "/api/expenses/e1/receipts/%00")]
    public async Task ANulInAReceiptRouteIsRefusedByTheServerBeforeTheApp(string method, string path)
    {
        using var live = new LiveExpenseTrackerFactory();
        using var client = new HttpClient { BaseAddress = live.BaseAddress };

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ANulCarriedAsAnUploadIdIsRefusedWithAMessage()
    {
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/");
        var carried = await client.SubmitWithFilesAsync(
            page.Form("#add-form"), new Dictionary<string, string> { ["Input.Amount"] = "5", [ReceiptField.IdsName] = "\0" }, [], htmx: true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, carried.StatusCode);
        Assert.Contains("no longer waiting", (await Html.ParseFragmentAsync(carried)).QuerySelector("[data-receipt-error]")!.TextContent);
        Assert.Empty(await factory.AllExpensesAsync());
    }


    private static MultipartFormDataContent Files(params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            // What a browser would claim from the name; the app must not believe it.
            part.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".pdf", StringComparison.Ordinal) ? "application/pdf" : "image/jpeg");
            form.Add(part, "file", name);
        }

        return form;
    }

    /// <summary>
    /// A multipart body written byte by byte, since HttpClient refuses to send a file name with control characters in
    /// it, and an attacker's client does not.
    /// </summary>
    private static ByteArrayContent RawFile(string fileName, byte[] content)
    {
        const string boundary = "hostile-boundary";
        byte[] body =
        [
            .. Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{fileName.Replace("\"", "\\\"")}\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n"),
            .. content,
            .. Encoding.UTF8.GetBytes($"\r\n--{boundary}--\r\n"),
        ];
        var raw = new ByteArrayContent(body);
        raw.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        return raw;
    }
}
