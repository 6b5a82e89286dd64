using System.Net;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using ExpenseTracker.Web.Storage.DynamoDb;
using ExpenseTracker.Web.Tests.DataProtection;
using ExpenseTracker.Web.Tests.Infrastructure;
using ExpenseTracker.Web.Tests.Receipts;
using ExpenseTracker.Web.Tests.Storage;

namespace ExpenseTracker.Web.Tests.Deployment;

[CollectionDefinition(Name)]
public sealed class PublishedAppCollection : ICollectionFixture<PublishedApp>, ICollectionFixture<DynamoDbLocal>, ICollectionFixture<S3rver>
{
    public const string Name = "Published app";
}

/// <summary>
/// The published app started the way Lambda starts it: the executable named by the template's Handler, in its
/// folder, with the template's environment and Lambda's own variables. This test plays the Web Adapter: it waits on
/// AWS_LWA_READINESS_CHECK_PATH at AWS_LWA_PORT, then sends requests there as API Gateway would (X-Forwarded-*).
/// The store is the template's, DynamoDB, on DynamoDB Local (an engine of this collection's own, so the slow publish
/// runs beside the other DynamoDB tests), each test in tables of its own created from the code's table definition;
/// the receipt bucket is an s3rver's, also the collection's own.
/// Each table starts empty, so a test registers the first account through the real form (the template's default mode
/// lets exactly that one register) and then acts as it.
/// </summary>
[Collection(PublishedAppCollection.Name)]
public sealed class LambdaShapeTests(PublishedApp app, DynamoDbLocal engine, S3rver s3) : IAsyncLifetime
{
    private const string AssetVersion = "lambda-shape";
    private const string Email = "owner@example.com";

    private readonly List<HttpClient> clients = [];
    private readonly KmsOnTheWire kms = new();
    private string? kmsUrl;
    private readonly List<string> tables = [];

    [Fact]
    public async Task ThePublishedAppIsReadyOnTheAdaptersPortAndServesPagesWithVersionedAssetLinks()
    {
        // Lambda runs Linux; the app host there must carry the executable bit into the zip.
        Assert.True(!OperatingSystem.IsWindows() && File.GetUnixFileMode(app.Executable).HasFlag(UnixFileMode.UserExecute), "The Handler must be an executable file.");
        var (process, client, _) = await StartAsync(await NewTableAsync());
        await using var running = process;
        var visitor = await client.GetAsync("/");
        await RegisterAsync(client);

        var page = await client.GetAsync("/");
        var html = await page.Content.ReadAsStringAsync();
        var asset = await client.GetAsync($"/static/v-{AssetVersion}/css/site.css");

        Assert.Equal(HttpStatusCode.Redirect, visitor.StatusCode);
        Assert.Equal("/account/login", visitor.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"href=\"/static/v-{AssetVersion}/css/site.css\"", html);
        // CloudFront serves the assets from S3; the function does not.
        Assert.Equal(HttpStatusCode.NotFound, asset.StatusCode);
    }

    [Fact]
    public async Task ItLogsOneJsonObjectPerLineWithoutWarningsTokensCookiesOrPasswords()
    {
        var (process, client, cookies) = await StartAsync(await NewTableAsync());
        await using var running = process;
        await RegisterAsync(client);
        var token = (await client.GetDocumentAsync("/")).AntiforgeryToken()!;

        var lines = process.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.NotEmpty(lines);
        Assert.All(lines, line =>
        {
            using var entry = JsonDocument.Parse(line);
            Assert.True(entry.RootElement.TryGetProperty("LogLevel", out var level), line);
            Assert.True(entry.RootElement.TryGetProperty("Category", out _), line);
            // A first start on an empty table, with the key ring in KMS: nothing to warn about, nothing failed.
            Assert.True(level.GetString() is "Information" or "Debug" or "Trace", line);
        });
        Assert.Contains(lines, line => line.Contains("Storing expenses in DynamoDB table", StringComparison.Ordinal));
        Assert.Equal(2, cookies.Cookies.Count);
        Assert.All(cookies.Cookies.Values, cookie => Assert.DoesNotContain(cookie, process.Output));
        Assert.DoesNotContain(token, process.Output);
        Assert.DoesNotContain(ExpenseTrackerFactory.Password, process.Output);
    }

    [Fact]
    public async Task AFormFromOneInstanceIsAcceptedByAnotherThatSharesTheKeyRingAndRefusedByOneThatDoesNot()
    {
        var shared = await NewTableAsync();
        var (first, firstClient, firstCookies) = await StartAsync(shared);
        await using var firstRunning = first;
        var (second, secondClient, secondCookies) = await StartAsync(shared);
        await using var secondRunning = second;
        var (stranger, strangerClient, strangerCookies) = await StartAsync(await NewTableAsync());
        await using var strangerRunning = stranger;

        await RegisterAsync(firstClient);
        var page = await firstClient.GetDocumentAsync("/");
        var values = new Dictionary<string, string>
        {
            ["Input.Amount"] = "499",
            ["Input.Date"] = "2026-11-14",
            ["Input.CategoryId"] = "food",
            ["Input.Description"] = "Posted across instances",
        };
        // The browser sends its session and antiforgery cookies to whichever instance serves the post.
        firstCookies.CopyTo(secondCookies);
        firstCookies.CopyTo(strangerCookies);

        var refused = await strangerClient.SubmitAsync(page.Form("#add-form"), values);
        var accepted = await secondClient.SubmitAsync(page.Form("#add-form"), values);

        // Behind the proxy the viewer's https makes the session and antiforgery cookies Secure.
        Assert.Equal(2, firstCookies.Cookies.Count);
        Assert.All(firstCookies.Received, setCookie => Assert.Contains("secure", setCookie, StringComparison.OrdinalIgnoreCase));
        // Without the shared key ring the session cookie cannot be read either: the post is sent to sign in, unread.
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/account/login", refused.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/", accepted.Headers.Location!.OriginalString);
        var list = await firstClient.GetStringAsync("/");
        Assert.Contains("Posted across instances", list);
        // One key ring in the shared table, written by the first instance and read by the second.
        var ring = await engine.Client.QueryAsync(new QueryRequest
        {
            TableName = shared,
            ConsistentRead = true,
            KeyConditionExpression = "PK = :pk",
            ExpressionAttributeValues = new() { [":pk"] = new AttributeValue { S = "DATAPROTECTION" } },
        });
        // Its secret is KMS ciphertext, which the second instance had KMS decrypt.
        var key = Assert.Single(ring.Items);
        Assert.Contains("<encryptedMasterKey", key["Xml"].S, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", key["Xml"].S, StringComparison.Ordinal);
        Assert.Contains(kms.Calls, call => call.Operation == "Decrypt");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        clients.ForEach(client => client.Dispose());
        kms.Dispose();
        foreach (var table in tables)
        {
            await engine.Client.DeleteTableAsync(table);
        }
    }

    /// <summary>A table as the template declares it (the contract tests hold the template to this definition).</summary>
    private async Task<string> NewTableAsync()
    {
        var table = "Lambda-" + Guid.NewGuid().ToString("N");
        await DynamoDbTable.CreateIfMissingAsync(engine.Client, table);
        tables.Add(table);
        return table;
    }

    /// <summary>
    /// Lambda's environment: the template's variables with its table, bucket, key and region filled in (its port swapped
    /// for a free one), Lambda's own, and the settings AWS does not need: where DynamoDB Local, s3rver and the KMS
    /// stand-in listen.
    /// </summary>
    private Dictionary<string, string> LambdaEnvironment(string tableName, string port)
    {
        var template = CloudFormationTemplate.Load();
        var variables = template.Environment(
            "WebFunction",
            new Dictionary<string, string>
            {
                ["AssetVersion"] = AssetVersion,
                ["Table"] = tableName,
                ["ReceiptBucket"] = s3.BucketName,
                ["AWS::Region"] = "ap-south-1",
                ["KeyRingKey.Arn"] = KmsOnTheWire.KeyArn,
            });
        var templatePort = variables["AWS_LWA_PORT"];
        var environment = variables.ToDictionary(variable => variable.Key, variable => variable.Value == templatePort ? port : variable.Value);
        environment["AWS_LAMBDA_FUNCTION_NAME"] = "expense-tracker-lambda-shape";
        environment["AWS_REGION"] = "ap-south-1";
        environment["Storage__DynamoDb__ServiceUrl"] = engine.ServiceUrl;
        environment["Receipts__S3__ServiceUrl"] = s3.ServiceUrl;
        environment["DataProtection__Kms__ServiceUrl"] = kmsUrl ??= kms.Listen();
        Assert.DoesNotContain(environment, variable => variable.Value.Contains("${", StringComparison.Ordinal));
        return environment;
    }

    /// <summary>Starts the app; its client keeps the cookies the app sets (Secure ones too: the test plays the https proxy).</summary>
    private async Task<(AppProcess Process, HttpClient Client, CookieJar Cookies)> StartAsync(string tableName)
    {
        var environment = LambdaEnvironment(tableName, LocalService.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        var process = app.Start(environment);
        var cookies = CookieJar.OverHttp();
        var client = new HttpClient(cookies)
        {
            BaseAddress = new Uri($"http://127.0.0.1:{environment["AWS_LWA_PORT"]}"),
        };
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7, 198.51.100.20");
        clients.Add(client);
        await WaitUntilReadyAsync(process, client, environment["AWS_LWA_READINESS_CHECK_PATH"]);
        return (process, client, cookies);
    }

    /// <summary>Registers the deployment's first account through the register form, which signs it in.</summary>
    private static async Task RegisterAsync(HttpClient client)
    {
        var response = await client.RegisterAsync(Email, ExpenseTrackerFactory.Password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Registering answered {(int)response.StatusCode}.");
    }

    /// <summary>What the Web Adapter does before it passes the first event: poll the readiness path until it answers 2xx.</summary>
    private static async Task WaitUntilReadyAsync(AppProcess process, HttpClient client, string readinessPath)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, $"The app exited while starting:\n{process.Output}");
            try
            {
                var response = await client.GetAsync(readinessPath);
                if (response.IsSuccessStatusCode)
                {
                    Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        Assert.Fail($"{readinessPath} did not answer 2xx within 60 s:\n{process.Output}");
    }
}
