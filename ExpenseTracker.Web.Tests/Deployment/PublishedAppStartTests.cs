using System.Net;
using ExpenseTracker.Web.Tests.Infrastructure;

namespace ExpenseTracker.Web.Tests.Deployment;

/// <summary>
/// The published folder started as a person starts it, <c>dotnet ExpenseTracker.Web.dll</c>, on SQLite: it carries
/// its own CSS and JavaScript and serves them, and where they are missing it still starts and says so in one line.
/// </summary>
[Collection(PublishedAppCollection.Name)]
public sealed class PublishedAppStartTests(PublishedApp app) : IDisposable
{
    private readonly string data = Directory.CreateTempSubdirectory("expense-tracker-published-").FullName;

    public void Dispose() => Directory.Delete(data, recursive: true);

    [Fact]
    public async Task ThePublishedAppStartsWithDotnetAndServesItsPagesWithTheCssAndJavaScriptTheyLinkTo()
    {
        Assert.True(File.Exists(Path.Combine(app.Folder, "wwwroot-static", "css", "site.css")), "The publish folder carries wwwroot-static.");
        var (process, client) = await StartAsync([]);
        await using var running = process;

        var page = await client.GetDocumentAsync("/account/login");
        string[] assets =
        [
            .. page.QuerySelectorAll("link[rel=stylesheet]").Select(link => link.GetAttribute("href")!),
            .. page.QuerySelectorAll("script[src^='/static/']").Select(script => script.GetAttribute("src")!),
        ];

        Assert.Contains("/static/css/site.css", assets);
        Assert.Contains("/static/js/app.js", assets);
        foreach (var asset in assets)
        {
            var response = await client.GetAsync(asset);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset} answered {(int)response.StatusCode}");
        }

        Assert.DoesNotContain("Exception", process.Output);
        Assert.DoesNotContain(process.Output.Split('\n'), IsStackFrame);
    }

    [Theory]
    [InlineData("true", 1)]
    [InlineData("false", 0)]
    public async Task AMissingAssetFolderIsOneLogLineNotACrashAndNothingWhenACdnServesTheAssets(string serve, int warnings)
    {
        var (process, client) = await StartAsync(new()
        {
            ["StaticAssets__Serve"] = serve,
            ["StaticAssets__Folder"] = Path.Combine(data, "no-such-folder"),
        });
        await using var running = process;

        var page = await client.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(process.HasExited);
        var lines = process.Output.Split('\n');
        Assert.Equal(warnings, lines.Count(line => line.Contains("No wwwroot-static folder at", StringComparison.Ordinal)));
        Assert.Equal(warnings, lines.Count(line => line.StartsWith("warn: ExpenseTracker.Web.StaticAssets.", StringComparison.Ordinal)));
        Assert.DoesNotContain("DirectoryNotFoundException", process.Output);
        Assert.DoesNotContain(lines, IsStackFrame);
    }

    private static bool IsStackFrame(string line) => line.TrimStart().StartsWith("at ", StringComparison.Ordinal);

    private async Task<(AppProcess Process, HttpClient Client)> StartAsync(Dictionary<string, string> settings)
    {
        var port = LocalService.FreePort();
        settings["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        settings["Storage__Sqlite__Path"] = Path.Combine(data, Guid.NewGuid().ToString("N") + ".db");
        var process = app.Start(settings, throughDotnet: true);
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, $"The app exited while starting:\n{process.Output}");
            try
            {
                if ((await client.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return (process, client);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        await process.DisposeAsync();
        throw new TimeoutException($"The published app did not become healthy within 60 s:\n{process.Output}");
    }
}
