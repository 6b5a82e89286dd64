using ExpenseTracker.Web.Receipts;

namespace ExpenseTracker.Web.Tests.Receipts;

public sealed class ReceiptInspectorTests
{
    [Fact]
    public async Task TheKindIsDecidedByTheContentNotTheName()
    {
        Assert.Equal(ReceiptKind.Jpeg, (await InspectAsync(SampleFiles.JpegWithLocation(), "bill.pdf")).Kind);
        Assert.Equal(ReceiptKind.Png, (await InspectAsync(SampleFiles.Png(), "bill.jpg")).Kind);
        Assert.Equal(ReceiptKind.Pdf, (await InspectAsync(SampleFiles.Pdf(), "bill.png")).Kind);
    }

    [Theory]
    [InlineData("html", "is a web page or a drawing")]
    [InlineData("svg", "is a web page or a drawing")]
    [InlineData("empty", "is empty")]
    [InlineData("text", "is not a JPEG, PNG, WebP or HEIC photo or a PDF")]
    [InlineData("archive", "has another file (an archive or a PDF) hidden inside it")]
    [InlineData("script", "contains web page code or script")]
    public async Task HostileOrForeignFilesAreRefusedWithTheReason(string sample, string reason)
    {
        byte[] content = sample switch
        {
            "html" => SampleFiles.HtmlPage(),
            "svg" => SampleFiles.Svg(),
            "empty" => [],
            "text" => "just some notes"u8.ToArray(),
            "archive" => SampleFiles.JpegWithArchiveAppended(),
            _ => SampleFiles.JpegWithScriptAppended(),
        };

        var refused = await Assert.ThrowsAsync<FileRefusedException>(() => InspectAsync(content, "photo.jpg"));

        Assert.StartsWith("“photo.jpg” ", refused.Message);
        Assert.Contains(reason, refused.Message);
    }

    [Fact]
    public async Task AClaimOfTenGigabytesIsRefusedBeforeAnyByteIsRead()
    {
        var claimed = new PartialReceiptBytes(10L * 1024 * 1024 * 1024, [], []);

        var refused = await Assert.ThrowsAsync<FileRefusedException>(() => ReceiptInspector.InspectAsync(claimed, "huge.jpg", default));

        Assert.Contains("larger than 10 MB", refused.Message);
    }

    [Fact]
    public async Task APdfWithSomethingAfterItsEndIsRefused()
    {
        byte[] content = [.. SampleFiles.Pdf(), .. "trailing bytes of another file"u8.ToArray()];

        var refused = await Assert.ThrowsAsync<FileRefusedException>(() => InspectAsync(content, "bill.pdf"));

        Assert.Contains("does not end like a PDF", refused.Message);
    }

    [Fact]
    public async Task ThePatchesRemoveThePhotosLocationAndLeaveAValidPhoto()
    {
        var photo = SampleFiles.JpegWithLocation();
        Assert.True(SampleFiles.HasLocation(photo));

        var inspection = await InspectAsync(photo, "bill.jpg");
        foreach (var patch in inspection.LocationPatches)
        {
            patch.Bytes.CopyTo(photo.AsSpan((int)patch.Offset));
        }

        Assert.NotEmpty(inspection.LocationPatches);
        Assert.False(SampleFiles.HasLocation(photo));
        Assert.Equal(640, SixLabors.ImageSharp.Image.Identify(photo).Width);
        Assert.Empty((await InspectAsync(photo, "bill.jpg")).LocationPatches);
    }

    [Fact]
    public async Task TheHeadAndTailABrowserSendsAreEnoughToFindTheLocation()
    {
        var photo = SampleFiles.JpegWithLocation();
        var partial = new PartialReceiptBytes(photo.Length, photo[..Math.Min(photo.Length, ReceiptInspector.HeadSize)], photo[^Math.Min(photo.Length, ReceiptInspector.TailSize)..]);

        var fromBrowser = await ReceiptInspector.InspectAsync(partial, "bill.jpg", default);
        var fromFile = await InspectAsync(photo, "bill.jpg");

        Assert.Equal(fromFile.LocationPatches.Select(patch => patch.Offset), fromBrowser.LocationPatches.Select(patch => patch.Offset));
    }

    private static async Task<Inspection> InspectAsync(byte[] content, string name)
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, content);
            await using var file = File.OpenRead(path);
            return await ReceiptInspector.InspectAsync(new FileReceiptBytes(file), name, default);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
