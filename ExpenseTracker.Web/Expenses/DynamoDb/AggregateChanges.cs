using Amazon.DynamoDBv2.Model;
using ExpenseTracker.Web.Budgets;
using ExpenseTracker.Web.Storage.DynamoDb;
using static ExpenseTracker.Web.Storage.DynamoDb.AttributeValues;

namespace ExpenseTracker.Web.Expenses.DynamoDb;

/// <summary>
/// The net change a write makes to the aggregate items: per day and category, per tag, day and category (the same
/// totals as SQLite's daily_totals and daily_tag_totals), per day, per month and category, per tag, month and category
/// (SQLite's day_totals, monthly_category_totals and monthly_tag_totals), the category usage counts, and the month
/// and grand totals that budgets are checked against. Changes to one item are summed first, because one transaction may
/// touch an item only once; items whose change nets to zero are left alone.
/// </summary>
internal sealed class AggregateChanges
{
    private readonly Dictionary<string, Change> changes = new(StringComparer.Ordinal);

    /// <summary>How many items these changes write.</summary>
    public int Count => changes.Values.Count(change => !change.IsZero);

    /// <summary>The net change of each month's total, in paise ("2026-11" → +25000), for <see cref="BudgetCrossings"/>.</summary>
    public IReadOnlyDictionary<string, long> MonthlyChanges =>
        changes.Values.Where(change => change.Target.Kind == Kind.MonthTotal).ToDictionary(change => change.Target.Month!, change => change.Paise, StringComparer.Ordinal);

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

    /// <summary>How many months these changes touch once <paramref name="expense"/> is added: each may record one alert.</summary>
    public int MonthsWith(Expense expense) =>
        changes.Values.Count(change => change.Target.Kind == Kind.MonthTotal)
        + (changes.ContainsKey(ItemKeys.MonthTotal(BudgetSettings.MonthKey(expense.Date))) ? 0 : 1);

    /// <summary>
    /// The updates, each an ADD (which creates a missing item at zero, so the first expense of a day needs no read).
    /// A total named in <paramref name="expectedTotals"/> is written only if its amount is still the one read
    /// (null: only if it still does not exist), which serialises the writes that check one budget period.
    /// </summary>
    public IEnumerable<TransactWriteItem> ToWrites(string tableName, string userId, IReadOnlyDictionary<string, long?>? expectedTotals = null) =>
        changes.Values.Where(change => !change.IsZero).Select(change => new TransactWriteItem
        {
            Update = change.ToUpdate(tableName, userId, expectedTotals is not null && expectedTotals.TryGetValue(change.Target.SortKey, out var expected) ? new Expected(expected) : null),
        });

    private static IEnumerable<Target> TargetsOf(Expense expense)
    {
        var month = BudgetSettings.MonthKey(expense.Date);
        yield return new Target(Kind.DailyTotal, ItemKeys.DailyTotal(expense.Date, expense.CategoryId), expense.Date, expense.CategoryId, null, null);
        yield return new Target(Kind.DayTotal, ItemKeys.DayTotal(expense.Date), expense.Date, null, null, null);
        yield return new Target(Kind.MonthCategoryTotal, ItemKeys.MonthCategoryTotal(month, expense.CategoryId), null, expense.CategoryId, null, month);
        foreach (var tag in expense.Tags)
        {
            yield return new Target(Kind.TagTotal, ItemKeys.TagTotal(tag, expense.Date, expense.CategoryId), expense.Date, expense.CategoryId, tag, null);
            yield return new Target(Kind.TagMonthTotal, ItemKeys.TagMonthTotal(tag, month, expense.CategoryId), null, expense.CategoryId, tag, month);
        }

        yield return new Target(Kind.CategoryUsage, ItemKeys.CategoryUsage(expense.CategoryId), null, expense.CategoryId, null, null);
        yield return new Target(Kind.MonthTotal, ItemKeys.MonthTotal(month), null, null, null, month);
        yield return new Target(Kind.GrandTotal, ItemKeys.GrandTotal, null, null, null, null);
    }

    /// <summary>The names double as the items' Type attribute.</summary>
    private enum Kind
    {
        DailyTotal,
        DayTotal,
        MonthCategoryTotal,
        TagTotal,
        TagMonthTotal,
        CategoryUsage,
        MonthTotal,
        GrandTotal,
    }

    private sealed record Target(Kind Kind, string SortKey, DateOnly? Date, string? CategoryId, string? Tag, string? Month);

    /// <summary>The amount a total must still have for the write to go ahead; null: it must not exist yet.</summary>
    private sealed record Expected(long? Paise);

    private sealed record Change(Target Target, long Count, long Paise)
    {
        public bool IsZero => Count == 0 && Paise == 0;

        public Update ToUpdate(string tableName, string userId, Expected? expected)
        {
            var names = new Dictionary<string, string> { ["#type"] = Attr.Type, ["#count"] = Attr.ExpenseCount };
            var values = new Dictionary<string, AttributeValue> { [":type"] = S(Target.Kind.ToString()), [":count"] = N(Count) };
            var set = new List<string> { "#type = :type" };
            var add = new List<string> { "#count :count" };
            // What the item is about, written with every change so that a new item has it (ADD alone would not).
            void Describe(string placeholder, string attribute, string? value)
            {
                if (value is not null)
                {
                    names["#" + placeholder] = attribute;
                    values[":" + placeholder] = S(value);
                    set.Add($"#{placeholder} = :{placeholder}");
                }
            }

            Describe("category", Attr.CategoryId, Target.CategoryId);
            Describe("date", Attr.Date, Target.Date is { } date ? ItemKeys.Day(date) : null);
            Describe("tag", Attr.Tag, Target.Tag);
            Describe("month", Attr.Month, Target.Month);

            if (Target.Kind != Kind.CategoryUsage)
            {
                names["#amount"] = Attr.AmountPaise;
                values[":amount"] = N(Paise);
                add.Add("#amount :amount");
            }

            string? condition = null;
            if (expected?.Paise is { } before)
            {
                values[":before"] = N(before);
                condition = "#amount = :before";
            }
            else if (expected is not null)
            {
                names["#pk"] = DynamoDbTable.PartitionKey;
                condition = "attribute_not_exists(#pk)";
            }

            return new Update
            {
                TableName = tableName,
                Key = Key(userId, Target.SortKey),
                UpdateExpression = $"SET {string.Join(", ", set)} ADD {string.Join(", ", add)}",
                ConditionExpression = condition,
                ExpressionAttributeNames = names,
                ExpressionAttributeValues = values,
            };
        }
    }
}
