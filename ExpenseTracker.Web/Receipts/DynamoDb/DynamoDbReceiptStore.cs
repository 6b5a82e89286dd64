using Amazon.DynamoDBv2.Model;
using ExpenseTracker.Web.Storage.DynamoDb;
using static ExpenseTracker.Web.Storage.DynamoDb.AttributeValues;

namespace ExpenseTracker.Web.Receipts.DynamoDb;

/// <summary>
/// Receipts in the user's partition (<see cref="ReceiptItems"/>). Every change to an expense's receipts is one
/// transaction over its group item (on condition of the version read) and the receipt items it changes (on condition
/// of the state read), retried when another request changed the group in between.
/// </summary>
public sealed class DynamoDbReceiptStore(AppTable table) : IReceiptStore
{
    private const int Attempts = 4;

    public Task AddPendingAsync(string userId, Receipt receipt, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ItemChecks.CheckUserId(userId);
            await table.Client.PutItemAsync(new PutItemRequest
            {
                TableName = table.Name,
                Item = ReceiptItems.Item(userId, receipt with { ExpenseId = null, State = ReceiptState.Pending }),
                ConditionExpression = "attribute_not_exists(#pk)",
                ExpressionAttributeNames = new() { ["#pk"] = DynamoDbTable.PartitionKey },
            }, cancellationToken);
        }, cancellationToken);

    public Task<Receipt?> FindAsync(string userId, string id, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ItemChecks.CheckUserId(userId);
            return ReceiptRules.IsId(id) && await GetAsync(userId, ReceiptItems.Key(id), cancellationToken) is { } item ? ReceiptItems.ToReceipt(item) : null;
        }, cancellationToken);

    public Task<IReadOnlyDictionary<string, IReadOnlyList<Receipt>>> ListAttachedAsync(
        string userId, IReadOnlyCollection<string> expenseIds, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ItemChecks.CheckUserId(userId);
            var found = new Dictionary<string, IReadOnlyList<Receipt>>();
            // BatchGetItem takes at most 100 keys.
            foreach (var chunk in expenseIds.Where(ItemChecks.IsPlausibleId).Distinct().Chunk(100))
            {
                var groups = await DynamoDbCalls.BatchGetAsync(table.Client, table.Name, userId, chunk.Select(ReceiptItems.GroupKey), cancellationToken);
                foreach (var group in groups.Values.Where(group => String(group, ReceiptItems.State) == nameof(ReceiptState.Attached)))
                {
                    found[String(group, ReceiptItems.ExpenseId)] = ReceiptItems.ReceiptsOf(group);
                }
            }

            return (IReadOnlyDictionary<string, IReadOnlyList<Receipt>>)found;
        }, cancellationToken);

    public Task AttachAsync(string userId, string expenseId, IReadOnlyCollection<string> receiptIds, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ItemChecks.CheckUserId(userId);
            var ids = receiptIds.Distinct().ToList();
            if (!ItemChecks.IsPlausibleId(expenseId) || !ids.All(ReceiptRules.IsId))
            {
                throw Gone();
            }

            for (var attempt = 1; attempt <= Attempts; attempt++)
            {
                var read = await DynamoDbCalls.BatchGetAsync(
                    table.Client, table.Name, userId, [ReceiptItems.GroupKey(expenseId), .. ids.Select(ReceiptItems.Key)], cancellationToken);
                var uploads = ids.Select(id => read.GetValueOrDefault(ReceiptItems.Key(id)) is { } item ? ReceiptItems.ToReceipt(item) : null).ToList();
                if (uploads.Any(upload => upload?.State != ReceiptState.Pending))
                {
                    throw Gone();
                }

                var group = read.GetValueOrDefault(ReceiptItems.GroupKey(expenseId));
                var attached = group is null ? [] : ReceiptItems.ReceiptsOf(group);
                if (attached.Count + ids.Count > ReceiptRules.MaxPerExpense)
                {
                    throw new TooManyReceiptsException(attached.Count);
                }

                var added = uploads.Select(upload => upload! with { ExpenseId = expenseId, State = ReceiptState.Attached, ChangedAt = at }).ToList();
                var writes = added.Select(receipt => new TransactWriteItem
                {
                    Put = table.PutIf(ReceiptItems.Item(userId, receipt), ReceiptItems.State, S(nameof(ReceiptState.Pending))),
                }).ToList();
                writes.Insert(0, GroupWrite(userId, expenseId, group, ReceiptState.Attached, [.. attached, .. added], at));
                var reasons = await DynamoDbCalls.TransactAsync(table.Client, writes, cancellationToken);
                if (reasons is null)
                {
                    return;
                }

                if (Enumerable.Range(1, added.Count).Any(index => DynamoDbCalls.Failed(reasons, index)))
                {
                    throw Gone();
                }
            }

            throw new ConcurrencyConflictException("The receipts of this expense changed while they were being saved; try again.");
        }, cancellationToken);

    public Task<IReadOnlyList<Receipt>> DetachAsync(string userId, string expenseId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        MoveAsync(userId, expenseId, ReceiptState.Attached, ReceiptState.Detached, at, cancellationToken);

    public Task<IReadOnlyList<Receipt>> ReattachAsync(string userId, string expenseId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        MoveAsync(userId, expenseId, ReceiptState.Detached, ReceiptState.Attached, at, cancellationToken);

    public Task DeleteAsync(string userId, string id, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ItemChecks.CheckUserId(userId);
            for (var attempt = 1; attempt <= Attempts; attempt++)
            {
                var item = ReceiptRules.IsId(id) ? await GetAsync(userId, ReceiptItems.Key(id), cancellationToken) : null;
                if (item is null)
                {
                    throw new NotFoundException("That receipt does not exist.");
                }

                var receipt = ReceiptItems.ToReceipt(item);
                List<TransactWriteItem> writes = [new() { Delete = table.DeleteIf(AttributeValues.Key(userId, ReceiptItems.Key(id)), ReceiptItems.State, S(receipt.State.ToString())) }];
                if (receipt.ExpenseId is { } expenseId && await GetAsync(userId, ReceiptItems.GroupKey(expenseId), cancellationToken) is { } group)
                {
                    var rest = ReceiptItems.ReceiptsOf(group).Where(other => other.Id != id).ToList();
                    writes.Add(GroupWrite(userId, expenseId, group, Enum.Parse<ReceiptState>(String(group, ReceiptItems.State)), rest, receipt.ChangedAt));
                }

                if (await DynamoDbCalls.TransactAsync(table.Client, writes, cancellationToken) is null)
                {
                    return;
                }
            }

            throw new ConcurrencyConflictException("This receipt changed while it was being removed; try again.");
        }, cancellationToken);

    public Task<IReadOnlyList<Receipt>> ListAsync(string userId, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ItemChecks.CheckUserId(userId);
            var items = await table.Client.QueryByPrefixAsync(table.Name, ItemKeys.User(userId), ItemKeys.ReceiptPrefix, cancellationToken);
            return (IReadOnlyList<Receipt>)[.. items.Select(ReceiptItems.ToReceipt).OrderBy(receipt => receipt.CreatedAt).ThenBy(receipt => receipt.Id, StringComparer.Ordinal)];
        }, cancellationToken);

    public Task EraseAsync(string userId, CancellationToken cancellationToken = default) =>
        table.EraseUserItemsAsync(userId, [ItemKeys.ReceiptPrefix, ItemKeys.ExpenseReceiptsPrefix], cancellationToken);

    private Task<IReadOnlyList<Receipt>> MoveAsync(
        string userId, string expenseId, ReceiptState from, ReceiptState to, DateTimeOffset at, CancellationToken cancellationToken) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ItemChecks.CheckUserId(userId);
            for (var attempt = 1; attempt <= Attempts; attempt++)
            {
                var group = ItemChecks.IsPlausibleId(expenseId) ? await GetAsync(userId, ReceiptItems.GroupKey(expenseId), cancellationToken) : null;
                if (group is null || String(group, ReceiptItems.State) != from.ToString())
                {
                    return (IReadOnlyList<Receipt>)[];
                }

                var moved = ReceiptItems.ReceiptsOf(group).Select(receipt => receipt with { State = to, ChangedAt = at }).ToList();
                var writes = moved.Select(receipt => new TransactWriteItem
                {
                    Put = table.PutIf(ReceiptItems.Item(userId, receipt), ReceiptItems.State, S(from.ToString())),
                }).ToList();
                writes.Insert(0, GroupWrite(userId, expenseId, group, to, moved, at));
                if (await DynamoDbCalls.TransactAsync(table.Client, writes, cancellationToken) is null)
                {
                    return moved;
                }
            }

            throw new ConcurrencyConflictException("The receipts of this expense changed at the same time; try again.");
        }, cancellationToken);

    /// <summary>The group item written anew (or deleted when empty), on condition it is still the version read (or still absent).</summary>
    private TransactWriteItem GroupWrite(
        string userId, string expenseId, Dictionary<string, AttributeValue>? read, ReceiptState state, IReadOnlyList<Receipt> receipts, DateTimeOffset at)
    {
        var version = read is null ? 0 : Long(read, Attr.Version);
        if (receipts.Count == 0 && read is not null)
        {
            return new TransactWriteItem { Delete = table.DeleteIf(AttributeValues.Key(userId, ReceiptItems.GroupKey(expenseId)), Attr.Version, N(version)) };
        }

        var item = ReceiptItems.Group(userId, expenseId, state, receipts, version + 1, at);
        return new TransactWriteItem { Put = read is null ? table.PutNew(item) : table.PutIf(item, Attr.Version, N(version)) };
    }

    private async Task<Dictionary<string, AttributeValue>?> GetAsync(string userId, string sortKey, CancellationToken cancellationToken)
    {
        var response = await table.Client.GetItemAsync(
            new GetItemRequest { TableName = table.Name, Key = AttributeValues.Key(userId, sortKey), ConsistentRead = true }, cancellationToken);
        return response.Item is { Count: > 0 } item ? item : null;
    }

    private static NotFoundException Gone() => new("That upload is no longer waiting to be attached; choose the file again.");
}
