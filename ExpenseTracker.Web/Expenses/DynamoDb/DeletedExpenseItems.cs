using Amazon.DynamoDBv2.Model;
using ExpenseTracker.Web.Storage.DynamoDb;
using static ExpenseTracker.Web.Storage.DynamoDb.AttributeValues;

namespace ExpenseTracker.Web.Expenses.DynamoDb;

/// <summary>
/// A deleted expense in the bin: the expense item under its own sort key (<see cref="ItemKeys.DeletedExpense"/>),
/// without the by-date index key, so that no list or total ever sees it, and with the time it was deleted.
/// </summary>
internal static class DeletedExpenseItems
{
    public static Dictionary<string, AttributeValue> FromExpenseItem(Dictionary<string, AttributeValue> expense, string id, string deletedAt)
    {
        var item = new Dictionary<string, AttributeValue>(expense)
        {
            [DynamoDbTable.SortKey] = S(ItemKeys.DeletedExpense(id)),
            [Attr.Type] = S("DeletedExpense"),
            [Attr.DeletedAt] = S(deletedAt),
        };
        item.Remove(DynamoDbTable.ByDateSortKey);
        return item;
    }

    /// <summary>Whether the item was deleted at or after <paramref name="instant"/> (stored as round-trip UTC text, whose order is time order).</summary>
    public static bool DeletedSince(Dictionary<string, AttributeValue> item, DateTimeOffset instant) =>
        DateTimeOffset.TryParse(String(item, Attr.DeletedAt), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var deletedAt)
        && deletedAt >= instant;

    /// <summary>A Delete, for a transaction, of the bin item only while it is the one that was read (not one a later delete put back).</summary>
    public static Delete RemoveIfUnchanged(AppTable table, string userId, Dictionary<string, AttributeValue> item) =>
        table.DeleteIf(Key(userId, String(item, DynamoDbTable.SortKey)), Attr.DeletedAt, item[Attr.DeletedAt]);
}
