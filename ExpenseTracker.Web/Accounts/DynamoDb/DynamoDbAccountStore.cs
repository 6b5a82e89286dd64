using Amazon.DynamoDBv2.Model;
using ExpenseTracker.Web.Storage.DynamoDb;
using static ExpenseTracker.Web.Storage.DynamoDb.AttributeValues;

namespace ExpenseTracker.Web.Accounts.DynamoDb;

/// <summary>
/// Accounts in partitions of their own (ACCOUNT#{id}), outside the users' data. An email item (EMAIL#{normalized})
/// reserves the address and points at the account; the ACCOUNTS/FIRST item records that an account exists. A new
/// account writes all three in one transaction, so the email check and the first-account check cannot race.
/// </summary>
public sealed class DynamoDbAccountStore(AppTable table) : IAccountStore
{
    // The positions of the writes in a create transaction, to read its cancellation reasons.
    private const int EmailWrite = 1;
    private const int FirstAccountWrite = 2;

    public Task<AccountCreation> CreateAsync(UserAccount account, bool onlyIfNoAccountExists, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            var emailItem = Item(ItemKeys.Email(account.NormalizedEmail), ItemKeys.EmailItem);
            emailItem[Attr.Type] = S("AccountEmail");
            emailItem[Attr.Id] = S(account.Id);
            var first = Item(ItemKeys.Accounts, ItemKeys.FirstAccount);
            List<TransactWriteItem> writes =
            [
                new TransactWriteItem { Put = table.PutNew(AccountItem(account)) },
                new TransactWriteItem { Put = table.PutNew(emailItem) },
                onlyIfNoAccountExists
                    ? new TransactWriteItem { Put = table.PutNew(FirstAccountItem(account.Id)) }
                    // Every registration marks that an account exists (first-user-only registration reads it);
                    // the first one's id stays.
                    : new TransactWriteItem
                    {
                        Update = new Update
                        {
                            TableName = table.Name,
                            Key = first,
                            UpdateExpression = "SET #type = :type, #id = if_not_exists(#id, :id)",
                            ExpressionAttributeNames = new() { ["#type"] = Attr.Type, ["#id"] = Attr.Id },
                            ExpressionAttributeValues = new() { [":type"] = S("FirstAccount"), [":id"] = S(account.Id) },
                        },
                    },
            ];
            var failed = await DynamoDbCalls.TransactAsync(table.Client, writes, cancellationToken);
            if (failed is null)
            {
                return AccountCreation.Created;
            }

            if (onlyIfNoAccountExists && DynamoDbCalls.Failed(failed, FirstAccountWrite))
            {
                return AccountCreation.NotFirstAccount;
            }

            return DynamoDbCalls.Failed(failed, EmailWrite)
                ? AccountCreation.EmailTaken
                : throw new InvalidOperationException($"A new account id {account.Id} was already taken.");
        }, cancellationToken);

    public Task<UserAccount?> FindByIdAsync(string id, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            var item = await GetAsync(ItemKeys.Account(id), ItemKeys.AccountItem, cancellationToken);
            return item is null ? null : ToAccount(item);
        }, cancellationToken);

    public Task<UserAccount?> FindByNormalizedEmailAsync(string normalizedEmail, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            var email = await GetAsync(ItemKeys.Email(normalizedEmail), ItemKeys.EmailItem, cancellationToken);
            if (email is null)
            {
                return null;
            }

            var item = await GetAsync(ItemKeys.Account(String(email, Attr.Id)), ItemKeys.AccountItem, cancellationToken);
            // A deletion halfway (account gone, email item not yet) finds nobody.
            return item is null || String(item, Attr.NormalizedEmail) != normalizedEmail ? null : ToAccount(item);
        }, cancellationToken);

    public Task<bool> AnyAsync(CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(
            async () => await GetAsync(ItemKeys.Accounts, ItemKeys.FirstAccount, cancellationToken) is not null, cancellationToken);

    public Task<bool> UpdateAsync(UserAccount account, string expectedConcurrencyStamp, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            var names = new Dictionary<string, string>
            {
                ["#hash"] = Attr.PasswordHash,
                ["#security"] = Attr.SecurityStamp,
                ["#stamp"] = Attr.ConcurrencyStamp,
                ["#lockoutEnd"] = Attr.LockoutEnd,
                ["#failed"] = Attr.AccessFailedCount,
                ["#lockout"] = Attr.LockoutEnabled,
            };
            var values = new Dictionary<string, AttributeValue>
            {
                [":security"] = S(account.SecurityStamp),
                [":stamp"] = S(account.ConcurrencyStamp),
                [":failed"] = N(account.AccessFailedCount),
                [":lockout"] = new AttributeValue { BOOL = account.LockoutEnabled },
                [":expected"] = S(expectedConcurrencyStamp),
            };
            var set = new List<string> { "#security = :security", "#stamp = :stamp", "#failed = :failed", "#lockout = :lockout" };
            var remove = new List<string>();
            if (account.PasswordHash is null)
            {
                remove.Add("#hash");
            }
            else
            {
                set.Add("#hash = :hash");
                values[":hash"] = S(account.PasswordHash);
            }

            if (account.LockoutEnd is { } lockoutEnd)
            {
                set.Add("#lockoutEnd = :lockoutEnd");
                values[":lockoutEnd"] = S(Format(lockoutEnd));
            }
            else
            {
                remove.Add("#lockoutEnd");
            }

            try
            {
                await table.Client.UpdateItemAsync(
                    new UpdateItemRequest
                    {
                        TableName = table.Name,
                        Key = Item(ItemKeys.Account(account.Id), ItemKeys.AccountItem),
                        UpdateExpression = "SET " + string.Join(", ", set) + (remove.Count > 0 ? " REMOVE " + string.Join(", ", remove) : ""),
                        // Fails for a missing account too: the attribute is absent there.
                        ConditionExpression = "#stamp = :expected",
                        ExpressionAttributeNames = names,
                        ExpressionAttributeValues = values,
                    },
                    cancellationToken);
                return true;
            }
            catch (ConditionalCheckFailedException)
            {
                return false;
            }
        }, cancellationToken);

    /// <summary>
    /// Removes the account and releases its email. The ACCOUNTS/FIRST item stays: with first-user-only registration,
    /// registration is over once the first account has existed, even if it is deleted later.
    /// </summary>
    public Task DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            var item = await GetAsync(ItemKeys.Account(id), ItemKeys.AccountItem, cancellationToken);
            if (item is null)
            {
                return;
            }

            List<TransactWriteItem> writes =
            [
                new TransactWriteItem { Delete = new Delete { TableName = table.Name, Key = Item(ItemKeys.Account(id), ItemKeys.AccountItem) } },
                new TransactWriteItem
                {
                    // Only this account's reservation: the address may already belong to someone who registered since.
                    Delete = new Delete
                    {
                        TableName = table.Name,
                        Key = Item(ItemKeys.Email(String(item, Attr.NormalizedEmail)), ItemKeys.EmailItem),
                        ConditionExpression = "attribute_not_exists(#id) OR #id = :id",
                        ExpressionAttributeNames = new() { ["#id"] = Attr.Id },
                        ExpressionAttributeValues = new() { [":id"] = S(id) },
                    },
                },
            ];
            var failed = await DynamoDbCalls.TransactAsync(table.Client, writes, cancellationToken);
            if (failed is not null)
            {
                // The email is someone else's already; the account alone goes.
                await table.Client.DeleteItemAsync(
                    new DeleteItemRequest { TableName = table.Name, Key = Item(ItemKeys.Account(id), ItemKeys.AccountItem) }, cancellationToken);
            }
        }, cancellationToken);

    private async Task<Dictionary<string, AttributeValue>?> GetAsync(string partitionKey, string sortKey, CancellationToken cancellationToken)
    {
        var response = await table.Client.GetItemAsync(
            new GetItemRequest { TableName = table.Name, Key = Item(partitionKey, sortKey), ConsistentRead = true }, cancellationToken);
        return response.Item is { Count: > 0 } item ? item : null;
    }


    private static Dictionary<string, AttributeValue> Item(string partitionKey, string sortKey) => new()
    {
        [DynamoDbTable.PartitionKey] = S(partitionKey),
        [DynamoDbTable.SortKey] = S(sortKey),
    };

    private static Dictionary<string, AttributeValue> FirstAccountItem(string id)
    {
        var item = Item(ItemKeys.Accounts, ItemKeys.FirstAccount);
        item[Attr.Type] = S("FirstAccount");
        item[Attr.Id] = S(id);
        return item;
    }

    private static Dictionary<string, AttributeValue> AccountItem(UserAccount account)
    {
        var item = Item(ItemKeys.Account(account.Id), ItemKeys.AccountItem);
        item[Attr.Type] = S("Account");
        item[Attr.Id] = S(account.Id);
        item[Attr.Email] = S(account.Email);
        item[Attr.NormalizedEmail] = S(account.NormalizedEmail);
        item[Attr.SecurityStamp] = S(account.SecurityStamp);
        item[Attr.ConcurrencyStamp] = S(account.ConcurrencyStamp);
        item[Attr.AccessFailedCount] = N(account.AccessFailedCount);
        item[Attr.LockoutEnabled] = new AttributeValue { BOOL = account.LockoutEnabled };
        item[Attr.CreatedAt] = S(Format(account.CreatedAt));
        if (account.PasswordHash is not null)
        {
            item[Attr.PasswordHash] = S(account.PasswordHash);
        }

        if (account.LockoutEnd is { } lockoutEnd)
        {
            item[Attr.LockoutEnd] = S(Format(lockoutEnd));
        }

        return item;
    }

    private static UserAccount ToAccount(Dictionary<string, AttributeValue> item) => new()
    {
        Id = String(item, Attr.Id),
        Email = String(item, Attr.Email),
        NormalizedEmail = String(item, Attr.NormalizedEmail),
        PasswordHash = item.ContainsKey(Attr.PasswordHash) ? String(item, Attr.PasswordHash) : null,
        SecurityStamp = String(item, Attr.SecurityStamp),
        ConcurrencyStamp = String(item, Attr.ConcurrencyStamp),
        LockoutEnd = item.ContainsKey(Attr.LockoutEnd) ? Parse(String(item, Attr.LockoutEnd)) : null,
        AccessFailedCount = (int)Long(item, Attr.AccessFailedCount),
        LockoutEnabled = item.TryGetValue(Attr.LockoutEnabled, out var lockout) && lockout.BOOL == true,
        CreatedAt = Parse(String(item, Attr.CreatedAt)),
    };

    internal static string Format(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    internal static DateTimeOffset Parse(string time) => DateTimeOffset.Parse(time, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
