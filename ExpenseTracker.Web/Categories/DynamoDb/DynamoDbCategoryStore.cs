using System.Security.Cryptography;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ExpenseTracker.Web.Storage.DynamoDb;
using static ExpenseTracker.Web.Storage.DynamoDb.AttributeValues;

namespace ExpenseTracker.Web.Categories.DynamoDb;

/// <summary>
/// A user's own categories. Each has a name-reservation item (CATEGORYNAME#{NAME IN UPPER CASE}) written in the
/// same transaction, which makes names unique per user ignoring case; a delete checks the category's usage item
/// (kept by the expense writes) in its transaction, so no expense can be left pointing at a deleted category
/// by a delete racing an edit.
/// </summary>
public sealed class DynamoDbCategoryStore(AppTable table) : ICategoryStore
{
    // A rename or delete whose read went stale (a rename in between) reads again this many times.
    private const int Attempts = 3;

    private const int MaxNameLength = 200;

    public Task<IReadOnlyList<Category>> ListCustomAsync(string userId, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ItemChecks.CheckUserId(userId);
            var items = await table.Client.QueryByPrefixAsync(table.Name, ItemKeys.User(userId), ItemKeys.CategoryPrefix, cancellationToken);
            var categories = items.Select(item => new Category(String(item, Attr.Id), String(item, Attr.Name))).ToList();

            return (IReadOnlyList<Category>)categories.OrderBy(category => category.Name.ToUpperInvariant(), StringComparer.Ordinal).ToList();
        }, cancellationToken);

    public async Task<Category> AddAsync(string userId, string name, CancellationToken cancellationToken = default)
    {
        var category = new Category("c" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), name);
        await RestoreAsync(userId, category, cancellationToken);
        return category;
    }

    public Task RestoreAsync(string userId, Category category, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ItemChecks.CheckUserId(userId);
            CheckName(category.Name);
            if (!ItemChecks.IsKeyPart(category.Id))
            {
                throw new InvalidValueException("The category id is empty, too long or has characters that cannot be stored.");
            }

            List<TransactWriteItem> writes =
            [
                new TransactWriteItem { Put = New(userId, ItemKeys.Category(category.Id), "Category", category) },
                new TransactWriteItem { Put = New(userId, ItemKeys.CategoryName(category.Name), "CategoryName", category) },
            ];
            var failed = await DynamoDbCalls.TransactAsync(table.Client, writes, cancellationToken);
            if (failed is not null)
            {
                throw DynamoDbCalls.Failed(failed, 1) ? Duplicate(category.Name) : new DuplicateNameException($"A category with the id \"{category.Id}\" already exists.");
            }
        }, cancellationToken);

    public Task<Category> RenameAsync(string userId, string id, string name, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ItemChecks.CheckUserId(userId);
            CheckName(name);
            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                var oldName = await ReadNameAsync(userId, id, cancellationToken) ?? throw Missing();
                var renamed = new Category(id, name);
                var sameKey = ItemKeys.CategoryName(oldName) == ItemKeys.CategoryName(name);
                List<TransactWriteItem> writes =
                [
                    new TransactWriteItem { Put = Replace(userId, ItemKeys.Category(id), "Category", renamed, Attr.Name, oldName) },
                    sameKey
                        ? new TransactWriteItem { Put = Replace(userId, ItemKeys.CategoryName(name), "CategoryName", renamed, Attr.Id, id) }
                        : new TransactWriteItem { Put = New(userId, ItemKeys.CategoryName(name), "CategoryName", renamed) },
                ];
                if (!sameKey)
                {
                    writes.Add(new TransactWriteItem { Delete = ReleaseName(userId, id, oldName) });
                }

                var failed = await DynamoDbCalls.TransactAsync(table.Client, writes, cancellationToken);
                if (failed is null)
                {
                    return renamed;
                }

                if (!sameKey && DynamoDbCalls.Failed(failed, 1))
                {
                    throw Duplicate(name);
                }
            }

            throw new ConcurrencyConflictException("This category kept changing while it was being renamed. Reload and try again.");
        }, cancellationToken);

    public Task DeleteAsync(string userId, string id, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ItemChecks.CheckUserId(userId);
            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                var name = await ReadNameAsync(userId, id, cancellationToken) ?? throw Missing();
                List<TransactWriteItem> writes =
                [
                    new TransactWriteItem { Delete = table.DeleteIf(Key(userId, ItemKeys.Category(id)), Attr.Name, S(name)) },
                    new TransactWriteItem { Delete = ReleaseName(userId, id, name) },
                    new TransactWriteItem
                    {
                        ConditionCheck = new ConditionCheck
                        {
                            TableName = table.Name,
                            Key = Key(userId, ItemKeys.CategoryUsage(id)),
                            ConditionExpression = "attribute_not_exists(#count) OR #count <= :zero",
                            ExpressionAttributeNames = new() { ["#count"] = Attr.ExpenseCount },
                            ExpressionAttributeValues = new() { [":zero"] = N(0) },
                            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
                        },
                    },
                ];
                var failed = await DynamoDbCalls.TransactAsync(table.Client, writes, cancellationToken);
                if (failed is null)
                {
                    return;
                }

                if (DynamoDbCalls.Failed(failed, 2))
                {
                    var used = failed[2].Item is { } usage ? (int)Long(usage, Attr.ExpenseCount) : 1;
                    throw new CategoryInUseException(name, used);
                }
            }

            throw new ConcurrencyConflictException("This category kept changing while it was being deleted. Reload and try again.");
        }, cancellationToken);

    /// <summary>The categories and the reservations of their names.</summary>
    public Task EraseAsync(string userId, CancellationToken cancellationToken = default) =>
        table.EraseUserItemsAsync(userId, [ItemKeys.CategoryPrefix, ItemKeys.CategoryNamePrefix], cancellationToken);

    private static void CheckName(string name)
    {
        if (name.Trim().Length == 0 || name.Length > MaxNameLength || name.Any(char.IsControl) || !ItemChecks.IsWellFormed(name))
        {
            throw new InvalidValueException("A category name must be 1 to 200 characters without control characters or broken characters.");
        }
    }

    private static DuplicateNameException Duplicate(string name) => new($"You already have a category called \"{name}\".");

    private static NotFoundException Missing() => new("That category does not exist.");

    private async Task<string?> ReadNameAsync(string userId, string id, CancellationToken cancellationToken)
    {
        if (!ItemChecks.IsPlausibleId(id))
        {
            return null;
        }

        var response = await table.Client.GetItemAsync(
            new GetItemRequest { TableName = table.Name, Key = Key(userId, ItemKeys.Category(id)), ConsistentRead = true },
            cancellationToken);
        return response.Item is { Count: > 0 } item ? String(item, Attr.Name) : null;
    }

    private Put New(string userId, string sortKey, string type, Category category) => table.PutNew(CategoryItem(userId, sortKey, type, category));

    /// <summary>Overwrites an item only while <paramref name="attribute"/> still holds <paramref name="expected"/>.</summary>
    private Put Replace(string userId, string sortKey, string type, Category category, string attribute, string expected) =>
        table.PutIf(CategoryItem(userId, sortKey, type, category), attribute, S(expected));

    /// <summary>Frees a name for other categories, if it is still this category's.</summary>
    private Delete ReleaseName(string userId, string id, string name) => table.DeleteIf(Key(userId, ItemKeys.CategoryName(name)), Attr.Id, S(id));

    private static Dictionary<string, AttributeValue> CategoryItem(string userId, string sortKey, string type, Category category)
    {
        var item = Key(userId, sortKey);
        item[Attr.Type] = S(type);
        item[Attr.Id] = S(category.Id);
        item[Attr.Name] = S(category.Name);
        return item;
    }
}
