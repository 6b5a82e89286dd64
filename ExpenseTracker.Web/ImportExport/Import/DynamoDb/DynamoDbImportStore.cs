using Amazon.DynamoDBv2.Model;
using ExpenseTracker.Web.Storage.DynamoDb;
using static ExpenseTracker.Web.Storage.DynamoDb.AttributeValues;

namespace ExpenseTracker.Web.ImportExport.Import.DynamoDb;

/// <summary>
/// Imports and saved settings in the user's partition: IMPORT#{id} (the record, its count kept by ADD),
/// IMPORTPART#{id}#{part} (the ids one part stored, a string set: 5,000 ids are about 170 KB, within an item's 400 KB)
/// and IMPORTMAP#{NAME}.
/// </summary>
public sealed class DynamoDbImportStore(AppTable table, TimeProvider time) : IImportStore
{
    public Task SaveMappingAsync(string userId, string name, string settings, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ItemChecks.CheckUserId(userId);
            var item = Key(userId, ItemKeys.ImportMapping(name));
            item[Attr.Type] = S("ImportMapping");
            item[Attr.Name] = S(name);
            item[Attr.Settings] = S(settings);
            item[Attr.UpdatedAt] = S(Now(time));
            await table.Client.PutItemAsync(new PutItemRequest { TableName = table.Name, Item = item }, cancellationToken);
        }, cancellationToken);

    public Task<IReadOnlyList<SavedMapping>> ListMappingsAsync(string userId, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync<IReadOnlyList<SavedMapping>>(async () =>
        {
            ItemChecks.CheckUserId(userId);
            var items = await table.Client.QueryByPrefixAsync(table.Name, ItemKeys.User(userId), ItemKeys.ImportMappingPrefix, cancellationToken);
            return [.. items.Select(item => new SavedMapping(String(item, Attr.Name), String(item, Attr.Settings)))];
        }, cancellationToken);

    public Task StartAsync(string userId, ImportRecord record, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ItemChecks.CheckUserId(userId);
            var item = Key(userId, ItemKeys.Import(record.Id));
            item[Attr.Type] = S("Import");
            item[Attr.Id] = S(record.Id);
            item[Attr.FileName] = S(record.FileName);
            item[Attr.CreatedAt] = S(Format(record.CreatedAt));
            item[Attr.ExpenseCount] = N(0);
            await table.Client.PutItemAsync(new PutItemRequest { TableName = table.Name, Item = item }, cancellationToken);
        }, cancellationToken);

    public Task AddExpensesAsync(string userId, string importId, int part, IReadOnlyList<string> expenseIds, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ItemChecks.CheckUserId(userId);
            if (expenseIds.Count == 0)
            {
                return;
            }

            var item = Key(userId, ItemKeys.ImportPart(importId, part));
            item[Attr.Type] = S("ImportPart");
            item[Attr.ExpenseIds] = new AttributeValue { SS = [.. expenseIds] };
            List<TransactWriteItem> writes =
            [
                new TransactWriteItem { Put = new Put { TableName = table.Name, Item = item } },
                new TransactWriteItem
                {
                    Update = new Update
                    {
                        TableName = table.Name,
                        Key = Key(userId, ItemKeys.Import(importId)),
                        UpdateExpression = "ADD #count :count",
                        ExpressionAttributeNames = new() { ["#count"] = Attr.ExpenseCount },
                        ExpressionAttributeValues = new() { [":count"] = N(expenseIds.Count) },
                    },
                },
            ];
            await DynamoDbCalls.TransactAsync(table.Client, writes, cancellationToken);
        }, cancellationToken);

    public Task<IReadOnlyList<ImportRecord>> ListAsync(string userId, int max, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync<IReadOnlyList<ImportRecord>>(async () =>
        {
            ItemChecks.CheckUserId(userId);
            var items = await table.Client.QueryByPrefixAsync(table.Name, ItemKeys.User(userId), ItemKeys.ImportPrefix, cancellationToken);
            return [.. items.Select(ToRecord).OrderByDescending(record => record.CreatedAt).ThenByDescending(record => record.Id, StringComparer.Ordinal).Take(max)];
        }, cancellationToken);

    public Task<ImportRecord?> FindAsync(string userId, string importId, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ItemChecks.CheckUserId(userId);
            if (!ItemChecks.IsPlausibleId(importId))
            {
                return null;
            }

            var response = await table.Client.GetItemAsync(
                new GetItemRequest { TableName = table.Name, Key = Key(userId, ItemKeys.Import(importId)), ConsistentRead = true }, cancellationToken);
            return response.Item is { Count: > 0 } item ? ToRecord(item) : null;
        }, cancellationToken);

    public Task<IReadOnlyList<string>> ExpenseIdsAsync(string userId, string importId, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync<IReadOnlyList<string>>(async () =>
        {
            ItemChecks.CheckUserId(userId);
            var parts = await table.Client.QueryByPrefixAsync(table.Name, ItemKeys.User(userId), ItemKeys.ImportParts(importId), cancellationToken);
            return [.. parts.SelectMany(part => part[Attr.ExpenseIds].SS.Order(StringComparer.Ordinal))];
        }, cancellationToken);

    public Task MarkUndoneAsync(string userId, string importId, DateTimeOffset undoneAt, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ItemChecks.CheckUserId(userId);
            await table.Client.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = table.Name,
                    Key = Key(userId, ItemKeys.Import(importId)),
                    UpdateExpression = "SET #undone = :undone",
                    ExpressionAttributeNames = new() { ["#undone"] = Attr.UndoneAt },
                    ExpressionAttributeValues = new() { [":undone"] = S(Format(undoneAt)) },
                },
                cancellationToken);
        }, cancellationToken);

    public Task EraseAsync(string userId, CancellationToken cancellationToken = default) =>
        table.EraseUserItemsAsync(userId, [ItemKeys.ImportPrefix, ItemKeys.ImportPartPrefix, ItemKeys.ImportMappingPrefix], cancellationToken);

    private static ImportRecord ToRecord(Dictionary<string, AttributeValue> item) => new(
        String(item, Attr.Id),
        String(item, Attr.FileName),
        Parse(String(item, Attr.CreatedAt)),
        (int)Long(item, Attr.ExpenseCount),
        item.TryGetValue(Attr.UndoneAt, out var undone) ? Parse(undone.S) : null);

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string at) => DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
