using System.Net;
using ExpenseTracker.Web.Receipts;
using ExpenseTracker.Web.Receipts.S3;
using ExpenseTracker.Web.Tests.Infrastructure;
using ExpenseTracker.Web.Tests.Storage;
using Microsoft.Extensions.Options;

namespace ExpenseTracker.Web.Tests.Receipts;

/// <summary>The S3 file store against the real S3 API of s3rver: presigned POSTs in, ranged reads, presigned GETs out.</summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class S3ReceiptFilesTests(S3rver s3)
{
    private readonly SettableTime time = new(DateTimeOffset.UtcNow);
    private readonly HttpClient browser = new();
    private readonly string userId = StoreTestData.NewUserId();

    private S3ReceiptFiles Files => new(s3.Client, Options.Create(new ReceiptOptions { Provider = ReceiptFilesProvider.S3, S3 = s3.Settings }), time);

    [Fact]
    public async Task ABrowsersPresignedPostLandsAsAPendingUploadThatTheInspectorReadsByRanges()
    {
        var photo = SampleFiles.JpegWithLocation();
        var id = ReceiptRules.NewId();

        var uploaded = await UploadAsync(id, ReceiptKind.Jpeg, photo);

        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        await using var opened = await Files.OpenPendingAsync(userId, id, default);
        Assert.Equal(photo.Length, opened!.Bytes.Length);
        var inspection = await ReceiptInspector.InspectAsync(opened.Bytes, "bill.jpg", default);
        Assert.Equal(ReceiptKind.Jpeg, inspection.Kind);
        Assert.NotEmpty(inspection.LocationPatches);
    }

    [Fact]
    public async Task CheckingALargeUploadReadsItsHeadAndTailFromS3ButNeverItsWholeBody()
    {
        var photo = SampleFiles.NoisyJpegWithLocation(1600, 1200, 3_000_000);
        var id = ReceiptRules.NewId();
        await UploadAsync(id, ReceiptKind.Jpeg, photo);

        await using var opened = await Files.OpenPendingAsync(userId, id, default);
        var inspection = await ReceiptInspector.InspectAsync(opened!.Bytes, "large.jpg", default);

        Assert.Equal(ReceiptKind.Jpeg, inspection.Kind);
        Assert.NotEmpty(inspection.LocationPatches);
        var read = ((S3ReceiptBytes)opened.Bytes).BytesRead;
        Assert.True(read <= ReceiptInspector.HeadSize + ReceiptInspector.TailSize, $"{read} of the photo's {photo.Length} bytes were read.");
    }

    [Fact]
    public async Task AnUploadThatWasNeverMadeIsNoPendingFile() =>
        Assert.Null(await Files.OpenPendingAsync(userId, ReceiptRules.NewId(), default));

    [Fact]
    public async Task AStoredReceiptOpensByAPresignedGetWithItsExactTypeAndDisposition()
    {
        var id = ReceiptRules.NewId();
        await UploadAsync(id, ReceiptKind.Pdf, SampleFiles.Pdf());
        var receipt = Receipt(id, ReceiptKind.Pdf, "June bill.pdf");

        await Files.StoreAsync(userId, receipt, default);
        var download = await Files.OpenAsync(userId, receipt, thumbnail: false, default);
        var opened = await browser.GetAsync(download!.RedirectTo);

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal("application/pdf", opened.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("attachment; filename=\"June bill.pdf\"", opened.Content.Headers.ContentDisposition!.ToString());
        Assert.Equal(SampleFiles.Pdf(), await opened.Content.ReadAsByteArrayAsync());
        Assert.False(await s3.HasAsync($"{S3ReceiptFiles.PendingPrefix}{userId}/{id}"));
    }

    [Fact]
    public async Task AThumbnailOpensAsTheJpegThatWasSavedWithNoContentEncodingABrowserCannotUndo()
    {
        var id = ReceiptRules.NewId();
        var jpeg = SampleFiles.JpegWithLocation(64, 48);
        await Files.SaveThumbnailAsync(userId, id, new MemoryStream(jpeg), default);

        var download = await Files.OpenAsync(userId, Receipt(id, ReceiptKind.Jpeg, "bill.jpg"), thumbnail: true, default);
        var opened = await browser.GetAsync(download!.RedirectTo);

        Assert.Equal("image/jpeg", opened.Content.Headers.ContentType!.MediaType);
        Assert.Empty(opened.Content.Headers.ContentEncoding);
        Assert.Equal(jpeg, await opened.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task APresignedGetStopsWorkingWhenItExpires()
    {
        var id = ReceiptRules.NewId();
        await UploadAsync(id, ReceiptKind.Pdf, SampleFiles.Pdf());
        var receipt = Receipt(id, ReceiptKind.Pdf, "bill.pdf");
        await Files.StoreAsync(userId, receipt, default);

        // Signed six minutes ago: its five minutes are over.
        time.Now = DateTimeOffset.UtcNow - TimeSpan.FromMinutes(6);
        var download = await Files.OpenAsync(userId, receipt, thumbnail: false, default);

        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(download!.RedirectTo)).StatusCode);
    }

    [Fact]
    public async Task DeletingAReceiptRemovesItsFileAndThumbnailAndErasingRemovesOnlyThatPersonsFiles()
    {
        var files = Files;
        var (kept, deleted) = (ReceiptRules.NewId(), ReceiptRules.NewId());
        foreach (var id in new[] { kept, deleted })
        {
            await UploadAsync(id, ReceiptKind.Pdf, SampleFiles.Pdf());
            await files.StoreAsync(userId, Receipt(id, ReceiptKind.Pdf, "bill.pdf"), default);
            await files.SaveThumbnailAsync(userId, id, new MemoryStream(SampleFiles.Png()), default);
        }

        var someoneElse = StoreTestData.NewUserId();
        var theirs = ReceiptRules.NewId();
        await files.SaveThumbnailAsync(someoneElse, theirs, new MemoryStream(SampleFiles.Png()), default);

        await files.DeleteAsync(userId, deleted, default);

        Assert.False(await s3.HasAsync($"{S3ReceiptFiles.StoredPrefix}{userId}/{deleted}"));
        Assert.False(await s3.HasAsync($"{S3ReceiptFiles.ThumbnailPrefix}{userId}/{deleted}"));
        Assert.True(await s3.HasAsync($"{S3ReceiptFiles.StoredPrefix}{userId}/{kept}"));

        await files.EraseAsync(userId, default);

        Assert.False(await s3.HasAsync($"{S3ReceiptFiles.StoredPrefix}{userId}/{kept}"));
        Assert.False(await s3.HasAsync($"{S3ReceiptFiles.ThumbnailPrefix}{userId}/{kept}"));
        Assert.True(await s3.HasAsync($"{S3ReceiptFiles.ThumbnailPrefix}{someoneElse}/{theirs}"));
    }

    /// <summary>Posts the file as the page's script does: the presigned fields, then the file.</summary>
    private async Task<HttpResponseMessage> UploadAsync(string id, ReceiptKind kind, byte[] content)
    {
        var upload = await Files.PrepareUploadAsync(userId, id, kind, content.Length, default);
        return await browser.PostAsync(upload.Url, S3Uploads.Form(upload, content, "receipt" + kind.Extension()));
    }

    private Receipt Receipt(string id, ReceiptKind kind, string name) =>
        new(id, "expense", kind, 0, name, false, ReceiptState.Attached, time.GetUtcNow(), time.GetUtcNow());
}

public static class S3Uploads
{
    /// <summary>A presigned POST's form: its fields, then the file, which S3 wants last.</summary>
    public static MultipartFormDataContent Form(DirectUpload upload, byte[] content, string fileName)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in upload.Fields)
        {
            form.Add(new StringContent(value), name);
        }

        form.Add(new ByteArrayContent(content), "file", fileName);
        return form;
    }

    /// <summary>The file with the patches the app answered applied, as the page's script writes them before uploading.</summary>
    public static byte[] Patched(byte[] file, System.Text.Json.JsonElement prepared)
    {
        var copy = file.ToArray();
        foreach (var patch in prepared.GetProperty("patches").EnumerateArray())
        {
            Convert.FromBase64String(patch.GetProperty("bytes").GetString()!).CopyTo(copy, patch.GetProperty("offset").GetInt64());
        }

        return copy;
    }
}
