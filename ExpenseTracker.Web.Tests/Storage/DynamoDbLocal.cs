using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Amazon.DynamoDBv2;
using ExpenseTracker.Web.Storage.DynamoDb;

namespace ExpenseTracker.Web.Tests.Storage;

/// <summary>
/// The real DynamoDB Local engine (the jar that npm ci installs), started once for every test in the
/// <see cref="DynamoDbLocalCollection"/> on a free loopback port, in memory, with the table created by the
/// app's own <see cref="DynamoDbTable"/> definition. Tests share it and keep apart by using a fresh user id each.
/// </summary>
public sealed class DynamoDbLocal : IAsyncLifetime
{
    private const string JarRelativePath = "node_modules/amplify-dynamodb-simulator/emulator/DynamoDBLocal.jar";

    private readonly StringBuilder output = new();
    private Process? engine;

    public string TableName => "ExpenseTracker";

    public string ServiceUrl { get; private set; } = "";

    public IAmazonDynamoDB Client { get; private set; } = null!;

    public DynamoDbStorageOptions Options => new() { TableName = TableName, ServiceUrl = ServiceUrl };

    public async Task InitializeAsync()
    {
        var jar = FindJar();
        var port = FreePort();
        ServiceUrl = $"http://127.0.0.1:{port}";
        var emulator = Path.GetDirectoryName(jar)!;
        var start = new ProcessStartInfo("java")
        {
            WorkingDirectory = emulator,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            $"-Djava.library.path={Path.Combine(emulator, "DynamoDBLocal_lib")}", "-jar", jar,
            // -sharedDb: one database whatever credentials and region a client signs with.
            "-inMemory", "-sharedDb", "-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-disableTelemetry",
        })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            engine = Process.Start(start) ?? throw new InvalidOperationException("java did not start.");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(
                "DynamoDB Local needs Java 17 on the PATH (apt-get install openjdk-17-jre-headless); 'java' could not be started.", exception);
        }

        engine.OutputDataReceived += (_, line) => Remember(line.Data);
        engine.ErrorDataReceived += (_, line) => Remember(line.Data);
        engine.BeginOutputReadLine();
        engine.BeginErrorReadLine();

        Client = DynamoDbClient.Create(Options);
        await WaitUntilAnsweringAsync();
        await DynamoDbTable.CreateIfMissingAsync(Client, TableName);
    }

    /// <summary>A client of its own (for counting its requests, say), to the same engine.</summary>
    public IAmazonDynamoDB CreateClient(Action<AmazonDynamoDBConfig> customize) => DynamoDbClient.Create(Options, customize);

    public Task DisposeAsync()
    {
        Client?.Dispose();
        if (engine is { HasExited: false })
        {
            engine.Kill(entireProcessTree: true);
            engine.WaitForExit(10_000);
        }

        engine?.Dispose();
        return Task.CompletedTask;
    }

    private static string FindJar()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, JarRelativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"DynamoDB Local is missing: no {JarRelativePath} above {AppContext.BaseDirectory}. Run 'npm ci' in the repository root (scripts/test.sh does).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilAnsweringAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (engine!.HasExited)
            {
                throw new InvalidOperationException($"DynamoDB Local exited with code {engine.ExitCode} before answering:\n{Output()}");
            }

            try
            {
                await Client.ListTablesAsync(new Amazon.DynamoDBv2.Model.ListTablesRequest());
                return;
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException or Amazon.Runtime.AmazonClientException)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException($"DynamoDB Local did not answer on {ServiceUrl} within 60 s:\n{Output()}", exception);
                }

                await Task.Delay(200);
            }
        }
    }

    private void Remember(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private string Output()
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DynamoDbLocalCollection : ICollectionFixture<DynamoDbLocal>, ICollectionFixture<Receipts.S3rver>
{
    // The S3 server too: the AWS shape of the app uses both, and tests of it belong to this one collection.
    public const string Name = "DynamoDbLocal";
}
