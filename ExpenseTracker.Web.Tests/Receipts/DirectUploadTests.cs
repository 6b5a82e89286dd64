using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExpenseTracker.Web.Tests.Infrastructure;
using ExpenseTracker.Web.Tests.Storage;

namespace ExpenseTracker.Web.Tests.Receipts;

/// <summary>The app in its AWS shape: DynamoDB (Local) for data, S3 (s3rver) for files, which browsers upload straight to.</summary>
public sealed class AwsShapeFactory(DynamoDbLocal engine, S3rver s3) : ExpenseTrackerFactory
{
    public string UserId { get; } = StoreTestData.NewUserId();

    public override string DefaultUserId => UserId;

    public override string DefaultEmail => $"{UserId}@example.com";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Storage:Provider", "DynamoDb"),
        new("Storage:DynamoDb:ServiceUrl", engine.ServiceUrl),
        new("Storage:DynamoDb:TableName", engine.TableName),
        new("Receipts:Provider", "S3"),
        new("Receipts:S3:BucketName", s3.BucketName),
        new("Receipts:S3:ServiceUrl", s3.ServiceUrl),
    ];
}

[Collection(DynamoDbLocalCollection.Name)]
public sealed class DirectUploadTests(DynamoDbLocal engine, S3rver s3) : IDisposable
{
    // Presigned addresses are checked against the real clock, so the app's clock is the real one here.
    private readonly AwsShapeFactory factory = new(engine, s3) { Time = { Now = DateTimeOffset.UtcNow } };
    private readonly HttpClient browser = new();

    public void Dispose()
    {
        factory.Dispose();
        browser.Dispose();
    }

    [Fact]
    public async Task APhotoGoesStraightToS3WithoutItsLocationAndOpensByAShortLivedAddress()
    {
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/");
        var photo = SampleFiles.JpegWithLocation();

        var prepared = await PrepareAsync(client, page, "bill.jpg", photo);
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(prepared, S3Uploads.Patched(photo, prepared))).StatusCode);
        var added = await client.SubmitWithFilesAsync(
            page.Form("#add-form"), new Dictionary<string, string> { ["Input.Amount"] = "499", ["Attachments.Ids"] = Id(prepared) }, []);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var link = (await client.GetDocumentAsync("/")).QuerySelector("#expense-rows a.receipt-link")!;
        var opened = await client.GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.StartsWith(s3.ServiceUrl, opened.Headers.Location!.ToString());
        Assert.Contains("no-store", opened.Headers.CacheControl!.ToString());
        var fromS3 = await browser.GetAsync(opened.Headers.Location);
        Assert.Equal("image/jpeg", fromS3.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("inline; filename=\"bill.jpg\"", fromS3.Content.Headers.ContentDisposition!.ToString());
        Assert.False(SampleFiles.HasLocation(await fromS3.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task TheFileInputsOfTheFormsNeverPostFilesToTheAppAndThePolicyAllowsTheBucket()
    {
        var client = factory.CreatePlainClient();
        var response = await client.GetAsync("/");
        var page = await Html.ParseAsync(response);

        var inputs = page.QuerySelectorAll("#add-form input[type=file]");
        Assert.NotEmpty(inputs);
        Assert.All(inputs, input => Assert.Null(input.GetAttribute("name")));
        Assert.All(inputs, input => Assert.Equal("/receipts/uploads", input.GetAttribute("data-direct-upload")));
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains($"connect-src 'self' {s3.ServiceUrl}", policy);
        Assert.Contains($"img-src 'self' data: {s3.ServiceUrl}", policy);
    }

    [Fact]
    public async Task AFileThatChangedAfterItsCheckIsRefusedWhenTheFormIsSaved()
    {
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/");
        var pdf = SampleFiles.Pdf();
        var prepared = await PrepareAsync(client, page, "bill.pdf", pdf);
        // As long as the checked file, but a web page: the policy's exact size lets it in, the second look does not.
        var swapped = SampleFiles.HtmlPage().Concat(Enumerable.Repeat((byte)' ', pdf.Length)).Take(pdf.Length).ToArray();
        await UploadAsync(prepared, swapped);

        var response = await client.SubmitWithFilesAsync(
            page.Form("#add-form"), new Dictionary<string, string> { ["Input.Amount"] = "499", ["Attachments.Ids"] = Id(prepared) }, [], htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("did not arrive as it was checked", (await Html.ParseFragmentAsync(response)).QuerySelector("[data-receipt-error]")!.TextContent);
        Assert.Empty(await factory.AllExpensesAsync());
    }

    [Fact]
    public async Task AFileOfAnotherSizeThanTheOneCheckedIsRefusedWhenTheFormIsSaved()
    {
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/");
        var pdf = SampleFiles.Pdf();
        var prepared = await PrepareAsync(client, page, "bill.pdf", pdf);

        // S3 itself refuses this upload (the policy's content-length-range); s3rver does not check policies, which
        // shows that the app's second look catches it anyway.
        await UploadAsync(prepared, [.. pdf, .. "% more"u8.ToArray()]);
        var response = await client.SubmitWithFilesAsync(
            page.Form("#add-form"), new Dictionary<string, string> { ["Input.Amount"] = "499", ["Attachments.Ids"] = Id(prepared) }, [], htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("did not arrive as it was checked", (await Html.ParseFragmentAsync(response)).QuerySelector("[data-receipt-error]")!.TextContent);
    }

    [Theory]
    [InlineData("page.jpg", "html", "is a web page or a drawing")]
    [InlineData("huge.jpg", "ten gigabytes", "is larger than 10 MB")]
    public async Task BeforeUploadingAHostileFileIsRefusedWithProblemDetails(string name, string sample, string reason)
    {
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/");
        var (content, size) = sample == "html" ? (SampleFiles.HtmlPage(), (long)SampleFiles.HtmlPage().Length) : ([0xFF, 0xD8, 0xFF], 10L * 1024 * 1024 * 1024);

        var response = await SendPrepareAsync(client, page, name, content, size);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(reason, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task OnALaptopThereIsNoDirectUpload()
    {
        using var laptop = new ExpenseTrackerFactory();
        var client = laptop.CreatePlainClient();
        var page = await client.GetDocumentAsync("/");

        Assert.Equal(HttpStatusCode.NotFound, (await SendPrepareAsync(client, page, "bill.pdf", SampleFiles.Pdf(), SampleFiles.Pdf().Length)).StatusCode);
    }

    /// <summary>What the page's script sends before an upload: name, size, head and tail, with the page's antiforgery token.</summary>
    private static async Task<JsonElement> PrepareAsync(HttpClient client, AngleSharp.Html.Dom.IHtmlDocument page, string name, byte[] content)
    {
        var response = await SendPrepareAsync(client, page, name, content, content.Length);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<HttpResponseMessage> SendPrepareAsync(HttpClient client, AngleSharp.Html.Dom.IHtmlDocument page, string name, byte[] content, long size)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(name), "name" },
            { new StringContent(size.ToString(System.Globalization.CultureInfo.InvariantCulture)), "size" },
            { new ByteArrayContent(content[..Math.Min(content.Length, Web.Receipts.ReceiptInspector.HeadSize)]), "head", "head" },
            { new ByteArrayContent(content[^Math.Min(content.Length, Web.Receipts.ReceiptInspector.TailSize)..]), "tail", "tail" },
        };
        var request = new HttpRequestMessage(HttpMethod.Post, "/receipts/uploads") { Content = form };
        request.Headers.Add(page.AntiforgeryHeader()!, page.AntiforgeryToken());
        return client.SendAsync(request);
    }

    private Task<HttpResponseMessage> UploadAsync(JsonElement prepared, byte[] content)
    {
        var fields = prepared.GetProperty("fields").EnumerateObject().ToDictionary(field => field.Name, field => field.Value.GetString()!);
        return browser.PostAsync(prepared.GetProperty("url").GetString(), S3Uploads.Form(new Web.Receipts.DirectUpload("", fields), content, "upload"));
    }

    private static string Id(JsonElement prepared) => prepared.GetProperty("id").GetString()!;
}
