using System.Net;
using System.Text;
using System.Xml.Linq;
using Amazon.KeyManagementService;
using ExpenseTracker.Web.DataProtection;
using ExpenseTracker.Web.DataProtection.DynamoDb;
using ExpenseTracker.Web.DataProtection.Kms;
using ExpenseTracker.Web.Storage.DynamoDb;
using ExpenseTracker.Web.Tests.Budgets;
using ExpenseTracker.Web.Tests.Infrastructure;
using ExpenseTracker.Web.Tests.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExpenseTracker.Web.Tests.DataProtection;

/// <summary>
/// The AWS shape of the key ring: in the DynamoDB table (DynamoDB Local), each key's secret encrypted through the real
/// KMS client, answered on the wire by <see cref="KmsOnTheWire"/>.
/// </summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class KmsKeyRingTests(DynamoDbLocal engine) : IAsyncLifetime
{
    // A table of its own: keys only this KMS stand-in can decrypt must not join the ring other app tests share.
    private readonly string tableName = "KeyRing-" + Guid.NewGuid().ToString("N");
    private readonly KmsOnTheWire kms = new();

    public Task InitializeAsync() => DynamoDbTable.CreateIfMissingAsync(engine.Client, tableName);

    public Task DisposeAsync() => engine.Client.DeleteTableAsync(tableName);

    [Fact]
    public async Task TheStoredKeyHoldsItsSecretOnlyAsKmsCiphertext()
    {
        using var app = new KmsAppFactory(engine.ServiceUrl, tableName, kms);
        await app.CreateSignedInClientAsync();

        var key = XElement.Parse(Assert.Single(await StoredKeysAsync()));

        var encrypted = Assert.Single(key.Descendants(KeyRingXmlDecryptor.ElementName));
        Assert.Equal(KmsOnTheWire.KeyArn, (string?)encrypted.Attribute(KeyRingXmlDecryptor.KeyIdAttribute));
        Assert.Empty(key.Descendants("masterKey"));
        var secret = XElement.Parse(Encoding.UTF8.GetString(kms.Decrypt(Convert.FromBase64String(encrypted.Value), KmsKeyRingCipher.EncryptionContext())));
        Assert.Equal("masterKey", secret.Name.LocalName);
        Assert.DoesNotContain(secret.Value, key.ToString(), StringComparison.Ordinal);
        var encrypt = Assert.Single(kms.Calls, call => call.Operation == "Encrypt");
        Assert.Equal(KmsKeyRingCipher.EncryptionContext(), encrypt.EncryptionContext);
    }

    [Fact]
    public async Task ASecondInstanceDecryptsTheRingThroughKmsAndAcceptsAFormTheFirstRendered()
    {
        using var first = new KmsAppFactory(engine.ServiceUrl, tableName, kms);
        using var second = new KmsAppFactory(engine.ServiceUrl, tableName, kms, first.UserId);

        var response = await SharedKeyRingTests.PostElsewhereAsync(first, second);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Single(await second.AllExpensesAsync());
        Assert.Single(await StoredKeysAsync());
        Assert.Contains(kms.Calls, call => call.Operation == "Decrypt" && call.KeyId == KmsOnTheWire.KeyArn);
    }

    public static TheoryData<HttpStatusCode, string> DecryptFailures => new()
    {
        { HttpStatusCode.BadRequest, "AccessDeniedException" },
        { HttpStatusCode.BadRequest, "DisabledException" },
        { HttpStatusCode.InternalServerError, "KMSInternalException" },
    };

    [Theory]
    [MemberData(nameof(DecryptFailures))]
    public async Task WhenKmsWillNotDecryptTheRingPagesAndTheApiAnswer503AndTheFailureIsLogged(HttpStatusCode status, string errorType)
    {
        using var first = new KmsAppFactory(engine.ServiceUrl, tableName, kms);
        var cookies = new CookieJar();
        await first.EnsureDefaultAccountAsync();
        await first.CreateDefaultClient(cookies).SignInAsync(first.DefaultEmail, ExpenseTrackerFactory.Password);
        kms.DecryptFailure = (status, errorType);
        using var second = new KmsAppFactory(engine.ServiceUrl, tableName, kms, first.UserId);
        var secondCookies = new CookieJar();
        cookies.CopyTo(secondCookies);
        var client = second.CreateDefaultClient(secondCookies);

        var page = await client.GetAsync("/");
        var api = await client.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("cannot be read right now", await page.Content.ReadAsStringAsync());
        Assert.NotNull(page.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Contains(second.Logs.Entries, entry => entry.Level == LogLevel.Error && entry.Category == typeof(KmsKeyRingCipher).FullName && entry.Message.Contains(errorType));
        // Nothing was written in place of the key KMS would not decrypt: the ring still holds the one key.
        Assert.Single(await StoredKeysAsync());
    }

    private Task<IReadOnlyList<string>> StoredKeysAsync() =>
        new DynamoDbKeyRingStore(new AppTable(engine.Client, tableName), TimeProvider.System).GetAllAsync();
}

/// <summary>The app on DynamoDB Local with DataProtection:Kms:KeyId set, its KMS client answered by <see cref="KmsOnTheWire"/>.</summary>
public sealed class KmsAppFactory(string serviceUrl, string tableName, KmsOnTheWire kms, string? userId = null, bool createTable = false)
    : DynamoDbAppFactory(serviceUrl, tableName, createTable, userId)
{
    public LogCapture Logs { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [.. base.Settings, new("DataProtection:Kms:KeyId", KmsOnTheWire.KeyArn), new("DataProtection:Kms:ServiceUrl", "http://127.0.0.1:9")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services => services.AddSingleton<IAmazonKeyManagementService>(
            KmsClient.Create(new KeyRingKmsOptions { ServiceUrl = "http://127.0.0.1:9" }, config => config.HttpClientFactory = kms)));
    }
}
