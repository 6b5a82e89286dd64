using System.Diagnostics;
using System.Net;
using Dapper;
using ExpenseTracker.Web.Accounts.Sqlite;
using ExpenseTracker.Web.Storage.Sqlite;
using ExpenseTracker.Web.Tests.Infrastructure;
using static ExpenseTracker.Web.Tests.Infrastructure.ExpenseBuilder;

namespace ExpenseTracker.Web.Tests.Storage;

public sealed class SqliteFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("expense-tracker-sqlite-").FullName;

    private string DatabasePath => Path.Combine(folder, "nested", "expenses.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task TheDatabaseIsARealFileInWalModeWithTheLatestSchema()
    {
        var database = new SqliteDatabase(DatabasePath);

        await SqliteSchema.MigrateAsync(database);
        await SqliteSchema.MigrateAsync(database);

        Assert.True(File.Exists(DatabasePath));
        await using var connection = await database.OpenAsync();
        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode;"));
        Assert.Equal(SqliteSchema.LatestVersion, await connection.ExecuteScalarAsync<int>("PRAGMA user_version;"));
    }

    [Fact]
    public async Task EveryConnectionHasForeignKeysAndNormalSynchronousWhetherNewOrReusedFromThePool()
    {
        var database = new SqliteDatabase(DatabasePath);
        await SqliteSchema.MigrateAsync(database);

        for (var open = 0; open < 3; open++)
        {
            if (open == 2)
            {
                // New native connections after the pool let go of the old ones.
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            }

            await using var connection = await database.OpenAsync();
            Assert.Equal(1, await connection.ExecuteScalarAsync<int>("PRAGMA foreign_keys;"));
            // 1 is NORMAL (the default is FULL, 2).
            Assert.Equal(1, await connection.ExecuteScalarAsync<int>("PRAGMA synchronous;"));
            Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode;"));
        }
    }

    [Fact]
    public async Task ExpensesSurviveARestartOfTheApp()
    {
        using (var first = new FactoryOnFile(DatabasePath))
        {
            await first.AddAsync(Expense.Costing(42).Described("Kept"));
        }

        using var second = new FactoryOnFile(DatabasePath);
        var page = await second.CreatePlainClient().GetDocumentAsync("/");

        Assert.Equal("Kept", page.QuerySelector("#expense-rows td.description")!.TextContent);
        Assert.Equal("₹42.00", page.QuerySelector("[data-total]")!.TextContent);
    }

    [Fact]
    public async Task AnAcknowledgedAddSurvivesKillingTheAppProcess()
    {
        var port = LocalService.FreePort();
        using var app = StartApp(port);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        };
        await WaitUntilAnsweringAsync(client, app);
        // The first account registers (the default mode) and is signed in.
        Assert.Equal(HttpStatusCode.Redirect, (await client.RegisterAsync("crash-test@example.com", ExpenseTrackerFactory.Password)).StatusCode);
        var page = await client.GetDocumentAsync("/");

        var response = await client.SubmitAsync(page.Form("#add-form"), new Dictionary<string, string>
        {
            ["Input.Amount"] = "777",
            ["Input.Description"] = "Before the crash",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        app.Kill(entireProcessTree: true);
        await app.WaitForExitAsync();

        var database = new SqliteDatabase(DatabasePath);
        var userId = (await new SqliteAccountStore(database).FindByNormalizedEmailAsync("CRASH-TEST@EXAMPLE.COM"))!.Id;
        var store = TestStores.Expenses(database, TimeProvider.System);
        var stored = Assert.Single((await store.ListAsync(userId, Web.Expenses.ExpenseFilter.None, null, 10)).Items);
        Assert.Equal(("Before the crash", 77_700L), (stored.Description, stored.Amount.Paise));
        Assert.Equal(new Web.Expenses.ExpenseTotals(1, new Web.Expenses.Money(77_700)), await store.GetTotalsAsync(userId, Web.Expenses.ExpenseFilter.None));
    }

    private Process StartApp(int port)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ExpenseTracker.Web.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Storage__Sqlite__Path"] = DatabasePath;
        start.Environment["StaticAssets__Serve"] = "false";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilAnsweringAsync(HttpClient client, Process app)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(app.HasExited, "The app process exited during start-up.");
            try
            {
                if ((await client.GetAsync("/account/login")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        Assert.Fail("The app did not answer within 60 seconds.");
    }

    /// <summary>The test app on a database file the test chooses, so two app lifetimes can share it.</summary>
    private sealed class FactoryOnFile(string path) : ExpenseTrackerFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Storage:Sqlite:Path", path)];
    }
}
