using Amazon.DynamoDBv2.Model;
using ExpenseTracker.Web.Budgets;
using ExpenseTracker.Web.Storage.DynamoDb;
using static ExpenseTracker.Web.Storage.DynamoDb.AttributeValues;

namespace ExpenseTracker.Web.Expenses.DynamoDb;

/// <summary>
/// Expenses in the single table (see <see cref="ItemKeys"/>). Every write is one TransactWriteItems holding the expense,
/// the aggregate items it moves (<see cref="AggregateChanges"/>), so totals never read expenses, and what the budget
/// check adds (<see cref="IDynamoDbSpendingWatcher"/>, docs/alerts-dynamodb.md). Lists are descending Queries on the
/// by-date index (<see cref="DynamoDbExpenseQueries"/>); totals read the aggregates (<see cref="DynamoDbTotals"/>).
/// </summary>
public sealed partial class DynamoDbExpenseStore(AppTable table, TimeProvider time, IDynamoDbSpendingWatcher watcher) : IExpenseStore
{
    private const int DeleteAttempts = 3;

    /// <summary>
    /// How often a write is rebuilt because other writes moved a budget period's total into or out of one of its
    /// crossing windows since it was read: only writes near a line can lose that way, and each round lets at least
    /// one of them through. After that the write is refused as busy (nothing written, try again).
    /// </summary>
    public const int PeriodAttempts = 10;

    private readonly DynamoDbTotals totals = new(table);

    private readonly DynamoDbExpenseQueries queries = new(table);

    public Task<ExpenseWrite> AddAsync(string userId, ExpenseDraft draft, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ExpenseItems.Check(userId, draft);
            // Made once: a rebuilt transaction writes the same expense.
            var expense = NewExpense(draft);
            var put = PutNew(userId, expense, Now(time));
            var aggregates = new AggregateChanges();
            aggregates.Add(expense, +1);
            var alerts = await CommitAsync(
                async () =>
                {
                    var watch = await watcher.PlanAsync(userId, aggregates.MonthlyChanges, null, cancellationToken);
                    return new WatchedTransaction([put, .. aggregates.ToWrites(table.Name, userId, watch.Guards), .. watch.Writes], 1, watch.Alerts);
                },
                cancellationToken) ?? throw new InvalidOperationException($"A new expense id {expense.Id} was already taken.");
            return new ExpenseWrite(expense, alerts);
        }, cancellationToken);

    /// <summary>
    /// Checks every draft first, then writes them in transactions of up to 100 items, each holding some expenses,
    /// their aggregate changes and the alerts they raise, so totals always equal the stored expenses. A failure
    /// part-way leaves whole transactions written (DynamoDB has no transaction of 100,000 items). The transactions
    /// go one after another: every one of them moves the user's grand total, and side by side they would only
    /// cancel each other.
    /// </summary>
    public Task<ExpenseBatchWrite> AddManyAsync(
        string userId, IReadOnlyCollection<ExpenseDraft> drafts, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            foreach (var draft in drafts)
            {
                ExpenseItems.Check(userId, draft);
            }

            var alerts = new List<BudgetAlert>();
            var createdAt = Now(time);
            var added = drafts.Select(NewExpense).ToList();
            foreach (var batch in ExpenseBatch.Plan(userId, added, expense => PutNew(userId, expense, createdAt)))
            {
                var recorded = await CommitAsync(
                    async () =>
                    {
                        var watch = await watcher.PlanAsync(userId, batch.Aggregates.MonthlyChanges, null, cancellationToken);
                        return new WatchedTransaction(
                            [.. batch.Puts, .. batch.Aggregates.ToWrites(table.Name, userId, watch.Guards), .. watch.Writes], batch.Puts.Count, watch.Alerts);
                    },
                    cancellationToken) ?? throw new InvalidOperationException("A new expense id was already taken.");
                alerts.AddRange(recorded);
            }

            return new ExpenseBatchWrite(added, alerts);
        }, cancellationToken);

    public Task<Expense?> FindAsync(string userId, string id, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync<Expense?>(async () =>
        {
            ItemChecks.CheckUserId(userId);
            var item = await ReadAsync(userId, id, cancellationToken);
            return item is null ? null : ExpenseItems.ToExpense(item);
        }, cancellationToken);

    /// <summary>
    /// One read (the expense with the budget and the totals it may raise: only the new date's month, or the grand
    /// total) and one transaction: the Put on condition of the version read, the net aggregate changes, the alerts.
    /// </summary>
    public Task<ExpenseWrite> UpdateAsync(
        string userId, string id, int expectedVersion, ExpenseDraft draft, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ExpenseItems.Check(userId, draft);
            if (!ItemChecks.IsPlausibleId(id))
            {
                throw new NotFoundException("That expense does not exist.");
            }

            var expenseKey = ItemKeys.Expense(id);
            Expense? updated = null;
            var alerts = await CommitAsync(
                async () =>
                {
                    var items = await DynamoDbCalls.BatchGetAsync(
                        table.Client, table.Name, userId, [expenseKey, .. watcher.KeysToRead([BudgetSettings.MonthKey(draft.Date)])], cancellationToken);
                    var item = items.GetValueOrDefault(expenseKey) ?? throw new NotFoundException("That expense does not exist.");
                    var current = ExpenseItems.ToExpense(item);
                    if (current.Version != expectedVersion)
                    {
                        throw new ConcurrencyConflictException();
                    }

                    updated = new Expense(id, draft.Date, draft.Amount, draft.CategoryId, draft.Description, draft.Tags, current.Version + 1);
                    var aggregates = new AggregateChanges();
                    aggregates.Add(current, -1);
                    aggregates.Add(updated, +1);
                    var watch = await watcher.PlanAsync(userId, aggregates.MonthlyChanges, items, cancellationToken);
                    // The version we read: a write that slipped in since makes the whole transaction fail.
                    var put = new TransactWriteItem
                    {
                        Put = table.PutIf(ExpenseItems.ToItem(userId, updated, ExpenseItems.CreatedAtOf(item)), Attr.Version, N(current.Version)),
                    };
                    return new WatchedTransaction([put, .. aggregates.ToWrites(table.Name, userId, watch.Guards), .. watch.Writes], 1, watch.Alerts);
                },
                cancellationToken);
            if (alerts is null)
            {
                throw await ReadAsync(userId, id, cancellationToken) is null
                    ? new NotFoundException("That expense does not exist.")
                    : new ConcurrencyConflictException();
            }

            return new ExpenseWrite(updated!, alerts);
        }, cancellationToken);

    /// <summary>One transaction: the expense deleted on condition of the version read, its copy put in the bin, the totals lowered.</summary>
    public Task<Expense> DeleteAsync(string userId, string id, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ItemChecks.CheckUserId(userId);
            for (var attempt = 0; attempt < DeleteAttempts; attempt++)
            {
                var item = await ReadAsync(userId, id, cancellationToken) ?? throw new NotFoundException("That expense does not exist.");
                var current = ExpenseItems.ToExpense(item);
                var aggregates = new AggregateChanges();
                aggregates.Add(current, -1);
                List<TransactWriteItem> writes =
                [
                    // The totals are lowered by what we read; an edit since then means reading again.
                    new TransactWriteItem { Delete = table.DeleteIf(Key(userId, ItemKeys.Expense(id)), Attr.Version, N(current.Version)) },
                    new TransactWriteItem { Put = new Put { TableName = table.Name, Item = DeletedExpenseItems.FromExpenseItem(item, id, Now(time)) } },
                    .. aggregates.ToWrites(table.Name, userId),
                ];
                if (await DynamoDbCalls.TransactAsync(table.Client, writes, cancellationToken) is null)
                {
                    return current;
                }
            }

            throw new ConcurrencyConflictException("This expense kept changing while it was being deleted. Reload and try again.");
        }, cancellationToken);

    /// <summary>
    /// One read of the bin item, then the add's transaction (the expense, its totals, the budget check) with the bin item
    /// deleted on condition that it is still the one read, so two restores cannot both succeed.
    /// </summary>
    public Task<ExpenseWrite> RestoreAsync(string userId, string id, DateTimeOffset deletedSince, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ItemChecks.CheckUserId(userId);
            var item = await ReadAsync(userId, id, cancellationToken, ItemKeys.DeletedExpense);
            if (item is null || !DeletedExpenseItems.DeletedSince(item, deletedSince))
            {
                throw new NotFoundException(ExpenseBin.GoneMessage);
            }

            var deleted = ExpenseItems.ToExpense(item);
            var restored = deleted with { Version = deleted.Version + 1 };
            var put = PutNew(userId, restored, ExpenseItems.CreatedAtOf(item));
            var remove = new TransactWriteItem { Delete = DeletedExpenseItems.RemoveIfUnchanged(table, userId, item) };
            var aggregates = new AggregateChanges();
            aggregates.Add(restored, +1);
            var alerts = await CommitAsync(
                async () =>
                {
                    var watch = await watcher.PlanAsync(userId, aggregates.MonthlyChanges, null, cancellationToken);
                    return new WatchedTransaction([put, remove, .. aggregates.ToWrites(table.Name, userId, watch.Guards), .. watch.Writes], 2, watch.Alerts);
                },
                cancellationToken) ?? throw new NotFoundException(ExpenseBin.GoneMessage);
            return new ExpenseWrite(restored, alerts);
        }, cancellationToken);

    /// <summary>One Query of the user's bin (a few items at most), then a conditional delete of each expired one.</summary>
    public Task<IReadOnlyList<string>> PurgeDeletedAsync(string userId, DateTimeOffset deletedBefore, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ItemChecks.CheckUserId(userId);
            var bin = await table.Client.QueryByPrefixAsync(table.Name, ItemKeys.User(userId), ItemKeys.DeletedExpensePrefix, cancellationToken);
            var purged = new List<string>();
            foreach (var item in bin.Where(item => !DeletedExpenseItems.DeletedSince(item, deletedBefore)))
            {
                var delete = DeletedExpenseItems.RemoveIfUnchanged(table, userId, item);
                if (await DynamoDbCalls.TransactAsync(table.Client, [new TransactWriteItem { Delete = delete }], cancellationToken) is null)
                {
                    purged.Add(ExpenseItems.ToExpense(item).Id);
                }
            }

            return (IReadOnlyList<string>)purged;
        }, cancellationToken);

    /// <summary>One Query per page on the by-date index (see <see cref="DynamoDbExpenseQueries"/>).</summary>
    public Task<ExpensePage> ListAsync(string userId, ExpenseFilter filter, string? cursor, int pageSize, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(() =>
        {
            ItemChecks.CheckUserId(userId);
            return queries.ListAsync(userId, filter, cursor, pageSize, cancellationToken);
        }, cancellationToken);

    /// <summary>From the aggregate items, except for a text search: text is in no total, so that sums the matching expenses.</summary>
    public Task<ExpenseTotals> GetTotalsAsync(string userId, ExpenseFilter filter, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(() =>
        {
            ItemChecks.CheckUserId(userId);
            return filter.HasText ? queries.SumMatchingAsync(userId, filter, cancellationToken) : totals.SumAsync(userId, filter, cancellationToken);
        }, cancellationToken);

    /// <summary>Whole months from the monthly items, only the days of the months the range cuts (see <see cref="DynamoDbTotals"/>).</summary>
    public Task<IReadOnlyList<GroupTotal>> GetGroupedTotalsAsync(
        string userId, DateOnly from, DateOnly to, TotalsGrouping grouping, string? categoryId = null, string? tag = null,
        CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(() =>
        {
            ItemChecks.CheckUserId(userId);
            return totals.GroupAsync(userId, from, to, grouping, categoryId, tag, cancellationToken);
        }, cancellationToken);

    /// <summary>The expenses, every aggregate item their writes keep, and the bin.</summary>
    public Task EraseAsync(string userId, CancellationToken cancellationToken = default) =>
        table.EraseUserItemsAsync(userId, ItemKeys.ExpenseItemPrefixes, cancellationToken);

    private Expense NewExpense(ExpenseDraft draft) =>
        new(Guid.CreateVersion7(time.GetUtcNow()).ToString("N"), draft.Date, draft.Amount, draft.CategoryId, draft.Description, draft.Tags, 1);

    private TransactWriteItem PutNew(string userId, Expense expense, string createdAt) =>
        new() { Put = table.PutNew(ExpenseItems.ToItem(userId, expense, createdAt)) };

    /// <summary>The expense item (or, with <paramref name="sortKey"/>, another item of this expense, such as its bin copy).</summary>
    private async Task<Dictionary<string, AttributeValue>?> ReadAsync(
        string userId, string id, CancellationToken cancellationToken, Func<string, string>? sortKey = null)
    {
        if (!ItemChecks.IsPlausibleId(id))
        {
            return null;
        }

        var response = await table.Client.GetItemAsync(
            new GetItemRequest { TableName = table.Name, Key = Key(userId, (sortKey ?? ItemKeys.Expense)(id)), ConsistentRead = true },
            cancellationToken);
        return response.Item is { Count: > 0 } item ? item : null;
    }

    /// <summary>
    /// Sends the transaction <paramref name="build"/> makes (reading fresh totals each time) until it commits, and
    /// returns the alerts it recorded. A failed guard on a budget period's total means other writes moved that total
    /// across a crossing window's edge since it was read: build again. Returns null when a condition on one of the first
    /// <see cref="WatchedTransaction.ExpenseWrites"/> writes (the expenses themselves) failed instead.
    /// </summary>
    private async Task<IReadOnlyList<BudgetAlert>?> CommitAsync(Func<Task<WatchedTransaction>> build, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < PeriodAttempts; attempt++)
        {
            var transaction = await build();
            var failed = await DynamoDbCalls.TransactAsync(table.Client, transaction.Writes, cancellationToken);
            if (failed is null)
            {
                return transaction.Alerts;
            }

            if (Enumerable.Range(0, transaction.ExpenseWrites).Any(index => DynamoDbCalls.Failed(failed, index)))
            {
                return null;
            }

            // Writes that lost the race wait a random while, so they do not all read and collide again at once.
            await Task.Delay(DynamoDbCalls.Backoff(attempt), cancellationToken);
        }

        throw new StoreBusyException(DynamoDbCalls.BusyMessage);
    }

    /// <summary>One attempt of a write: its transaction, how many of its first writes are the expenses themselves, and the alerts the watch records.</summary>
    private sealed record WatchedTransaction(List<TransactWriteItem> Writes, int ExpenseWrites, IReadOnlyList<BudgetAlert> Alerts);
}
