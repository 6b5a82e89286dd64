using Amazon.DynamoDBv2.Model;
using ExpenseTracker.Web.Budgets;
using ExpenseTracker.Web.Storage.DynamoDb;
using static ExpenseTracker.Web.Storage.DynamoDb.AttributeValues;

namespace ExpenseTracker.Web.Expenses.DynamoDb;

/// <summary>
/// Reads the aggregate items that <see cref="AggregateChanges"/> keeps. A range is read as <see cref="TotalsRange"/>
/// plans it: whole months from the monthly items and only the days of a month the range cuts, so what a total or a
/// summary reads depends on its range, not on how many expenses the user has; each part is one Query, sent together.
/// </summary>
internal sealed class DynamoDbTotals(AppTable table)
{
    /// <summary>The count and sum of the expenses in a filter's dates, category and tag (not its text: no item holds that).</summary>
    public async Task<ExpenseTotals> SumAsync(string userId, ExpenseFilter filter, CancellationToken cancellationToken)
    {
        if (Items(filter.CategoryId, filter.Tag, perCategory: false) is not { } items)
        {
            return ExpenseTotals.Empty;
        }

        var totals = await ReadAsync(userId, items, TotalsRange.Split(filter.From, filter.To), filter.CategoryId, cancellationToken);
        return new ExpenseTotals((int)totals.Sum(total => total.Count), new Money(totals.Sum(total => total.Paise)));
    }

    /// <summary>The totals in [from, to] summed per category, day or month, in no particular order.</summary>
    public async Task<IReadOnlyList<GroupTotal>> GroupAsync(
        string userId, DateOnly from, DateOnly to, TotalsGrouping grouping, string? categoryId, string? tag, CancellationToken cancellationToken)
    {
        if (Items(categoryId, tag, perCategory: grouping == TotalsGrouping.Category) is not { } items)
        {
            return [];
        }

        // Days are read as days; a day total is never a month less its other days.
        IReadOnlyList<TotalsRangePart> parts = grouping == TotalsGrouping.Day ? [TotalsRangePart.Days(from, to)] : TotalsRange.Split(from, to);
        var totals = await ReadAsync(userId, items, parts, categoryId, cancellationToken);
        // Items of all categories carry no category; they are read only when the grouping is not by category.
        var signed = totals.Select(total => new DailyTotal(total.Period, total.CategoryId ?? "", (int)total.Count, new Money(total.Paise)));
        // A month read as its total less its days outside the range can leave a group with nothing in it.
        return [.. GroupTotal.Sum(signed, grouping).Where(group => group.Count != 0)];
    }

    /// <summary>
    /// Which items hold the totals asked for: those of one tag (per category), else per category when a category is
    /// asked for or the totals are grouped by category, else those of all categories (a day or a month is one item).
    /// Null when the tag cannot be stored, so no expense carries it.
    /// </summary>
    private static TotalItems? Items(string? categoryId, string? tag, bool perCategory)
    {
        if (tag is { Length: > 0 })
        {
            var normalized = Expenses.Tags.Normalize(tag);
            return normalized.Length == 0 || Expenses.Tags.Problem([normalized]) is not null || !ItemChecks.IsWellFormed(normalized)
                ? null
                : new TotalItems(ItemKeys.TagDayTotalPrefix(normalized), ItemKeys.TagMonthTotalPrefix(normalized));
        }

        return perCategory || categoryId is { Length: > 0 }
            ? new TotalItems(ItemKeys.DailyTotalPrefix, ItemKeys.MonthCategoryTotalPrefix)
            : new TotalItems(ItemKeys.DayTotalPrefix, ItemKeys.MonthTotalPrefix);
    }

    private async Task<List<StoredTotal>> ReadAsync(
        string userId, TotalItems items, IReadOnlyList<TotalsRangePart> parts, string? categoryId, CancellationToken cancellationToken)
    {
        // A range that ends before it starts has nothing, and DynamoDB refuses such a BETWEEN.
        var reads = await Task.WhenAll(parts.Where(part => part.First <= part.Last).Select(part => ReadPartAsync(userId, items, part, categoryId, cancellationToken)));
        return [.. reads.SelectMany(part => part)];
    }

    private async Task<List<StoredTotal>> ReadPartAsync(
        string userId, TotalItems items, TotalsRangePart part, string? categoryId, CancellationToken cancellationToken)
    {
        var (prefix, first, last) = part.WholeMonths
            ? (items.MonthPrefix, BudgetSettings.MonthKey(part.First), BudgetSettings.MonthKey(part.Last))
            : (items.DayPrefix, ItemKeys.Day(part.First), ItemKeys.Day(part.Last));
        var names = new Dictionary<string, string>
        {
            ["#pk"] = DynamoDbTable.PartitionKey,
            ["#sk"] = DynamoDbTable.SortKey,
            ["#date"] = Attr.Date,
            ["#month"] = Attr.Month,
            ["#category"] = Attr.CategoryId,
            ["#count"] = Attr.ExpenseCount,
            ["#amount"] = Attr.AmountPaise,
        };
        var values = new Dictionary<string, AttributeValue>
        {
            [":pk"] = S(ItemKeys.User(userId)),
            // Every key of a day or month continues after it with '#' or ends; '~' sorts after both.
            [":lower"] = S(prefix + first),
            [":upper"] = S(prefix + last + "~"),
            [":zero"] = N(0),
        };
        // Totals whose expenses all moved away stay behind at zero (ADD cannot delete); they are not totals.
        var filter = "#count > :zero";
        if (categoryId is { Length: > 0 })
        {
            values[":category"] = S(categoryId);
            filter += " AND #category = :category";
        }

        var query = new QueryRequest
        {
            TableName = table.Name,
            ConsistentRead = true,
            KeyConditionExpression = "#pk = :pk AND #sk BETWEEN :lower AND :upper",
            FilterExpression = filter,
            ProjectionExpression = "#date, #month, #category, #count, #amount",
            ExpressionAttributeNames = names,
            ExpressionAttributeValues = values,
        };
        var totals = new List<StoredTotal>();
        await foreach (var item in table.Client.QueryAllAsync(query, cancellationToken))
        {
            var period = part.WholeMonths ? ItemKeys.ParseDay(String(item, Attr.Month) + "-01") : ItemKeys.ParseDay(String(item, Attr.Date));
            var category = item.ContainsKey(Attr.CategoryId) ? String(item, Attr.CategoryId) : null;
            totals.Add(new StoredTotal(period, category, part.Sign * Long(item, Attr.ExpenseCount), part.Sign * Long(item, Attr.AmountPaise)));
        }

        return totals;
    }

    /// <summary>The sort key prefixes of a family of day items and of month items, each followed by the day or month.</summary>
    private sealed record TotalItems(string DayPrefix, string MonthPrefix);

    /// <summary>One item read, signed as its part of the range is: a day or the first day of a month, and its category if it has one.</summary>
    private sealed record StoredTotal(DateOnly Period, string? CategoryId, long Count, long Paise);
}
