using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Amazon.S3;
using ExpenseTracker.Web.Receipts;
using ExpenseTracker.Web.Receipts.S3;

namespace ExpenseTracker.Web.Tests.Receipts;

/// <summary>
/// The real S3-compatible server s3rver (from npm ci), started once for the DynamoDB Local collection (the AWS shape uses both) on a free
/// loopback port with a bucket of its own, its files in a temporary folder. Tests keep apart by user id, as with
/// DynamoDB Local.
/// </summary>
public sealed class S3rver : IAsyncLifetime
{
    private const string ScriptRelativePath = "ExpenseTracker.Web.Tests/Receipts/s3rver-host.js";

    private readonly StringBuilder output = new();
    private readonly string folder = Directory.CreateTempSubdirectory("s3rver-").FullName;
    private Process? server;

    public string BucketName => "expense-tracker-receipts";

    public string ServiceUrl { get; private set; } = "";

    public IAmazonS3 Client { get; private set; } = null!;

    public ReceiptOptions.S3Settings Settings => new() { BucketName = BucketName, ServiceUrl = ServiceUrl };

    public async Task InitializeAsync()
    {
        var port = FreePort();
        ServiceUrl = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            FindScript(), folder, port.ToString(System.Globalization.CultureInfo.InvariantCulture), BucketName,
        })
        {
            start.ArgumentList.Add(argument);
        }

        server = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        server.OutputDataReceived += (_, line) => Remember(line.Data);
        server.ErrorDataReceived += (_, line) => Remember(line.Data);
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        Client = S3Client.Create(Settings);
        await WaitUntilAnsweringAsync();
    }

    public Task DisposeAsync()
    {
        Client?.Dispose();
        if (server is { HasExited: false })
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit(10_000);
        }

        server?.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file the server was still writing; the OS temp cleaner takes it later.
        }

        return Task.CompletedTask;
    }

    /// <summary>Whether an object exists at this key.</summary>
    public async Task<bool> HasAsync(string key)
    {
        var listed = await Client.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = BucketName, Prefix = key });
        return listed.S3Objects?.Any(entry => entry.Key == key) == true;
    }

    private static string FindScript()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, ScriptRelativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"s3rver is missing: no {ScriptRelativePath} above {AppContext.BaseDirectory}. Run 'npm ci' in the repository root.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilAnsweringAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (server!.HasExited)
            {
                throw new InvalidOperationException($"s3rver exited with code {server.ExitCode} before answering:\n{Output()}");
            }

            try
            {
                await Client.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = BucketName });
                return;
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException or AmazonS3Exception or Amazon.Runtime.AmazonClientException)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException($"s3rver did not answer on {ServiceUrl} within 30 s:\n{Output()}", exception);
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
