using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace ExpenseTracker.Benchmark;

/// <summary>
/// Import and export at the sizes the import issue names: a 50,000-row bank statement (about 5 MB) uploaded and stored
/// through the import page on each store, and the CSV export of 100,000 expenses on SQLite, each against the published
/// app in a process of its own (so each peak memory figure is that step's), timed from the client.
/// </summary>
public static partial class ImportExportBenchmark
{
    public const string Usage = """
        Usage: ExpenseTracker.Benchmark import-export --app <published app> [--stores sqlite,dynamodb] [--rows 50000] [--export 100000] [--doc docs/benchmarks.md]
        """;

    public static async Task<int> MainAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        if (!values.TryGetValue("app", out var app))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var stores = values.GetValueOrDefault("stores", SqliteBenchmarkStore.Key).Split(',');
        var rows = int.Parse(values.GetValueOrDefault("rows", "50000"), CultureInfo.InvariantCulture);
        var exportSize = int.Parse(values.GetValueOrDefault("export", "100000"), CultureInfo.InvariantCulture);
        var lines = new List<string>();
        var statement = Path.Combine(Directory.CreateTempSubdirectory("expense-tracker-import-").FullName, "statement.csv");
        var bytes = WriteStatement(statement, rows);
        Console.WriteLine($"Statement: {rows:N0} rows, {bytes / 1024.0 / 1024.0:F1} MB");
        foreach (var store in stores)
        {
            lines.Add(await ImportAsync(app, store, statement, rows, bytes, cancellationToken));
            Console.WriteLine(lines[^1]);
            if (store == SqliteBenchmarkStore.Key && exportSize > 0)
            {
                lines.Add(await ExportAsync(app, store, exportSize, cancellationToken));
                Console.WriteLine(lines[^1]);
            }
        }

        if (values.TryGetValue("doc", out var doc))
        {
            var section = $"""
                {ResultsReport.StartMarker("import-export")}
                ### Import and export

                `bash scripts/benchmark.sh import-export{(values.ContainsKey("stores") ? " --stores " + values["stores"] : "")}` on {MachineInfo.Describe()}, {DateTimeOffset.UtcNow:yyyy-MM-dd}.
                Time from the client (upload to stored, or first byte to last); peak memory is the app process's VmHWM, each step in a fresh process.

                | Step | Store | Time | App peak memory |
                |---|---|---|---|
                {string.Join("\n", lines)}
                {ResultsReport.EndMarker("import-export")}

                """;
            ResultsReport.WriteInto(doc, "import-export", section);
        }

        return 0;
    }

    private static async Task<string> ImportAsync(string appPath, string storeName, string statement, int rows, long bytes, CancellationToken cancellationToken)
    {
        await using var store = await BenchmarkStores.CreateFreshAsync(storeName, cancellationToken);
        var user = new AccountLoadUser();
        var settings = Settings(store, user);
        await Seeder.SeedAsync(settings, user, 0, cancellationToken);
        await using var app = await AppProcess.StartAsync(appPath, settings, cancellationToken);
        using var client = await SignedInClientAsync(app, user, cancellationToken);

        var preview = await PostAsync(client, "Preview", statement, cancellationToken);
        var previewTime = preview.Elapsed;
        var previewed = ToImport().Match(preview.Body);
        var import = await PostAsync(client, "Import", statement, cancellationToken);
        var page = await client.GetStringAsync("/import", cancellationToken);
        var imported = Imported().Match(page);
        if (import.Status != HttpStatusCode.Redirect || !imported.Success || !previewed.Success)
        {
            throw new InvalidOperationException($"The import answered {(int)import.Status}; the page says: {(imported.Success ? imported.Value : "no import")}.");
        }

        return $"| {rows:N0}-row bank CSV ({bytes / 1024.0 / 1024.0:F1} MB): preview, then import ({imported.Groups["count"].Value} stored) | {BenchmarkStores.TitleOf(storeName)} "
            + $"| preview {previewTime.TotalSeconds:F1} s, import {import.Elapsed.TotalSeconds:F1} s | {app.PeakWorkingSet() / 1024.0 / 1024.0:F0} MB |";
    }

    private static async Task<string> ExportAsync(string appPath, string storeName, int size, CancellationToken cancellationToken)
    {
        await using var store = await BenchmarkStores.CreateFreshAsync(storeName, cancellationToken);
        var user = new AccountLoadUser();
        var settings = Settings(store, user);
        await Seeder.SeedAsync(settings, user, size, cancellationToken);
        await using var app = await AppProcess.StartAsync(appPath, settings, cancellationToken);
        using var client = await SignedInClientAsync(app, user, cancellationToken);
        var results = new List<string>();
        foreach (var gzip in new[] { false, true })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/expenses.csv");
            if (gzip)
            {
                request.Headers.AcceptEncoding.ParseAdd("gzip");
            }

            var clock = Stopwatch.StartNew();
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            var length = 0L;
            await using (var body = await response.Content.ReadAsStreamAsync(cancellationToken))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    length += read;
                }
            }

            results.Add($"{(gzip ? "gzip" : "plain")} {clock.Elapsed.TotalSeconds:F1} s, {length / 1024.0 / 1024.0:F1} MB");
        }

        return $"| CSV export of {size:N0} expenses | {BenchmarkStores.TitleOf(storeName)} | {string.Join("; ", results)} | {app.PeakWorkingSet() / 1024.0 / 1024.0:F0} MB |";
    }

    private static Dictionary<string, string> Settings(IBenchmarkStore store, ILoadUser user) =>
        new(store.Settings.Concat(user.AppSettings)) { ["ImportExport:MaxUploadBytes"] = (64 * 1024 * 1024).ToString(CultureInfo.InvariantCulture) };

    private static async Task<HttpClient> SignedInClientAsync(AppProcess app, ILoadUser user, CancellationToken cancellationToken)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = app.Address,
            Timeout = TimeSpan.FromMinutes(30),
        };
        await user.AuthenticateAsync(client, cancellationToken);
        return client;
    }

    /// <summary>Posts the import form as a browser without JavaScript does: the file and the page's token, every setting guessed.</summary>
    private static async Task<(HttpStatusCode Status, TimeSpan Elapsed, string Body)> PostAsync(
        HttpClient client, string handler, string statement, CancellationToken cancellationToken)
    {
        var page = await client.GetStringAsync("/import", cancellationToken);
        var token = Token().Match(page).Groups["token"].Value;
        await using var file = File.OpenRead(statement);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StreamContent(file) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "ImportFile", "statement.csv" },
        };
        var clock = Stopwatch.StartNew();
        using var response = await client.PostAsync($"/import?handler={handler}", content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return (response.StatusCode, clock.Elapsed, body);
    }

    /// <summary>A bank's statement: Indian dates, narrations as UPI writes them, withdrawals and deposits with grouping, a balance.</summary>
    private static long WriteStatement(string path, int rows)
    {
        var random = new Random(50);
        string[] payees = ["SWIGGY BANGALORE", "ZOMATO LTD", "UBER INDIA SYSTEMS", "BIGBASKET INNOVATIVE", "AMAZON PAY INDIA", "IRCTC WEB", "BESCOM BILL", "APOLLO PHARMACY"];
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            writer.Write("Date,Narration,Chq./Ref.No.,Value Dt,Withdrawal Amt.,Deposit Amt.,Closing Balance\n");
            for (var i = 0; i < rows; i++)
            {
                var date = today.AddDays(-random.Next(1, 730)).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
                var reference = random.NextInt64(100_000_000_000, 999_999_999_999);
                var amount = (random.Next(100, 5_000_00) / 100m).ToString("#,##0.00", CultureInfo.GetCultureInfo("en-IN"));
                var deposit = i % 20 == 0;
                writer.Write($"{date},UPI/P2M/{reference}/{payees[random.Next(payees.Length)]}/YBL/Payment from Phone,{reference % 10_000_000:D7},{date},"
                    + $"{(deposit ? "" : $"\"{amount}\"")},{(deposit ? $"\"{amount}\"" : "")},\"{random.Next(10_000, 9_99_999):N2}\"\n");
            }
        }

        return new FileInfo(path).Length;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("Imported (?<count>[\\d,]+) expense")]
    private static partial Regex Imported();

    [GeneratedRegex("(?<count>[\\d,]+) to import")]
    private static partial Regex ToImport();
}
