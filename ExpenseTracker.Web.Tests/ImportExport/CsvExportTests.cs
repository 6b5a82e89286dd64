using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using CsvHelper;
using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.Tests.Infrastructure;
using static ExpenseTracker.Web.Tests.Infrastructure.StoredExpenses;

namespace ExpenseTracker.Web.Tests.ImportExport;

public sealed class CsvExportTests : IDisposable
{
    private readonly ExpenseTrackerFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task TheExportHasEveryExpenseTheFiltersMatchNotOnePage()
    {
        var drafts = Enumerable.Range(0, 1_100).Select(i => Draft($"2026-10-{1 + (i % 28):00}", $"{10 + i}", i % 2 == 0 ? "food" : "travel", description: $"row {i}")).ToList();
        await factory.AddExpensesAsync(drafts);

        var rows = await ExportAsync("/api/expenses.csv?category=food&from=2026-10-02");

        var expected = drafts.Where(draft => draft.CategoryId == "food" && draft.Date >= new DateOnly(2026, 10, 2)).ToList();
        Assert.Equal(["Date", "Amount", "Category", "Description", "Tags"], rows[0]);
        Assert.Equal(expected.Count, rows.Count - 1);
        Assert.Equal(expected.Select(draft => draft.Description).Order(StringComparer.Ordinal), rows.Skip(1).Select(row => row[3]).Order(StringComparer.Ordinal));
        Assert.All(rows.Skip(1), row => Assert.Equal("Food & Dining", row[2]));
    }

    [Fact]
    public async Task TheFileIsUtf8WithAByteOrderMarkSoSpreadsheetsReadRupeesAndIndianScripts()
    {
        await factory.AddExpenseAsync("2026-11-02", "1499.50", "food", "work, trip", "₹ थाली at ಮೈಸೂರು café");

        var response = await factory.CreatePlainClient().GetAsync("/api/expenses.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.StartsWith("attachment; filename=\"expenses-2026-11-15.csv\"", response.Content.Headers.ContentDisposition!.ToString());
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("Date,Amount,Category,Description,Tags\r\n2026-11-02,1499.50,Food & Dining,₹ थाली at ಮೈಸೂರು café,\"trip, work\"\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"click\")")]
    [InlineData("+91 98765 43210")]
    [InlineData("-2+3+cmd|' /C calc'!A0")]
    [InlineData("@SUM(1+1)")]
    [InlineData("\tindented")]
    public async Task ACellASpreadsheetWouldRunAsAFormulaIsWrittenAsText(string description)
    {
        await factory.AddExpenseAsync("2026-11-02", "10", description: description);

        var rows = await ExportAsync("/api/expenses.csv");

        Assert.Equal("'" + description, rows[1][3]);
    }

    [Fact]
    public async Task AFilterThatCannotBeUsedIsA400AndNoFile()
    {
        var response = await factory.CreatePlainClient().GetAsync("/api/expenses.csv?from=2026-13-01&category=nope");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal(["category", "from"], errors.EnumerateObject().Select(error => error.Name).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// In AWS a Lambda response is at most 6 MB, base64-encoded when binary: about 4.4 MB of file. This proves that the
    /// export of 100,000 expenses, with descriptions as varied as a bank's, fits compressed; not that any history does.
    /// </summary>
    [Fact]
    public async Task AHundredThousandExpensesExportCompressedWithinWhatALambdaResponseCarries()
    {
        var random = new Random(17);
        string[] merchants = ["SWIGGY", "ZOMATO", "UBER INDIA", "BIGBASKET", "AMAZON PAY", "IRCTC", "BESCOM", "APOLLO PHARMACY"];
        var drafts = Enumerable.Range(0, 100_000).Select(i => new ExpenseDraft(
            new DateOnly(2024, 1, 1).AddDays(random.Next(1_000)), new Money(random.Next(100, 50_000_00)), i % 2 == 0 ? "food" : "travel",
            $"UPI-{merchants[random.Next(merchants.Length)]}-{random.Next(100_000_000, 999_999_999)}@ybl", i % 4 == 0 ? ["work"] : [])).ToList();
        foreach (var chunk in drafts.Chunk(10_000))
        {
            await factory.Expenses().AddManyAsync(factory.DefaultUserId, chunk);
        }

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/expenses.csv");
        request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");
        var response = await factory.CreatePlainClient().SendAsync(request);

        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        var compressed = await response.Content.ReadAsByteArrayAsync();
        Assert.InRange(compressed.Length, 1, 6 * 1024 * 1024 * 3 / 4 - 64 * 1024);
        using var csv = new StreamReader(new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress));
        var lines = 0;
        while (await csv.ReadLineAsync() is not null)
        {
            lines++;
        }

        Assert.Equal(100_001, lines);
    }

    [Fact]
    public async Task TheExpensePageLinksToTheExportOfWhatItShows()
    {
        var page = await factory.CreatePlainClient().GetDocumentAsync("/?category=food&q=dinner");

        Assert.Equal("/api/expenses.csv?category=food&q=dinner", page.QuerySelector("#export-csv")!.GetAttribute("href"));
    }

    private async Task<List<string[]>> ExportAsync(string url)
    {
        var response = await factory.CreatePlainClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = CsvReader.Create(await response.Content.ReadAsStreamAsync(), CsvReaderOptions.Default with { HasHeader = false });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(reader.Current.ToArray());
        }

        return rows;
    }
}
