using System.Net;
using System.Text;
using ExpenseTracker.Web.Tests.Infrastructure;

namespace ExpenseTracker.Web.Tests.ImportExport;

/// <summary>Files that cannot be imported get a sentence that says why, and change nothing.</summary>
public sealed class ImportFileTests : IDisposable
{
    private readonly SmallUploadFactory factory = new();

    public void Dispose() => factory.Dispose();

    public static TheoryData<string, byte[]> UnreadableFiles => new()
    {
        { "The file is empty.", [] },
        { "an Excel workbook (.xlsx)", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00] },
        { "a PDF", Encoding.ASCII.GetBytes("%PDF-1.7\n%âãÏÓ\n") },
        { "binary data", [0x41, 0x00, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4A, 0x4B] },
        { "a header but no rows", Encoding.UTF8.GetBytes("Date,Amount,Description\n") },
        { "a single column", Encoding.UTF8.GetBytes("just some text\nmore text\n") },
        { "longer than 64 KB", Encoding.UTF8.GetBytes("Date,Amount,Description\n2026-11-02,10,\"" + new string('x', 100_000) + "\"\n") },
        { "larger than 200 KB", Encoding.UTF8.GetBytes("Date,Amount,Description\n" + string.Concat(Enumerable.Repeat("2026-11-02,10,lunch\n", 12_000))) },
    };

    [Theory]
    [MemberData(nameof(UnreadableFiles))]
    public async Task AFileThatIsNotAStatementIsRefusedWithAClearMessageAndNothingIsWritten(string reason, byte[] file)
    {
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync(ImportSteps.PageUrl);

        var response = await client.PostImportFormAsync(page, "Import", file, htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = (await Html.ParseFragmentAsync(response)).QuerySelector("#import-problem")!.TextContent;
        Assert.StartsWith("Nothing was imported.", problem);
        Assert.Contains(reason, problem);
        Assert.Empty(await factory.AllExpensesAsync());
    }

    [Fact]
    public async Task RaggedRowsAndAmountsLikeNaNAreInvalidRowsWithTheirReasons()
    {
        var file = Encoding.UTF8.GetBytes("Date,Amount,Description\n2026-11-02,10,ok\n2026-11-02,NaN,not a number\n2026-11-03,20\n2026-11-04,Infinity,x\n");

        var page = await factory.CreatePlainClient().PreviewAsync(file);

        var reasons = page.QuerySelectorAll("#import-invalid li").Select(item => item.TextContent).ToList();
        Assert.Equal(3, reasons.Count);
        Assert.Contains("\"NaN\" is not an amount", reasons[0]);
        Assert.Contains("It has 2 cells where the header has 3.", reasons[1]);
        Assert.Contains("\"Infinity\" is not an amount", reasons[2]);
    }

    [Fact]
    public async Task Utf16AndWindows1252FilesAreReadAndThePreviewSaysHow()
    {
        const string Text = "Date,Amount,Description\n2026-11-02,10,Café crème\n";
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Text)).ToArray();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var windows1252 = Encoding.GetEncoding(1252).GetBytes(Text);
        var client = factory.CreatePlainClient();

        foreach (var (file, note) in new[] { (utf16, "UTF-16"), (windows1252, "Windows-1252") })
        {
            var page = await client.PreviewAsync(file);

            Assert.Contains(note, page.QuerySelector("#import-details .alert-info")!.TextContent);
            Assert.Equal("Café crème", page.QuerySelector("#preview-table tbody td:nth-child(4)")!.TextContent);
        }
    }

    /// <summary>The app with an upload limit of 200 KB, so that a file over it is small enough to build in a test.</summary>
    private sealed class SmallUploadFactory : ExpenseTrackerFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("ImportExport:MaxUploadBytes", "204800")];
    }
}
