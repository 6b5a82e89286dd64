using Amazon.DynamoDBv2.Model;

namespace ExpenseTracker.Web.Expenses.DynamoDb;

/// <summary>Some of a batch of new expenses, with their aggregate changes: what one transaction of the bulk path writes.</summary>
internal sealed class ExpenseBatch
{
    public List<TransactWriteItem> Puts { get; } = [];

    public AggregateChanges Aggregates { get; } = new();

    public int Bytes { get; set; }

    /// <summary>DynamoDB's cap on the items of one transaction.</summary>
    private const int MaxTransactionItems = 100;

    /// <summary>Below the 4 MB cap on one transaction request, with room for the request's own overhead.</summary>
    private const int MaxTransactionBytes = 3_500_000;

    /// <summary>
    /// Groups new expenses into transactions: sorted by date and category so that neighbours share daily and
    /// month totals, a new transaction whenever 100 items (with room for one alert per month touched) or
    /// ~3.5 MB are reached. With a <paramref name="sign"/> of -1 the writes take expenses away (a bulk delete).
    /// </summary>
    public static List<ExpenseBatch> Plan(string userId, IEnumerable<Expense> expenses, Func<Expense, TransactWriteItem> put, int sign = +1)
    {
        var batches = new List<ExpenseBatch>();
        ExpenseBatch? current = null;
        foreach (var expense in expenses.OrderBy(expense => expense.Date).ThenBy(expense => expense.CategoryId, StringComparer.Ordinal))
        {
            var bytes = ExpenseItems.EstimateSize(userId, new ExpenseDraft(expense.Date, expense.Amount, expense.CategoryId, expense.Description, expense.Tags));
            if (current is null
                || current.Puts.Count + 1 + current.Aggregates.Count + current.Aggregates.NewItemsFor(expense) + current.Aggregates.MonthsWith(expense) > MaxTransactionItems
                || current.Bytes + bytes > MaxTransactionBytes)
            {
                current = new ExpenseBatch();
                batches.Add(current);
            }

            current.Puts.Add(put(expense));
            current.Aggregates.Add(expense, sign);
            current.Bytes += bytes;
        }

        return batches;
    }
}
