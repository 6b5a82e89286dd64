using Amazon.DynamoDBv2.Model;
using ExpenseTracker.Web.Storage.DynamoDb;
using static ExpenseTracker.Web.Storage.DynamoDb.AttributeValues;

namespace ExpenseTracker.Web.Accounts.DynamoDb;

/// <summary>
/// Personal access tokens: one item in the owner's partition (TOKEN#{id}, for listing) and one in a partition of
/// the secret's hash (TOKENHASH#{hash}, for the bearer look-up), written and removed together in one transaction.
/// The look-up reads strongly consistent, so a revoked token stops working at once.
/// </summary>
public sealed class DynamoDbAccessTokenStore(AppTable table) : IAccessTokenStore
{
    public Task AddAsync(string userId, AccessToken token, string secretHash, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ItemChecks.CheckUserId(userId);
            var item = Key(userId, ItemKeys.Token(token.Id));
            item[Attr.Type] = S("AccessToken");
            item[Attr.Id] = S(token.Id);
            item[Attr.Name] = S(token.Name);
            item[Attr.CreatedAt] = S(DynamoDbAccountStore.Format(token.CreatedAt));
            item[Attr.SecretHash] = S(secretHash);
            var lookup = HashKey(secretHash);
            lookup[Attr.Type] = S("AccessTokenHash");
            lookup[Attr.UserId] = S(userId);
            lookup[Attr.Id] = S(token.Id);
            List<TransactWriteItem> writes = [new TransactWriteItem { Put = table.PutNew(item) }, new TransactWriteItem { Put = table.PutNew(lookup) }];
            if (await DynamoDbCalls.TransactAsync(table.Client, writes, cancellationToken) is not null)
            {
                throw new InvalidOperationException($"A new token id {token.Id} or its secret was already taken.");
            }
        }, cancellationToken);

    public Task<IReadOnlyList<AccessToken>> ListAsync(string userId, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ItemChecks.CheckUserId(userId);
            var tokens = (await QueryTokensAsync(userId, cancellationToken))
                .Select(item => new AccessToken(String(item, Attr.Id), String(item, Attr.Name), DynamoDbAccountStore.Parse(String(item, Attr.CreatedAt))));
            return (IReadOnlyList<AccessToken>)tokens.OrderBy(token => token.CreatedAt).ThenBy(token => token.Id, StringComparer.Ordinal).ToList();
        }, cancellationToken);

    public Task RevokeAsync(string userId, string id, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ItemChecks.CheckUserId(userId);
            if (!ItemChecks.IsPlausibleId(id))
            {
                throw Missing();
            }

            var response = await table.Client.GetItemAsync(
                new GetItemRequest { TableName = table.Name, Key = Key(userId, ItemKeys.Token(id)), ConsistentRead = true }, cancellationToken);
            if (response.Item is not { Count: > 0 } item)
            {
                throw Missing();
            }

            List<TransactWriteItem> writes =
            [
                // Only while the token is still there: two revokes at once delete it once.
                new TransactWriteItem { Delete = table.DeleteIf(Key(userId, ItemKeys.Token(id)), Attr.Id, S(id)) },
                new TransactWriteItem { Delete = new Delete { TableName = table.Name, Key = HashKey(String(item, Attr.SecretHash)) } },
            ];
            if (await DynamoDbCalls.TransactAsync(table.Client, writes, cancellationToken) is not null)
            {
                // Revoked by another request in between.
                throw Missing();
            }
        }, cancellationToken);

    public Task<string?> FindUserIdAsync(string secretHash, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            var response = await table.Client.GetItemAsync(
                new GetItemRequest { TableName = table.Name, Key = HashKey(secretHash), ConsistentRead = true }, cancellationToken);
            return response.Item is { Count: > 0 } item ? String(item, Attr.UserId) : null;
        }, cancellationToken);

    /// <summary>The hash items go first: if the erasure stops halfway, a token item left behind still leads to them on the next run.</summary>
    public Task EraseAsync(string userId, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ItemChecks.CheckUserId(userId);
            var tokens = await QueryTokensAsync(userId, cancellationToken);
            await table.DeleteAsync(tokens.Select(token => HashKey(String(token, Attr.SecretHash))), cancellationToken);
            await table.DeleteAsync(tokens.Select(token => Key(userId, String(token, DynamoDbTable.SortKey))), cancellationToken);
        }, cancellationToken);

    private static NotFoundException Missing() => new("That token does not exist.");

    private Task<List<Dictionary<string, AttributeValue>>> QueryTokensAsync(string userId, CancellationToken cancellationToken) =>
        table.Client.QueryByPrefixAsync(table.Name, ItemKeys.User(userId), ItemKeys.TokenPrefix, cancellationToken);


    private static Dictionary<string, AttributeValue> HashKey(string secretHash) => new()
    {
        [DynamoDbTable.PartitionKey] = S(ItemKeys.TokenHash(secretHash)),
        [DynamoDbTable.SortKey] = S(ItemKeys.TokenHashItem),
    };
}
