using Amazon.DynamoDBv2.Model;
using ExpenseTracker.Web.Expenses;
using static ExpenseTracker.Web.Storage.DynamoDb.AttributeValues;

namespace ExpenseTracker.Web.Storage.DynamoDb;

/// <summary>
/// The net change a write makes to the aggregate items: per day and category, per tag, day and category (the same
/// totals as SQLite's daily_totals and daily_tag_totals) and the category usage counts. Changes to one item are
/// summed first, because one transaction may touch an item only once; items whose change nets to zero are left alone.
/// </summary>
internal sealed class AggregateChanges
{
    private readonly Dictionary<string, Change> changes = new(StringComparer.Ordinal);

    /// <summary>How many items these changes write.</summary>
    public int Count => changes.Values.Count(change => !change.IsZero);

    public void Add(Expense expense, int sign)
    {
        foreach (var target in TargetsOf(expense))
        {
            var paise = target.Kind == Kind.CategoryUsage ? 0 : sign * expense.Amount.Paise;
            var existing = changes.GetValueOrDefault(target.SortKey, new Change(target, 0, 0));
            changes[target.SortKey] = existing with { Count = existing.Count + sign, Paise = existing.Paise + paise };
        }
    }

    /// <summary>How many items not yet touched adding <paramref name="expense"/> would touch.</summary>
    public int NewItemsFor(Expense expense) => TargetsOf(expense).Count(target => !changes.ContainsKey(target.SortKey));

    public IEnumerable<TransactWriteItem> ToWrites(string tableName, string userId) =>
        changes.Values.Where(change => !change.IsZero).Select(change => new TransactWriteItem { Update = change.ToUpdate(tableName, userId) });

    private static IEnumerable<Target> TargetsOf(Expense expense)
    {
        yield return new Target(Kind.DailyTotal, ItemKeys.DailyTotal(expense.Date, expense.CategoryId), expense.Date, expense.CategoryId, null);
        foreach (var tag in expense.Tags)
        {
            yield return new Target(Kind.TagTotal, ItemKeys.TagTotal(tag, expense.Date, expense.CategoryId), expense.Date, expense.CategoryId, tag);
        }

        yield return new Target(Kind.CategoryUsage, ItemKeys.CategoryUsage(expense.CategoryId), null, expense.CategoryId, null);
    }

    private enum Kind
    {
        DailyTotal,
        TagTotal,
        CategoryUsage,
    }

    private sealed record Target(Kind Kind, string SortKey, DateOnly? Date, string CategoryId, string? Tag);

    private sealed record Change(Target Target, long Count, long Paise)
    {
        public bool IsZero => Count == 0 && Paise == 0;

        // ADD creates the item at zero when it is missing, so the first expense of a day needs no read.
        public Update ToUpdate(string tableName, string userId)
        {
            var names = new Dictionary<string, string>
            {
                ["#type"] = Attr.Type,
                ["#category"] = Attr.CategoryId,
                ["#count"] = Attr.ExpenseCount,
            };
            var values = new Dictionary<string, AttributeValue>
            {
                [":type"] = S(Target.Kind.ToString()),
                [":category"] = S(Target.CategoryId),
                [":count"] = N(Count),
            };
            var set = new List<string> { "#type = :type", "#category = :category" };
            var add = new List<string> { "#count :count" };
            if (Target.Kind != Kind.CategoryUsage)
            {
                names["#date"] = Attr.Date;
                names["#amount"] = Attr.AmountPaise;
                values[":date"] = S(ItemKeys.Day(Target.Date!.Value));
                values[":amount"] = N(Paise);
                set.Add("#date = :date");
                add.Add("#amount :amount");
            }

            if (Target.Tag is { } tag)
            {
                names["#tag"] = Attr.Tag;
                values[":tag"] = S(tag);
                set.Add("#tag = :tag");
            }

            return new Update
            {
                TableName = tableName,
                Key = Key(userId, Target.SortKey),
                UpdateExpression = $"SET {string.Join(", ", set)} ADD {string.Join(", ", add)}",
                ExpressionAttributeNames = names,
                ExpressionAttributeValues = values,
            };
        }
    }
}
