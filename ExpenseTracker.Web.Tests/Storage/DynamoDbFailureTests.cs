using System.Net;
using System.Text;
using Amazon.Runtime;
using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.Storage;
using ExpenseTracker.Web.Storage.DynamoDb;
using ExpenseTracker.Web.Tests.Infrastructure;
using static ExpenseTracker.Web.Tests.Storage.StoreTestData;

namespace ExpenseTracker.Web.Tests.Storage;

/// <summary>
/// Throttling, server faults and transaction conflicts, which DynamoDB Local never produces on demand, answered on the
/// wire the way DynamoDB answers them, so the real SDK retries them as configured before the store gives up: with
/// <see cref="StoreUnavailableException"/> for a store that fails, <see cref="StoreBusyException"/> for one too busy.
/// </summary>
public sealed class DynamoDbFailureTests
{
    public static TheoryData<HttpStatusCode, string> ServerFaults => new()
    {
        { HttpStatusCode.InternalServerError, "InternalServerError" },
        { HttpStatusCode.ServiceUnavailable, "ServiceUnavailable" },
    };

    public static TheoryData<HttpStatusCode, string> Throttling => new()
    {
        { HttpStatusCode.BadRequest, "ProvisionedThroughputExceededException" },
        { HttpStatusCode.BadRequest, "ThrottlingException" },
    };

    [Theory]
    [MemberData(nameof(ServerFaults))]
    public async Task AServerFaultThatOutlastsTheRetriesIsUnavailableAfterFourAttempts(HttpStatusCode status, string errorType)
    {
        var faults = new FaultyHttpClientFactory(status, errorType);
        using var client = DynamoDbClient.Create(new DynamoDbStorageOptions { ServiceUrl = "http://127.0.0.1:9" }, config => config.HttpClientFactory = faults);
        var store = TestStores.Expenses(client, "ExpenseTracker", TimeProvider.System);

        var failure = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.AddAsync(NewUserId(), Draft()));

        Assert.Equal(4, faults.Attempts);
        Assert.Contains("nothing was changed", failure.Message);
        Assert.Equal(503, StoreExceptionHandler.StatusFor(failure).Status);
    }

    [Theory]
    [MemberData(nameof(Throttling))]
    public async Task ThrottlingThatOutlastsTheRetriesIsBusyNotUnreachable(HttpStatusCode status, string errorType)
    {
        var faults = new FaultyHttpClientFactory(status, errorType);
        using var client = DynamoDbClient.Create(new DynamoDbStorageOptions { ServiceUrl = "http://127.0.0.1:9" }, config => config.HttpClientFactory = faults);
        var store = TestStores.Expenses(client, "ExpenseTracker", TimeProvider.System);

        var write = await Assert.ThrowsAsync<StoreBusyException>(() => store.AddAsync(NewUserId(), Draft()));
        var read = await Assert.ThrowsAsync<StoreBusyException>(() => store.ListAsync(NewUserId(), ExpenseFilter.None, null, 25));

        Assert.Equal(8, faults.Attempts);
        Assert.Contains("nothing was changed", write.Message);
        Assert.DoesNotContain("cannot be reached", read.Message);
        Assert.Equal((503, "Busy"), StoreExceptionHandler.StatusFor(write));
    }

    [Fact]
    public async Task ATransactionThatKeepsMeetingOthersOnTheSameTotalsIsBusyAfterItsAttempts()
    {
        // Every TransactWriteItems is cancelled the way DynamoDB cancels one that met another transaction on an item.
        var faults = new FaultyHttpClientFactory(
            HttpStatusCode.BadRequest,
            "TransactionCanceledException",
            onlyOperation: "TransactWriteItems",
            extra: ""","CancellationReasons":[{"Code":"None"},{"Code":"TransactionConflict","Message":"Transaction is ongoing for the item"}]""");
        using var client = DynamoDbClient.Create(new DynamoDbStorageOptions { ServiceUrl = "http://127.0.0.1:9" }, config => config.HttpClientFactory = faults);
        var store = TestStores.Expenses(client, "ExpenseTracker", TimeProvider.System);

        var failure = await Assert.ThrowsAsync<StoreBusyException>(() => store.AddAsync(NewUserId(), Draft()));

        Assert.Contains("Too many changes", failure.Message);
        Assert.Equal(DynamoDbCalls.TransactionAttempts, faults.Attempts);
    }

    /// <summary>
    /// Answers every request (or only <paramref name="onlyOperation"/>'s, the others with an empty success) with
    /// DynamoDB's error of <paramref name="errorType"/>, plus <paramref name="extra"/> members in its body.
    /// </summary>
    private sealed class FaultyHttpClientFactory(HttpStatusCode status, string errorType, string? onlyOperation = null, string extra = "") : HttpClientFactory
    {
        private int attempts;

        public int Attempts => attempts;

        private HttpStatusCode Status { get; } = status;

        private string ErrorType { get; } = errorType;

        private string? OnlyOperation { get; } = onlyOperation;

        private string Extra { get; } = extra;

        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new FaultHandler(this));

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

        public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

        private sealed class FaultHandler(FaultyHttpClientFactory factory) : HttpMessageHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var operation = request.Headers.TryGetValues("X-Amz-Target", out var targets) ? targets.Single().Split('.').Last() : "";
                if (factory.OnlyOperation is { } only && operation != only)
                {
                    return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
                    {
                        Content = new StringContent("{}", Encoding.UTF8, "application/x-amz-json-1.0"),
                        RequestMessage = request,
                    });
                }

                Interlocked.Increment(ref factory.attempts);
                var body = $$"""{"__type":"com.amazonaws.dynamodb.v20120810#{{factory.ErrorType}}","message":"injected {{factory.ErrorType}}"{{factory.Extra}}}""";
                return Task.FromResult(new HttpResponseMessage(factory.Status)
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/x-amz-json-1.0"),
                    RequestMessage = request,
                });
            }
        }
    }
}
