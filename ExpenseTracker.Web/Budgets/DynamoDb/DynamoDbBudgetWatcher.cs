using Amazon.DynamoDBv2.Model;
using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.Expenses.DynamoDb;
using ExpenseTracker.Web.Storage.DynamoDb;
using static ExpenseTracker.Web.Storage.DynamoDb.AttributeValues;

namespace ExpenseTracker.Web.Budgets.DynamoDb;

/// <summary>
/// Steps 2 to 6 of docs/alerts-dynamodb.md for every expense write: when a month's spending rose, read the budget and
/// the totals of the periods that rose, decide what crossed, leave out alerts already recorded, and guard the write on
/// which side of each line's crossing window those totals still are, so that two writes racing over one line cannot
/// both miss (or both record) its crossing, while writes far from every line do not hold each other up.
/// </summary>
public sealed class DynamoDbBudgetWatcher(AppTable table, BudgetAlerting alerting, TimeProvider time) : IDynamoDbSpendingWatcher
{
    /// <summary>The budget, those months' totals and the grand total (which an all-time budget checks), in one request.</summary>
    public IReadOnlyList<string> KeysToRead(IEnumerable<string> months) =>
        [ItemKeys.Budget, ItemKeys.GrandTotal, .. months.Select(ItemKeys.MonthTotal)];

    public async Task<SpendingWatch> PlanAsync(
        string userId,
        IReadOnlyDictionary<string, long> monthlyChanges,
        IReadOnlyDictionary<string, Dictionary<string, AttributeValue>>? read,
        CancellationToken cancellationToken)
    {
        // Only a rise can cross a line: a write that lowers every month reads nothing more.
        var risen = monthlyChanges.Where(change => change.Value > 0).Select(change => change.Key).ToList();
        if (risen.Count == 0)
        {
            return SpendingWatch.None;
        }

        read ??= await DynamoDbCalls.BatchGetAsync(table.Client, table.Name, userId, KeysToRead(risen), cancellationToken);
        var budget = DynamoDbBudgetStore.FromItem(read.GetValueOrDefault(ItemKeys.Budget)) ?? alerting.Defaults;
        var raised = BudgetCheck.RaisedPeriods(budget, monthlyChanges);
        var guards = new Dictionary<string, TotalGuard>(StringComparer.Ordinal);
        var before = new Dictionary<string, Money>(StringComparer.Ordinal);
        foreach (var (period, rise) in raised)
        {
            var sortKey = TotalOf(period);
            var paise = read.TryGetValue(sortKey, out var total) ? Long(total, Attr.AmountPaise) : 0;
            guards[sortKey] = TotalGuard.Of(BudgetCheck.CrossingWindows(budget, rise), paise);
            before[period] = new Money(paise);
        }

        // An alert already recorded (the total dropped below the line and rose again) is not recorded twice.
        var crossings = BudgetCheck.Crossings(budget, raised, before, time.GetUtcNow());
        var existing = await DynamoDbCalls.BatchGetAsync(table.Client, table.Name, userId, crossings.Select(AlertItem.SortKey), cancellationToken);
        var fresh = crossings.Where(alert => !existing.ContainsKey(AlertItem.SortKey(alert))).ToList();
        return new SpendingWatch(guards, [.. fresh.Select(alert => AlertItem.Record(table.Name, userId, alert))], fresh);
    }

    /// <summary>The total item a budget period is checked against: a month's, or the grand total for an all-time budget.</summary>
    private static string TotalOf(string period) => period == BudgetSettings.AllTimeKey ? ItemKeys.GrandTotal : ItemKeys.MonthTotal(period);
}
