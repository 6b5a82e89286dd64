using System.Net;
using ExpenseTracker.Web.Tests.Budgets;
using ExpenseTracker.Web.Tests.DataProtection;
using ExpenseTracker.Web.Tests.Infrastructure;
using ExpenseTracker.Web.Tests.Storage;
using Microsoft.Extensions.Logging;

namespace ExpenseTracker.Web.Tests.Hosting;

/// <summary>
/// A first start on an empty store, as a new user or a new deployment has it: the schema or table is made before
/// anything reads it, so the log holds no failure, no stack trace, and no warning the README does not explain.
/// </summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class FreshStartTests(DynamoDbLocal engine)
{
    /// <summary>
    /// The one warning a laptop start writes, on purpose, and which the README explains: without KMS the key ring is
    /// kept as Data Protection writes it, in the same database file as the data it protects.
    /// </summary>
    public const string UnencryptedKeyRingWarning = "No XML encryptor configured";

    [Fact]
    public async Task AFirstStartOnAnEmptySqliteFileLogsOnlyTheDocumentedWarning()
    {
        using var app = new LoggingFactory();
        Assert.False(File.Exists(app.DatabasePath));

        await UseAsANewPersonWouldAsync(app);

        var notices = Notices(app.Logs);
        var warning = Assert.Single(notices);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.StartsWith(UnencryptedKeyRingWarning, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFirstStartOnAMissingDynamoDbTableWithTheKeyRingInKmsLogsNoWarningAtAll()
    {
        var tableName = "FreshStart-" + Guid.NewGuid().ToString("N");
        try
        {
            using var app = new KmsAppFactory(engine.ServiceUrl, tableName, new KmsOnTheWire(), createTable: true);

            await UseAsANewPersonWouldAsync(app);

            Assert.Empty(Notices(app.Logs));
        }
        finally
        {
            await engine.Client.DeleteTableAsync(tableName);
        }
    }

    [Fact]
    public void TheReadmeExplainsTheWarningALaptopStartWrites()
    {
        var readme = File.ReadAllText(Deployment.Repository.PathOf("README.md"));

        Assert.Contains(UnencryptedKeyRingWarning, readme, StringComparison.Ordinal);
    }

    /// <summary>Signs up through the form, adds an expense, opens the list and the charts' numbers.</summary>
    private static async Task UseAsANewPersonWouldAsync(ExpenseTrackerFactory app)
    {
        var client = app.CreatePlainClient();
        var added = await client.PostAsync("/api/expenses", JsonContent("""{ "amount": 250, "date": "2026-11-15", "categoryId": "food" }"""));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/summaries/by-category")).StatusCode);
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private static List<(string Category, LogLevel Level, string Message)> Notices(LogCapture logs) =>
        logs.Entries.Where(entry => entry.Level >= LogLevel.Warning).ToList();
}
