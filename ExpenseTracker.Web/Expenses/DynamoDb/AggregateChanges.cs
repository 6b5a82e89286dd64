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
    /// A total named in <paramref name="guards"/> is written only if its amount still passes the guard (a missing
    /// item counts as zero).
    /// </summary>
    public IEnumerable<TransactWriteItem> ToWrites(string tableName, string userId, IReadOnlyDictionary<string, TotalGuard>? guards = null) =>
        changes.Values.Where(change => !change.IsZero).Select(change => new TransactWriteItem
        {
            Update = change.ToUpdate(tableName, userId, guards?.GetValueOrDefault(change.Target.SortKey)),
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

    private sealed record Change(Target Target, long Count, long Paise)
    {
        public bool IsZero => Count == 0 && Paise == 0;

        public Update ToUpdate(string tableName, string userId, TotalGuard? guard)
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

            var condition = guard is null ? null : Condition(guard, values);
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

        /// <summary>
        /// The guard as a condition on the amount: in a window is <c>above &lt; amount &lt;= at most</c>, out of it the
        /// opposite. A missing amount fails every comparison, so it passes only where zero would, said explicitly.
        /// </summary>
        private static string? Condition(TotalGuard guard, Dictionary<string, AttributeValue> values)
        {
            var parts = new List<string>();
            foreach (var ((window, inside), index) in guard.Windows.Select((window, index) => (window, index)))
            {
                values[$":above{index}"] = N(window.Above);
                values[$":atMost{index}"] = N(window.AtMost);
                parts.Add(inside ? $"#amount > :above{index} AND #amount <= :atMost{index}" : $"#amount <= :above{index} OR #amount > :atMost{index}");
            }

            if (parts.Count == 0)
            {
                return null;
            }

            // DynamoDB refuses parentheses that add nothing, so each part is wrapped only when there are several.
            var onAmount = parts.Count == 1 ? parts[0] : string.Join(" AND ", parts.Select(part => $"({part})"));
            return guard.Admits(0) ? $"attribute_not_exists(#amount) OR ({onAmount})" : onAmount;
        }
    }
}
