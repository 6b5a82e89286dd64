using System.Diagnostics;
using System.Text.Json;
using ExpenseTracker.Web.Expenses;

namespace ExpenseTracker.Web.Tests.Charts;

/// <summary>The charts' amount formatter (wwwroot-static/js/charts.js, run in Node) writes amounts exactly as Money does.</summary>
public class ChartScriptTests
{
    [Fact]
    public async Task TheChartsFormatAmountsLikeMoneyWithIndianGrouping()
    {
        long[] amounts = [0, 5, 99, 100, 12345, 99999, 100000, 123456, 1234567, 12345678, 123456789, 1000000000, 1234567890, 98765432101];

        var formatted = await FormatInNodeAsync(amounts);

        Assert.Equal(amounts.Select(paise => new Money(paise).ToString()), formatted);
        Assert.Equal("₹1,23,456.78", formatted[Array.IndexOf(amounts, 12345678L)]);
    }

    private static async Task<string[]> FormatInNodeAsync(long[] amounts)
    {
        var script = Path.Combine(RepositoryRoot(), "wwwroot-static", "js", "charts.js");
        // The file expects a browser; these stand-ins are all it touches when it loads.
        var program = $$"""
            globalThis.window = {};
            globalThis.document = { readyState: "complete", addEventListener() {}, querySelectorAll() { return []; } };
            require({{JsonSerializer.Serialize(script)}});
            console.log(JSON.stringify({{JsonSerializer.Serialize(amounts)}}.map(paise => window.ExpenseCharts.formatInr(paise))));
            """;
        var start = new ProcessStartInfo("node") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var node = Process.Start(start)!;
        await node.StandardInput.WriteAsync(program);
        node.StandardInput.Close();
        var output = await node.StandardOutput.ReadToEndAsync();
        var errors = await node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        Assert.True(node.ExitCode == 0, errors);
        return JsonSerializer.Deserialize<string[]>(output)!;
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ExpenseTracker.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new DirectoryNotFoundException("No ExpenseTracker.sln above the test folder.");
    }
}
