using Amazon.DynamoDBv2.Model;
using ExpenseTracker.Web.Storage.DynamoDb;
using static ExpenseTracker.Web.Storage.DynamoDb.AttributeValues;

namespace ExpenseTracker.Web.Expenses.DynamoDb;

/// <summary>
/// The expense store's reads of the expenses themselves: a page of the list, and the sum of a text search (text is
/// in no total). Both query the by-date index of the user's partition.
/// </summary>
internal sealed class DynamoDbExpenseQueries(AppTable table)
{
    /// <summary>The most items one list Query reads (before filtering); a filtered list starts at a page and doubles.</summary>
    private const int MaxReadLimit = 1000;

    /// <summary>
    /// One Query per page when only dates narrow the list (they are the index's key). Category, tag and text are
    /// filters DynamoDB applies after reading, so a page may take several Queries, each reading twice as many
    /// items as the last, until the page is full or the user's expenses run out. A cursor, and each Query after
    /// the first, narrows the key range rather than passing a start key: the same reads in DynamoDB, but
    /// DynamoDB Local resumes from a start key in time that grows with the partition (the benchmark's "Load
    /// more" grew twelvefold from 1,000 to 100,000 expenses).
    /// </summary>
    public async Task<ExpensePage> ListAsync(string userId, ExpenseFilter filter, string? cursor, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var (lower, upper) = ItemKeys.ExpensesBetween(filter.From, filter.To);
        if (cursor is not null)
        {
            var (date, id) = ListCursor.Decode(cursor);
            if (!ItemChecks.IsPlausibleId(id))
            {
                throw new InvalidCursorException();
            }

            var position = ItemKeys.ExpenseByDate(date, id);
            if (string.CompareOrdinal(position, lower) < 0)
            {
                // The cursor is past the oldest date asked for: nothing follows it.
                return new ExpensePage([], null);
            }

            // A cursor above the range (the filter changed) starts at the range's top, as SQLite's keyset does.
            if (string.CompareOrdinal(position, upper) < 0)
            {
                upper = ItemKeys.ExpensesBefore(position);
            }
        }

        var query = ExpenseQuery(userId, filter, lower, upper);
        // One more than a page tells whether another page follows without asking again.
        query.Limit = (int)Math.Min(pageSize + 1L, MaxReadLimit);
        var items = new List<Dictionary<string, AttributeValue>>();
        while (true)
        {
            var response = await table.Client.QueryAsync(query, cancellationToken);
            items.AddRange(response.Items ?? []);
            if (items.Count > pageSize || response.LastEvaluatedKey is not { Count: > 0 })
            {
                break;
            }

            query.ExpressionAttributeValues[":upper"] = S(ItemKeys.ExpensesBefore(response.LastEvaluatedKey[DynamoDbTable.ByDateSortKey].S));
            query.Limit = (int)Math.Min(2L * query.Limit.Value, MaxReadLimit);
        }

        var page = items.Take(pageSize).Select(ExpenseItems.ToExpense).ToList();
        var next = items.Count > pageSize ? ListCursor.Encode(page[^1].Date, page[^1].Id) : null;
        return new ExpensePage(page, next);
    }

    /// <summary>The count and sum of the expenses matching a filter with text, reading every expense in its date range.</summary>
    public async Task<ExpenseTotals> SumMatchingAsync(string userId, ExpenseFilter filter, CancellationToken cancellationToken)
    {
        var (lower, upper) = ItemKeys.ExpensesBetween(filter.From, filter.To);
        var query = ExpenseQuery(userId, filter, lower, upper);
        query.ProjectionExpression = "#amount";
        query.ExpressionAttributeNames["#amount"] = Attr.AmountPaise;
        var (count, paise) = (0, 0L);
        await foreach (var item in table.Client.QueryAllAsync(query, cancellationToken))
        {
            count++;
            paise += Long(item, Attr.AmountPaise);
        }

        return new ExpenseTotals(count, new Money(paise));
    }

    /// <summary>The user's expenses between two by-date keys, newest first, with the filters DynamoDB applies after reading.</summary>
    private QueryRequest ExpenseQuery(string userId, ExpenseFilter filter, string lower, string upper)
    {
        var names = new Dictionary<string, string> { ["#pk"] = DynamoDbTable.PartitionKey, ["#bydate"] = DynamoDbTable.ByDateSortKey };
        var values = new Dictionary<string, AttributeValue>
        {
            [":pk"] = S(ItemKeys.User(userId)),
            [":lower"] = S(lower),
            [":upper"] = S(upper),
        };
        var conditions = new List<string>();
        if (filter.CategoryId is { Length: > 0 } categoryId)
        {
            names["#category"] = Attr.CategoryId;
            values[":category"] = S(categoryId);
            conditions.Add("#category = :category");
        }

        if (filter.Tag is { Length: > 0 } tag)
        {
            names["#tags"] = Attr.Tags;
            values[":tag"] = S(Expenses.Tags.Normalize(tag));
            conditions.Add("contains(#tags, :tag)");
        }

        if (filter.HasText)
        {
            names["#search"] = Attr.DescriptionSearch;
            values[":text"] = S(ExpenseItems.SearchText(filter.Text!.Trim()));
            conditions.Add("contains(#search, :text)");
        }

        return new QueryRequest
        {
            TableName = table.Name,
            IndexName = DynamoDbTable.ByDateIndex,
            ConsistentRead = true,
            ScanIndexForward = false,
            KeyConditionExpression = "#pk = :pk AND #bydate BETWEEN :lower AND :upper",
            FilterExpression = conditions.Count > 0 ? string.Join(" AND ", conditions) : null,
            ExpressionAttributeNames = names,
            ExpressionAttributeValues = values,
        };
    }
}
