using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace ExpenseTracker.Benchmark;

/// <summary>
/// A DynamoDB Local engine of its own (the jar that npm ci installs), in memory on a free loopback port, stopped after
/// the run. The app creates its table at start-up (Storage:DynamoDb:CreateTableIfMissing), as on a laptop.
/// </summary>
public sealed class DynamoDbLocalBenchmarkStore : IBenchmarkStore
{
    public const string Key = "dynamodb";

    private const string TableName = "ExpenseTracker";

    private const string EmulatorFolder = "node_modules/amplify-dynamodb-simulator/emulator";

    private readonly Process engine;
    private readonly OutputTail output = new();
    private readonly string serviceUrl;

    private DynamoDbLocalBenchmarkStore(Process engine, string serviceUrl)
    {
        this.engine = engine;
        this.serviceUrl = serviceUrl;
        output.Follow(engine);
    }

    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Storage:Provider"] = "DynamoDb",
        ["Storage:DynamoDb:ServiceUrl"] = serviceUrl,
        ["Storage:DynamoDb:TableName"] = TableName,
        ["Storage:DynamoDb:CreateTableIfMissing"] = "true",
    };

    /// <summary>The engine keeps the table in its own memory; there is no file to measure.</summary>
    public long? SizeInBytes() => null;

    /// <summary>The Java engine's CPU time: tells the emulator's share of a request's latency from the app's.</summary>
    public TimeSpan? EngineCpuTime() => ProcessCpu.Of(engine.Id);

    public IReadOnlyList<Scenario> EngineScenarios(string userId) =>
        [new EngineGetItemScenario(serviceUrl, TableName, userId), new EngineMonthsQueryScenario(serviceUrl, TableName, userId)];

    public static async Task<DynamoDbLocalBenchmarkStore> StartAsync(CancellationToken cancellationToken)
    {
        var emulator = Path.Combine(RepositoryRoot.Path, EmulatorFolder);
        var jar = Path.Combine(emulator, "DynamoDBLocal.jar");
        if (!File.Exists(jar))
        {
            throw new InvalidOperationException($"DynamoDB Local is missing at {jar}; run 'npm ci' in the repository first.");
        }

        var port = FreePort.Next();
        var start = new ProcessStartInfo("java") { WorkingDirectory = emulator, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            $"-Djava.library.path={Path.Combine(emulator, "DynamoDBLocal_lib")}", "-jar", jar,
            "-inMemory", "-sharedDb", "-port", port.ToString(CultureInfo.InvariantCulture), "-disableTelemetry",
        })
        {
            start.ArgumentList.Add(argument);
        }

        Process engine;
        try
        {
            engine = Process.Start(start) ?? throw new InvalidOperationException("java did not start.");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException("DynamoDB Local needs Java 17 on the PATH; 'java' could not be started.", exception);
        }

        var store = new DynamoDbLocalBenchmarkStore(engine, $"http://127.0.0.1:{port}");
        try
        {
            await store.WaitUntilAnsweringAsync(cancellationToken);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!engine.HasExited)
        {
            engine.Kill(entireProcessTree: true);
        }

        await engine.WaitForExitAsync();
        engine.Dispose();
    }

    /// <summary>Any HTTP answer (an unsigned request gets a 400) means the engine takes requests.</summary>
    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (engine.HasExited)
            {
                throw new InvalidOperationException($"DynamoDB Local stopped at start-up:\n{output}");
            }

            try
            {
                using var response = await client.GetAsync(serviceUrl, cancellationToken);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200, cancellationToken);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // That attempt timed out; the engine may still be starting.
            }
        }

        throw new TimeoutException($"DynamoDB Local did not answer within 60 s:\n{output}");
    }
}
