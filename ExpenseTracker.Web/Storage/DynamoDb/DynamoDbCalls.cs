using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace ExpenseTracker.Web.Storage.DynamoDb;

/// <summary>
/// What every store call goes through: failures that survived the SDK's retries become
/// <see cref="StoreUnavailableException"/> (a 503), and transactions get an idempotency token and a few retries
/// when they lost a race for an item to another transaction.
/// </summary>
internal static class DynamoDbCalls
{
    public const string UnavailableMessage = "The expense store cannot be reached right now, so nothing was changed. Try again in a moment.";

    public const string BusyMessage = "Too many changes were being saved to your expenses at once for this one to get through, so nothing was changed. Try again in a moment.";

    // Writes of one user touch the same totals (the month's, the grand total): a transaction that meets another on one
    // of them is cancelled whole and can simply retry. With waits that double (at random, up to a second) these
    // attempts span about three seconds, which 32 writers at once on one month stay well inside (ConcurrentWritesContract).
    public const int TransactionAttempts = 9;

    public static async Task<T> GuardAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (Exception exception) when (IsContention(exception))
        {
            throw new StoreBusyException(BusyMessage, exception);
        }
        catch (Exception exception) when (IsUnavailable(exception, cancellationToken))
        {
            throw new StoreUnavailableException(UnavailableMessage, exception);
        }
        catch (AmazonDynamoDBException exception) when (exception.ErrorCode == "ValidationException"
            && exception.Message.Contains("size", StringComparison.OrdinalIgnoreCase))
        {
            // The edge checks should have caught it; if DynamoDB counts differently, the person still gets a clear 400.
            throw new InvalidValueException("This is too large to store: " + exception.Message);
        }
    }

    public static Task GuardAsync(Func<Task> call, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            await call();
            return true;
        }, cancellationToken);

    /// <summary>
    /// Writes <paramref name="writes"/> all or nothing. Returns null when they were written, or the cancellation
    /// reasons (one per write, in order) when a condition failed.
    /// </summary>
    public static async Task<IReadOnlyList<CancellationReason>?> TransactAsync(
        IAmazonDynamoDB client, List<TransactWriteItem> writes, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // The token makes the SDK's own retry of a transaction that did commit (its answer lost) a no-op.
                await client.TransactWriteItemsAsync(
                    new TransactWriteItemsRequest { TransactItems = writes, ClientRequestToken = Guid.NewGuid().ToString("N") },
                    cancellationToken);
                return null;
            }
            catch (TransactionCanceledException cancelled)
            {
                var reasons = cancelled.CancellationReasons ?? [];
                if (reasons.Any(reason => reason.Code == "ConditionalCheckFailed"))
                {
                    return reasons;
                }

                if (reasons.Any(reason => reason.Code == "ValidationError"))
                {
                    throw new InvalidValueException("The expense store refused these values: " + reasons.First(reason => reason.Code == "ValidationError").Message);
                }

                if (attempt == TransactionAttempts)
                {
                    throw new StoreBusyException(BusyMessage, cancelled);
                }

                await Task.Delay(Backoff(attempt), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Reads items of one partition by sort key in one BatchGetItem, strongly consistent; returns those that exist,
    /// by sort key. Keys DynamoDB leaves unprocessed (throttling) are asked again a few times, then it is a 503.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, Dictionary<string, AttributeValue>>> BatchGetAsync(
        IAmazonDynamoDB client, string tableName, string userId, IEnumerable<string> sortKeys, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, Dictionary<string, AttributeValue>>(StringComparer.Ordinal);
        var keys = sortKeys.Distinct(StringComparer.Ordinal).Select(sortKey => AttributeValues.Key(userId, sortKey)).ToList();
        if (keys.Count == 0)
        {
            return found;
        }

        var request = new Dictionary<string, KeysAndAttributes> { [tableName] = new KeysAndAttributes { Keys = keys, ConsistentRead = true } };
        for (var attempt = 1; ; attempt++)
        {
            var response = await client.BatchGetItemAsync(new BatchGetItemRequest { RequestItems = request }, cancellationToken);
            foreach (var item in response.Responses?.GetValueOrDefault(tableName) ?? [])
            {
                found[AttributeValues.String(item, DynamoDbTable.SortKey)] = item;
            }

            if (response.UnprocessedKeys is not { Count: > 0 } unprocessed)
            {
                return found;
            }

            if (attempt == TransactionAttempts)
            {
                // Keys left unread are throttling: the store answers, but not to this many requests at once.
                throw new StoreBusyException(BusyMessage);
            }

            request = unprocessed;
            await Task.Delay(Backoff(attempt), cancellationToken);
        }
    }

    public static bool Failed(IReadOnlyList<CancellationReason> reasons, int index) =>
        index < reasons.Count && reasons[index].Code == "ConditionalCheckFailed";

    /// <summary>A random wait before attempt <paramref name="attempt"/> + 1: up to 20 ms, then doubling, at most a second.</summary>
    public static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(Random.Shared.Next(1, Math.Min(1_000, 20 << Math.Min(attempt, 10))));

    /// <summary>
    /// Too much at once rather than nothing there: throttling the SDK retried without success, and other transactions
    /// holding the same items. The truthful answer is "busy, try again", not "cannot be reached".
    /// </summary>
    private static bool IsContention(Exception exception) => exception switch
    {
        StoreException => false,
        ProvisionedThroughputExceededException or RequestLimitExceededException or ThrottlingException
            or TransactionInProgressException or TransactionConflictException => true,
        AmazonClientException { InnerException: { } inner } => IsContention(inner),
        _ => false,
    };

    private static bool IsUnavailable(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        StoreException => false,
        // Server faults the SDK retried MaxErrorRetry times without success.
        InternalServerErrorException => true,
        // The table is missing or still being created: a deployment problem, but for the user the store is not there.
        ResourceNotFoundException => true,
        AmazonServiceException service when service.StatusCode >= HttpStatusCode.InternalServerError => true,
        // Refused or dropped connections and the SDK's own time-outs (not the caller giving up).
        HttpRequestException or IOException or SocketException or TimeoutException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        AmazonClientException { InnerException: { } inner } => IsUnavailable(inner, cancellationToken),
        _ => false,
    };

    /// <summary>
    /// Every item of one partition whose sort key starts with <paramref name="prefix"/>, all pages, read consistently;
    /// only their keys when <paramref name="keysOnly"/> (for deleting them).
    /// </summary>
    public static async Task<List<Dictionary<string, AttributeValue>>> QueryByPrefixAsync(
        this IAmazonDynamoDB client, string tableName, string partitionKey, string prefix, CancellationToken cancellationToken, bool keysOnly = false)
    {
        var query = new QueryRequest
        {
            TableName = tableName,
            ConsistentRead = true,
            // A key range rather than begins_with: the same items and the same cost in DynamoDB, but DynamoDB Local
            // answers begins_with in time that grows with the partition (docs/benchmarks.md), and nearly every request
            // lists the user's categories this way. Sort keys compare as UTF-8 bytes, and no character encodes higher
            // than U+10FFFF, so the range holds exactly the keys that start with the prefix.
            KeyConditionExpression = "#pk = :pk AND #sk BETWEEN :prefix AND :end",
            ExpressionAttributeNames = new() { ["#pk"] = DynamoDbTable.PartitionKey, ["#sk"] = DynamoDbTable.SortKey },
            ExpressionAttributeValues = new()
            {
                [":pk"] = new AttributeValue { S = partitionKey },
                [":prefix"] = new AttributeValue { S = prefix },
                [":end"] = new AttributeValue { S = prefix + char.ConvertFromUtf32(0x10FFFF) },
            },
            ProjectionExpression = keysOnly ? "#pk, #sk" : null,
        };
        return await client.QueryAllAsync(query, cancellationToken).ToListAsync(cancellationToken);
    }

    /// <summary>Every item a Query finds, page after page (DynamoDB answers at most 1 MB a time).</summary>
    public static async IAsyncEnumerable<Dictionary<string, AttributeValue>> QueryAllAsync(
        this IAmazonDynamoDB client, QueryRequest query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        do
        {
            var response = await client.QueryAsync(query, cancellationToken);
            foreach (var item in response.Items ?? [])
            {
                yield return item;
            }

            query.ExclusiveStartKey = response.LastEvaluatedKey;
        }
        while (query.ExclusiveStartKey is { Count: > 0 });
    }
}
