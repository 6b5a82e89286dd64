using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExpenseTracker.Web.Tests.Infrastructure;
using ExpenseTracker.Web.Tests.Storage;
using Xunit.Abstractions;

namespace ExpenseTracker.Web.Tests.Receipts;

/// <summary>
/// The figures: uploading and opening a photo of almost 10 MB on a laptop (form post, folder) and in the AWS
/// shape (straight to s3rver), with what the app allocated meanwhile. The figures are printed for the docs and never
/// asserted: time and the allocation counter (the whole test process's) follow whatever else runs at once. The asserts
/// hold only that each step works; that the app never reads a direct upload's whole body back is checked exactly, by
/// the bytes it reads from S3, in <see cref="S3ReceiptFilesTests"/>.
/// </summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class UploadMeasurements(DynamoDbLocal engine, S3rver s3, ITestOutputHelper output)
{
    private static readonly Lazy<byte[]> LargePhoto = new(() => SampleFiles.NoisyJpegWithLocation(4000, 3000, Web.Receipts.ReceiptInspector.MaxSize));

    [Fact]
    public async Task ALargePhotoPostedWithTheFormIsStreamedToTheFolder()
    {
        using var factory = new ExpenseTrackerFactory();
        var client = factory.CreatePlainClient();
        var photo = LargePhoto.Value;
        await client.AddWithFilesAsync("warm-up", ("small.png", SampleFiles.Png()));

        var (upload, uploadAllocated) = await MeasureAsync(() => client.AddWithFilesAsync("Laptop", ("large.jpg", photo)));
        Assert.True(upload.Result.StatusCode == HttpStatusCode.Redirect, await upload.Result.Content.ReadAsStringAsync());
        var href = (await client.GetDocumentAsync("/")).QuerySelectorAll("a.receipt-link").Single(link => link.TextContent.Contains("large.jpg")).GetAttribute("href");
        var (open, _) = await MeasureAsync(async () => (await client.GetByteArrayAsync(href)).Length);

        Assert.Equal(photo.Length, open.Result);
        output.WriteLine($"Laptop: {photo.Length / 1e6:0.0} MB photo; upload {upload.Elapsed.TotalMilliseconds:0} ms, {uploadAllocated / 1e6:0.0} MB allocated "
            + $"(thumbnail pixels included); open {open.Elapsed.TotalMilliseconds:0} ms.");
    }

    [Fact]
    public async Task ALargePhotoUploadedStraightToS3NeverPassesThroughTheApp()
    {
        using var factory = new AwsShapeFactory(engine, s3) { Time = { Now = DateTimeOffset.UtcNow } };
        using var browser = new HttpClient();
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/");
        var photo = LargePhoto.Value;

        var (prepared, prepareAllocated) = await MeasureAsync(async () =>
        {
            var form = new MultipartFormDataContent
            {
                { new StringContent("large.jpg"), "name" },
                { new StringContent(photo.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)), "size" },
                { new ByteArrayContent(photo[..Web.Receipts.ReceiptInspector.HeadSize]), "head", "head" },
                { new ByteArrayContent(photo[^Web.Receipts.ReceiptInspector.TailSize..]), "tail", "tail" },
            };
            var request = new HttpRequestMessage(HttpMethod.Post, "/receipts/uploads") { Content = form };
            request.Headers.Add(page.AntiforgeryHeader()!, page.AntiforgeryToken());
            return await (await client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        });
        var fields = prepared.Result.GetProperty("fields").EnumerateObject().ToDictionary(field => field.Name, field => field.Value.GetString()!);
        var (uploaded, _) = await MeasureAsync(() => browser.PostAsync(
            prepared.Result.GetProperty("url").GetString(), S3Uploads.Form(new Web.Receipts.DirectUpload("", fields), S3Uploads.Patched(photo, prepared.Result), "large.jpg")));
        var (saved, saveAllocated) = await MeasureAsync(() => client.SubmitWithFilesAsync(
            page.Form("#add-form"), new Dictionary<string, string> { ["Input.Amount"] = "1", ["Attachments.Ids"] = prepared.Result.GetProperty("id").GetString()! }, []));
        Assert.Equal(HttpStatusCode.Created, uploaded.Result.StatusCode);
        Assert.True(saved.Result.StatusCode == HttpStatusCode.Redirect, await saved.Result.Content.ReadAsStringAsync());
        var href = (await client.GetDocumentAsync("/")).QuerySelector("a.receipt-link")!.GetAttribute("href");
        var (open, _) = await MeasureAsync(async () => (await browser.GetByteArrayAsync((await client.GetAsync(href)).Headers.Location)).Length);

        Assert.Equal(photo.Length, open.Result);
        output.WriteLine($"S3 (s3rver): {photo.Length / 1e6:0.0} MB photo; check {prepared.Elapsed.TotalMilliseconds:0} ms ({prepareAllocated / 1e6:0.0} MB allocated), "
            + $"upload to S3 {uploaded.Elapsed.TotalMilliseconds:0} ms, save {saved.Elapsed.TotalMilliseconds:0} ms ({saveAllocated / 1e6:0.0} MB allocated), "
            + $"open through the presigned GET {open.Elapsed.TotalMilliseconds:0} ms.");
    }

    private static async Task<((T Result, TimeSpan Elapsed), long Allocated)> MeasureAsync<T>(Func<Task<T>> action)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var result = await action();
        return ((result, clock.Elapsed), GC.GetTotalAllocatedBytes(precise: true) - allocated);
    }
}
