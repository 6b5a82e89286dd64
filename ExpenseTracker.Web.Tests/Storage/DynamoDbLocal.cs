using Amazon.DynamoDBv2;
using ExpenseTracker.Web.Storage.DynamoDb;
using ExpenseTracker.Web.Tests.Infrastructure;

namespace ExpenseTracker.Web.Tests.Storage;

/// <summary>
/// The real DynamoDB Local engine (the jar that npm ci installs), started once for every test in the
/// <see cref="DynamoDbLocalCollection"/> on a free loopback port, in memory, with the table created by the
/// app's own <see cref="DynamoDbTable"/> definition. Tests share it and keep apart by using a fresh user id each.
/// </summary>
public sealed class DynamoDbLocal : IAsyncLifetime
{
    private const string JarRelativePath = "node_modules/amplify-dynamodb-simulator/emulator/DynamoDBLocal.jar";

    private LocalService? engine;

    public string TableName => "ExpenseTracker";

    public string ServiceUrl { get; private set; } = "";

    public IAmazonDynamoDB Client { get; private set; } = null!;

    public DynamoDbStorageOptions Options => new() { TableName = TableName, ServiceUrl = ServiceUrl };

    public async Task InitializeAsync()
    {
        var jar = LocalService.RequiredFile(JarRelativePath, "DynamoDB Local is missing");
        var port = LocalService.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        ServiceUrl = $"http://127.0.0.1:{port}";
        var emulator = Path.GetDirectoryName(jar)!;
        engine = LocalService.Start(
            "DynamoDB Local",
            "java",
            // -sharedDb: one database whatever credentials and region a client signs with.
            [$"-Djava.library.path={Path.Combine(emulator, "DynamoDBLocal_lib")}", "-jar", jar, "-inMemory", "-sharedDb", "-port", port, "-disableTelemetry"],
            "DynamoDB Local needs Java 17 on the PATH (apt-get install openjdk-17-jre-headless); 'java' could not be started.",
            emulator);
        Client = DynamoDbClient.Create(Options);
        await engine.WaitUntilAnsweringAsync(
            () => Client.ListTablesAsync(new Amazon.DynamoDBv2.Model.ListTablesRequest()),
            exception => exception is HttpRequestException or IOException or Amazon.Runtime.AmazonClientException,
            TimeSpan.FromSeconds(60),
            ServiceUrl);
        await DynamoDbTable.CreateIfMissingAsync(Client, TableName);
    }

    /// <summary>A client of its own (for counting its requests, say), to the same engine.</summary>
    public IAmazonDynamoDB CreateClient(Action<AmazonDynamoDBConfig> customize) => DynamoDbClient.Create(Options, customize);

    public Task DisposeAsync()
    {
        Client?.Dispose();
        engine?.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class DynamoDbLocalCollection : ICollectionFixture<DynamoDbLocal>, ICollectionFixture<Receipts.S3rver>
{
    // The S3 server too: the AWS shape of the app uses both, and tests of it belong to this one collection.
    public const string Name = "DynamoDbLocal";
}
