using System.Collections.Concurrent;
using System.Text.Json;
using Amazon.Runtime;

namespace ExpenseTracker.Web.Tests.Storage;

/// <summary>
/// Gives a DynamoDB client an HttpClient that records every request it sends by operation (the X-Amz-Target
/// header, e.g. "Query") with its JSON body, retries included, and how many items the Queries examined (their
/// ScannedCount, filtered out or not): what DynamoDB would bill and what a page waits for.
/// </summary>
public sealed class CountingHttpClientFactory : HttpClientFactory
{
    private readonly ConcurrentQueue<(string Operation, string Body)> requests = new();
    private readonly Lazy<HttpClient> client;
    private int scanned;

    public CountingHttpClientFactory() =>
        client = new Lazy<HttpClient>(() => new HttpClient(new CountingHandler(this) { InnerHandler = new SocketsHttpHandler() }));

    public IReadOnlyList<string> Operations => [.. requests.Select(request => request.Operation)];

    public IReadOnlyList<(string Operation, string Body)> Requests => [.. requests];

    /// <summary>The items every Query answered since the last <see cref="Reset"/> examined, before its filter.</summary>
    public int ItemsScanned => scanned;

    /// <summary>Runs before each request is sent, with its operation: a test's way to slip another write in between.</summary>
    public Func<string, Task>? BeforeSend { get; set; }

    public void Reset()
    {
        requests.Clear();
        scanned = 0;
    }

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => client.Value;

    // This factory keeps its one client itself; the SDK must neither cache nor dispose it.
    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    private sealed class CountingHandler(CountingHttpClientFactory factory) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.Single() : "(no target)";
            var operation = target[(target.IndexOf('.', StringComparison.Ordinal) + 1)..];
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            factory.requests.Enqueue((operation, body));
            if (factory.BeforeSend is { } beforeSend)
            {
                await beforeSend(operation);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (operation == "Query" && response.IsSuccessStatusCode)
            {
                // Read here and handed on buffered: the SDK reads the body as if untouched.
                var json = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                using (var document = JsonDocument.Parse(json))
                {
                    Interlocked.Add(ref factory.scanned, document.RootElement.GetProperty("ScannedCount").GetInt32());
                }

                var buffered = new ByteArrayContent(json);
                foreach (var header in response.Content.Headers)
                {
                    buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }

                response.Content = buffered;
            }

            return response;
        }
    }
}
