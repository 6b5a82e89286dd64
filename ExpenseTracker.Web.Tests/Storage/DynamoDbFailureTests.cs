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
/// Throttling and server faults, which DynamoDB Local never produces, answered on the wire the way DynamoDB answers
/// them, so the real SDK retries them as configured before the store gives up with <see cref="StoreUnavailableException"/>.
/// </summary>
public sealed class DynamoDbFailureTests
{
    public static TheoryData<HttpStatusCode, string> Faults => new()
    {
        { HttpStatusCode.BadRequest, "ProvisionedThroughputExceededException" },
        { HttpStatusCode.BadRequest, "ThrottlingException" },
        { HttpStatusCode.InternalServerError, "InternalServerError" },
        { HttpStatusCode.ServiceUnavailable, "ServiceUnavailable" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task AFaultThatOutlastsTheRetriesIsUnavailableAfterFourAttempts(HttpStatusCode status, string errorType)
    {
        var faults = new FaultyHttpClientFactory(status, errorType);
        using var client = DynamoDbClient.Create(new DynamoDbStorageOptions { ServiceUrl = "http://127.0.0.1:9" }, config => config.HttpClientFactory = faults);
        var store = TestStores.Expenses(client, "ExpenseTracker", TimeProvider.System);

        var failure = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.AddAsync(NewUserId(), Draft()));

        Assert.Equal(4, faults.Attempts);
        Assert.Contains("nothing was changed", failure.Message);
        Assert.Equal(503, StoreExceptionHandler.StatusFor(failure).Status);
    }

    [Fact]
    public async Task AReadThatKeepsBeingThrottledIsUnavailableToo()
    {
        var faults = new FaultyHttpClientFactory(HttpStatusCode.BadRequest, "ProvisionedThroughputExceededException");
        using var client = DynamoDbClient.Create(new DynamoDbStorageOptions { ServiceUrl = "http://127.0.0.1:9" }, config => config.HttpClientFactory = faults);
        var store = TestStores.Expenses(client, "ExpenseTracker", TimeProvider.System);

        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.ListAsync(NewUserId(), ExpenseFilter.None, null, 25));
    }

    private sealed class FaultyHttpClientFactory(HttpStatusCode status, string errorType) : HttpClientFactory
    {
        private int attempts;

        public int Attempts => attempts;

        private HttpStatusCode Status { get; } = status;

        private string ErrorType { get; } = errorType;

        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new FaultHandler(this));

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

        public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

        private sealed class FaultHandler(FaultyHttpClientFactory factory) : HttpMessageHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref factory.attempts);
                var body = $$"""{"__type":"com.amazonaws.dynamodb.v20120810#{{factory.ErrorType}}","message":"injected {{factory.ErrorType}}"}""";
                return Task.FromResult(new HttpResponseMessage(factory.Status)
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/x-amz-json-1.0"),
                    RequestMessage = request,
                });
            }
        }
    }
}
