using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ExpenseTracker.Web.Alerts;
using ExpenseTracker.Web.Expenses;
using static ExpenseTracker.Web.Storage.DynamoDb.AttributeValues;

namespace ExpenseTracker.Web.Storage.DynamoDb;

/// <summary>
/// Expenses in the single table (see <see cref="ItemKeys"/>). Every write is one TransactWriteItems that also
/// moves the aggregate items, so totals never read expenses; lists are one descending Query on the by-date index.
/// A write that raises a month's (or the grand) total also records the budget alerts it causes, in the same
/// transaction (docs/alerts-dynamodb.md); without <paramref name="alerting"/> (a store built outside the app)
/// the configured defaults apply.
/// </summary>
public sealed class DynamoDbExpenseStore(IAmazonDynamoDB client, string tableName, TimeProvider time, BudgetAlerting? alerting = null) : IExpenseStore
{
    /// <summary>DynamoDB's cap on the items of one transaction.</summary>
    private const int MaxTransactionItems = 100;

    /// <summary>Below the 4 MB cap on one transaction request, with room for the request's own overhead.</summary>
    private const int MaxTransactionBytes = 3_500_000;

    /// <summary>The most items one list Query reads (before filtering); a filtered list starts at a page and doubles.</summary>
    private const int MaxReadLimit = 1000;

    private const int DeleteAttempts = 3;

    /// <summary>
    /// How often a write is rebuilt because another write moved a budget period's total since it was read. Each round
    /// lets at least one of the writes racing for a month through, so this is also how many writes of one user to one
    /// month can race at once before the last of them is refused as unavailable (nothing written, try again).
    /// </summary>
    public const int PeriodAttempts = 10;

    private readonly BudgetAlerting alerting = alerting ?? BudgetAlerting.Standalone();

    private readonly DynamoDbTotals totals = new(client, tableName);

    public async Task<Expense> AddAsync(string userId, ExpenseDraft draft, CancellationToken cancellationToken = default) =>
        (await AddWithAlertsAsync(userId, draft, cancellationToken)).Expense;

    public Task<ExpenseWrite> AddWithAlertsAsync(string userId, ExpenseDraft draft, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ExpenseItems.Check(userId, draft);
            // Made once: a rebuilt transaction writes the same expense.
            var expense = NewExpense(draft);
            var put = PutNew(userId, expense, ExpenseItems.Now(time));
            var aggregates = new AggregateChanges();
            aggregates.Add(expense, +1);
            var alerts = await CommitAsync(
                async () =>
                {
                    var plan = await PlanAlertsAsync(userId, aggregates.MonthlyChanges, null, cancellationToken);
                    return new AlertedTransaction([put, .. aggregates.ToWrites(tableName, userId, plan.ExpectedTotals), .. plan.Writes], 1, plan.Alerts);
                },
                cancellationToken) ?? throw new InvalidOperationException($"A new expense id {expense.Id} was already taken.");
            return new ExpenseWrite(expense, alerts);
        }, cancellationToken);

    public Task AddManyAsync(string userId, IReadOnlyCollection<ExpenseDraft> drafts, CancellationToken cancellationToken = default) =>
        AddManyWithAlertsAsync(userId, drafts, cancellationToken);

    /// <summary>
    /// Checks every draft first, then writes them in transactions of up to 100 items, each holding some expenses,
    /// their aggregate changes and the alerts they raise, so totals always equal the stored expenses. A failure
    /// part-way leaves whole transactions written (DynamoDB has no transaction of 100,000 items). The transactions
    /// go one after another: every one of them moves the user's grand total, and side by side they would only
    /// cancel each other.
    /// </summary>
    public Task<IReadOnlyList<BudgetAlert>> AddManyWithAlertsAsync(
        string userId, IReadOnlyCollection<ExpenseDraft> drafts, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            foreach (var draft in drafts)
            {
                ExpenseItems.Check(userId, draft);
            }

            var alerts = new List<BudgetAlert>();
            foreach (var batch in PlanBulk(userId, drafts.Select(NewExpense), ExpenseItems.Now(time)))
            {
                var recorded = await CommitAsync(
                    async () =>
                    {
                        var plan = await PlanAlertsAsync(userId, batch.Aggregates.MonthlyChanges, null, cancellationToken);
                        return new AlertedTransaction(
                            [.. batch.Puts, .. batch.Aggregates.ToWrites(tableName, userId, plan.ExpectedTotals), .. plan.Writes], batch.Puts.Count, plan.Alerts);
                    },
                    cancellationToken) ?? throw new InvalidOperationException("A new expense id was already taken.");
                alerts.AddRange(recorded);
            }

            return (IReadOnlyList<BudgetAlert>)alerts;
        }, cancellationToken);

    public Task<Expense?> FindAsync(string userId, string id, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync<Expense?>(async () =>
        {
            ExpenseItems.CheckUserId(userId);
            var item = await ReadAsync(userId, id, cancellationToken);
            return item is null ? null : ExpenseItems.ToExpense(item);
        }, cancellationToken);

    public async Task<Expense> UpdateAsync(string userId, string id, int expectedVersion, ExpenseDraft draft, CancellationToken cancellationToken = default) =>
        (await UpdateWithAlertsAsync(userId, id, expectedVersion, draft, cancellationToken)).Expense;

    /// <summary>
    /// One read (the expense with the budget and the totals it may raise: only the new date's month, or the grand
    /// total) and one transaction: the Put on condition of the version read, the net aggregate changes, the alerts.
    /// </summary>
    public Task<ExpenseWrite> UpdateWithAlertsAsync(
        string userId, string id, int expectedVersion, ExpenseDraft draft, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ExpenseItems.Check(userId, draft);
            if (!ExpenseItems.IsPlausibleId(id))
            {
                throw new NotFoundException("That expense does not exist.");
            }

            var expenseKey = ItemKeys.Expense(id);
            Expense? updated = null;
            var alerts = await CommitAsync(
                async () =>
                {
                    var items = await DynamoDbCalls.BatchGetAsync(
                        client, tableName, userId, [expenseKey, .. PeriodKeysToRead([BudgetSettings.MonthKey(draft.Date)])], cancellationToken);
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
                    var plan = await PlanAlertsAsync(userId, aggregates.MonthlyChanges, items, cancellationToken);
                    var put = new TransactWriteItem
                    {
                        Put = new Put
                        {
                            TableName = tableName,
                            Item = ExpenseItems.ToItem(userId, updated, ExpenseItems.CreatedAtOf(item)),
                            // The version we read: a write that slipped in since makes the whole transaction fail.
                            ConditionExpression = "#version = :version",
                            ExpressionAttributeNames = new() { ["#version"] = Attr.Version },
                            ExpressionAttributeValues = new() { [":version"] = N(current.Version) },
                        },
                    };
                    return new AlertedTransaction([put, .. aggregates.ToWrites(tableName, userId, plan.ExpectedTotals), .. plan.Writes], 1, plan.Alerts);
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

    public Task DeleteAsync(string userId, string id, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ExpenseItems.CheckUserId(userId);
            for (var attempt = 0; attempt < DeleteAttempts; attempt++)
            {
                var item = await ReadAsync(userId, id, cancellationToken) ?? throw new NotFoundException("That expense does not exist.");
                var current = ExpenseItems.ToExpense(item);
                var aggregates = new AggregateChanges();
                aggregates.Add(current, -1);
                List<TransactWriteItem> writes =
                [
                    new TransactWriteItem
                    {
                        Delete = new Delete
                        {
                            TableName = tableName,
                            Key = Key(userId, ItemKeys.Expense(id)),
                            // The totals are lowered by what we read; an edit since then means reading again.
                            ConditionExpression = "#version = :version",
                            ExpressionAttributeNames = new() { ["#version"] = Attr.Version },
                            ExpressionAttributeValues = new() { [":version"] = N(current.Version) },
                        },
                    },
                    .. aggregates.ToWrites(tableName, userId),
                ];
                if (await DynamoDbCalls.TransactAsync(client, writes, cancellationToken) is null)
                {
                    return;
                }
            }

            throw new ConcurrencyConflictException("This expense kept changing while it was being deleted. Reload and try again.");
        }, cancellationToken);

    /// <summary>
    /// One Query per page when only dates narrow the list (they are the index's key). Category, tag and text are
    /// filters DynamoDB applies after reading, so a page may take several Queries, each reading twice as many
    /// items as the last, until the page is full or the user's expenses run out. A cursor, and each Query after
    /// the first, narrows the key range rather than passing a start key: the same reads in DynamoDB, but
    /// DynamoDB Local resumes from a start key in time that grows with the partition (the benchmark's "Load
    /// more" grew twelvefold from 1,000 to 100,000 expenses).
    /// </summary>
    public Task<ExpensePage> ListAsync(string userId, ExpenseFilter filter, string? cursor, int pageSize, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ExpenseItems.CheckUserId(userId);
            ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
            var (lower, upper) = ItemKeys.ExpensesBetween(filter.From, filter.To);
            if (cursor is not null)
            {
                var (date, id) = ListCursor.Decode(cursor);
                if (!ExpenseItems.IsPlausibleId(id))
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
                var response = await client.QueryAsync(query, cancellationToken);
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
        }, cancellationToken);

    public Task<ExpenseTotals> GetTotalsAsync(string userId, ExpenseFilter filter, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ExpenseItems.CheckUserId(userId);
            if (filter.HasText)
            {
                // Text is not in any aggregate: this sums the matching expenses, reading every expense in the date range.
                var (lower, upper) = ItemKeys.ExpensesBetween(filter.From, filter.To);
                var query = ExpenseQuery(userId, filter, lower, upper);
                query.ProjectionExpression = "#amount";
                query.ExpressionAttributeNames["#amount"] = Attr.AmountPaise;
                var (count, paise) = (0, 0L);
                await foreach (var item in client.QueryAllAsync(query, cancellationToken))
                {
                    count++;
                    paise += Long(item, Attr.AmountPaise);
                }

                return new ExpenseTotals(count, new Money(paise));
            }

            return await totals.SumAsync(userId, filter, cancellationToken);
        }, cancellationToken);

    public Task<IReadOnlyList<DailyTotal>> GetDailyTotalsAsync(
        string userId, DateOnly from, DateOnly to, string? categoryId = null, string? tag = null, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(() =>
        {
            ExpenseItems.CheckUserId(userId);
            return totals.DailyAsync(userId, from, to, categoryId, tag, cancellationToken);
        }, cancellationToken);

    /// <summary>Whole months from the monthly items, only the days of the months the range cuts (see <see cref="DynamoDbTotals"/>).</summary>
    public Task<IReadOnlyList<GroupTotal>> GetGroupedTotalsAsync(
        string userId, DateOnly from, DateOnly to, TotalsGrouping grouping, string? categoryId = null, string? tag = null,
        CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(() =>
        {
            ExpenseItems.CheckUserId(userId);
            return totals.GroupAsync(userId, from, to, grouping, categoryId, tag, cancellationToken);
        }, cancellationToken);

    private Expense NewExpense(ExpenseDraft draft) =>
        new(Guid.CreateVersion7(time.GetUtcNow()).ToString("N"), draft.Date, draft.Amount, draft.CategoryId, draft.Description, draft.Tags, 1);

    private TransactWriteItem PutNew(string userId, Expense expense, string createdAt) => new()
    {
        Put = new Put
        {
            TableName = tableName,
            Item = ExpenseItems.ToItem(userId, expense, createdAt),
            ConditionExpression = "attribute_not_exists(#pk)",
            ExpressionAttributeNames = new() { ["#pk"] = DynamoDbTable.PartitionKey },
        },
    };

    private async Task<Dictionary<string, AttributeValue>?> ReadAsync(string userId, string id, CancellationToken cancellationToken)
    {
        if (!ExpenseItems.IsPlausibleId(id))
        {
            return null;
        }

        var response = await client.GetItemAsync(
            new GetItemRequest { TableName = tableName, Key = Key(userId, ItemKeys.Expense(id)), ConsistentRead = true },
            cancellationToken);
        return response.Item is { Count: > 0 } item ? item : null;
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
            TableName = tableName,
            IndexName = DynamoDbTable.ByDateIndex,
            ConsistentRead = true,
            ScanIndexForward = false,
            KeyConditionExpression = "#pk = :pk AND #bydate BETWEEN :lower AND :upper",
            FilterExpression = conditions.Count > 0 ? string.Join(" AND ", conditions) : null,
            ExpressionAttributeNames = names,
            ExpressionAttributeValues = values,
        };
    }

    /// <summary>
    /// Groups new expenses into transactions: sorted by date and category so that neighbours share daily and
    /// month totals, a new transaction whenever 100 items (with room for one alert per month touched) or
    /// ~3.5 MB are reached.
    /// </summary>
    private List<BulkBatch> PlanBulk(string userId, IEnumerable<Expense> expenses, string createdAt)
    {
        var batches = new List<BulkBatch>();
        BulkBatch? current = null;
        foreach (var expense in expenses.OrderBy(expense => expense.Date).ThenBy(expense => expense.CategoryId, StringComparer.Ordinal))
        {
            var bytes = ExpenseItems.EstimateSize(userId, new ExpenseDraft(expense.Date, expense.Amount, expense.CategoryId, expense.Description, expense.Tags));
            if (current is null
                || current.Puts.Count + 1 + current.Aggregates.Count + current.Aggregates.NewItemsFor(expense) + current.Aggregates.MonthsWith(expense) > MaxTransactionItems
                || current.Bytes + bytes > MaxTransactionBytes)
            {
                current = new BulkBatch();
                batches.Add(current);
            }

            current.Puts.Add(PutNew(userId, expense, createdAt));
            current.Aggregates.Add(expense, +1);
            current.Bytes += bytes;
        }

        return batches;
    }

    /// <summary>
    /// Sends the transaction <paramref name="build"/> makes (reading fresh totals each time) until it commits, and
    /// returns the alerts it recorded. A failed condition on a budget period's total means another write moved
    /// that total since it was read: build again. Returns null when a condition on one of the first
    /// <see cref="AlertedTransaction.ExpenseWrites"/> writes (the expenses themselves) failed instead.
    /// </summary>
    private async Task<IReadOnlyList<BudgetAlert>?> CommitAsync(Func<Task<AlertedTransaction>> build, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < PeriodAttempts; attempt++)
        {
            var transaction = await build();
            var failed = await DynamoDbCalls.TransactAsync(client, transaction.Writes, cancellationToken);
            if (failed is null)
            {
                alerting.Committed(transaction.Alerts);
                return transaction.Alerts;
            }

            if (Enumerable.Range(0, transaction.ExpenseWrites).Any(index => DynamoDbCalls.Failed(failed, index)))
            {
                return null;
            }

            // Writes that lost the race wait a random while, so they do not all read and collide again at once.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 << Math.Min(attempt, 4))), cancellationToken);
        }

        throw new StoreUnavailableException(DynamoDbCalls.UnavailableMessage);
    }

    /// <summary>
    /// Steps 2 to 6 of docs/alerts-dynamodb.md: when a month rose, read the budget and the totals of the periods that
    /// rose (or take them from <paramref name="read"/>), decide what crossed, drop alerts already recorded, and say
    /// which totals the transaction must find unchanged.
    /// </summary>
    private async Task<AlertPlan> PlanAlertsAsync(
        string userId,
        IReadOnlyDictionary<string, long> monthlyChanges,
        IReadOnlyDictionary<string, Dictionary<string, AttributeValue>>? read,
        CancellationToken cancellationToken)
    {
        // Only a rise can cross a line: a write that lowers every month reads nothing more.
        var risen = monthlyChanges.Where(change => change.Value > 0).Select(change => change.Key).ToList();
        if (risen.Count == 0)
        {
            return AlertPlan.None;
        }

        read ??= await DynamoDbCalls.BatchGetAsync(client, tableName, userId, PeriodKeysToRead(risen), cancellationToken);
        var budget = DynamoDbBudgetStore.FromItem(read.GetValueOrDefault(ItemKeys.Budget)) ?? alerting.Defaults;
        var expected = new Dictionary<string, long?>(StringComparer.Ordinal);
        var crossings = new List<BudgetAlert>();
        var now = time.GetUtcNow();
        foreach (var (period, rise) in BudgetCrossings.RaisedPeriods(budget, monthlyChanges))
        {
            var sortKey = period == BudgetSettings.AllTimeKey ? ItemKeys.GrandTotal : ItemKeys.MonthTotal(period);
            long? before = read.TryGetValue(sortKey, out var total) ? Long(total, Attr.AmountPaise) : null;
            expected[sortKey] = before;
            if (BudgetCrossings.Crossing(budget, period, new Money(before ?? 0), new Money((before ?? 0) + rise), now) is { } alert)
            {
                crossings.Add(alert);
            }
        }

        // An alert already recorded (the total dropped below the line and rose again) is not recorded twice.
        var existing = await DynamoDbCalls.BatchGetAsync(client, tableName, userId, crossings.Select(AlertOutboxItem.SortKey), cancellationToken);
        var fresh = crossings.Where(alert => !existing.ContainsKey(AlertOutboxItem.SortKey(alert))).ToList();
        return new AlertPlan(expected, [.. fresh.Select(alert => DynamoDbAlertStore.Record(tableName, userId, alert))], fresh);
    }

    /// <summary>
    /// What a write that may raise <paramref name="months"/> reads for its budget check, in one request: the budget,
    /// those months' totals and the grand total (which an all-time budget checks).
    /// </summary>
    private static IEnumerable<string> PeriodKeysToRead(IEnumerable<string> months) =>
        [ItemKeys.Budget, ItemKeys.GrandTotal, .. months.Select(ItemKeys.MonthTotal)];

    /// <summary>One attempt of a write: its transaction, how many of its first writes are the expenses themselves, and the alerts it records.</summary>
    private sealed record AlertedTransaction(List<TransactWriteItem> Writes, int ExpenseWrites, IReadOnlyList<BudgetAlert> Alerts);

    /// <summary>The totals a write must find unchanged (null: still absent), and the alerts it records with their writes.</summary>
    private sealed record AlertPlan(IReadOnlyDictionary<string, long?> ExpectedTotals, IReadOnlyList<TransactWriteItem> Writes, IReadOnlyList<BudgetAlert> Alerts)
    {
        public static readonly AlertPlan None = new(new Dictionary<string, long?>(), [], []);
    }

    private sealed class BulkBatch
    {
        public List<TransactWriteItem> Puts { get; } = [];

        public AggregateChanges Aggregates { get; } = new();

        public int Bytes { get; set; }
    }
}
