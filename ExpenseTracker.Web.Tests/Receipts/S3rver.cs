using Amazon.S3;
using ExpenseTracker.Web.Receipts;
using ExpenseTracker.Web.Receipts.S3;
using ExpenseTracker.Web.Tests.Infrastructure;

namespace ExpenseTracker.Web.Tests.Receipts;

/// <summary>
/// The real S3-compatible server s3rver (from npm ci), started once for the DynamoDB Local collection (the AWS shape uses both) on a free
/// loopback port with a bucket of its own, its files in a temporary folder. Tests keep apart by user id, as with
/// DynamoDB Local.
/// </summary>
public sealed class S3rver : IAsyncLifetime
{
    private const string ScriptRelativePath = "ExpenseTracker.Web.Tests/Receipts/s3rver-host.js";

    private readonly string folder = Directory.CreateTempSubdirectory("s3rver-").FullName;
    private LocalService? server;

    public string BucketName => "expense-tracker-receipts";

    public string ServiceUrl { get; private set; } = "";

    public IAmazonS3 Client { get; private set; } = null!;

    public ReceiptOptions.S3Settings Settings => new() { BucketName = BucketName, ServiceUrl = ServiceUrl };

    public async Task InitializeAsync()
    {
        var script = LocalService.RequiredFile(ScriptRelativePath, "s3rver is missing");
        var port = LocalService.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        ServiceUrl = $"http://127.0.0.1:{port}";
        server = LocalService.Start("s3rver", "node", [script, folder, port, BucketName], "s3rver needs Node.js on the PATH; 'node' could not be started.");
        Client = S3Client.Create(Settings);
        await server.WaitUntilAnsweringAsync(
            () => Client.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = BucketName }),
            exception => exception is HttpRequestException or IOException or AmazonS3Exception or Amazon.Runtime.AmazonClientException,
            TimeSpan.FromSeconds(30),
            ServiceUrl);
    }

    public Task DisposeAsync()
    {
        Client?.Dispose();
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

    /// <summary>Lets pages of this origin (alone) upload and read with the browser's cross-origin checks, as the template's CORS rule does.</summary>
    public Task AllowOriginAsync(Uri site) =>
        Client.PutCORSConfigurationAsync(new Amazon.S3.Model.PutCORSConfigurationRequest
        {
            BucketName = BucketName,
            Configuration = new Amazon.S3.Model.CORSConfiguration
            {
                Rules =
                [
                    new Amazon.S3.Model.CORSRule
                    {
                        AllowedOrigins = [site.GetLeftPart(UriPartial.Authority)],
                        AllowedMethods = ["POST", "GET"],
                        AllowedHeaders = ["*"],
                        MaxAgeSeconds = 3600,
                    },
                ],
            },
        });
}
