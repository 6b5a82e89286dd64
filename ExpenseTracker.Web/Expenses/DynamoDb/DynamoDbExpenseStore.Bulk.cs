using Amazon.DynamoDBv2.Model;
using ExpenseTracker.Web.Storage.DynamoDb;
using static ExpenseTracker.Web.Storage.DynamoDb.AttributeValues;

namespace ExpenseTracker.Web.Expenses.DynamoDb;

/// <summary>The bulk writes that carry no budget check: deleting many (undoing an import) and restoring a backup.</summary>
public sealed partial class DynamoDbExpenseStore
{
    /// <summary>BatchGetItem reads at most 100 keys a request.</summary>
    private const int ReadChunk = 100;

    /// <summary>
    /// Reads up to 100 of the ids at a time, then deletes what it read in transactions of up to 100 items (the
    /// expenses on condition of the version read, and the negative changes of their totals). A transaction that
    /// meets an expense edited since it was read is read again, a few times at most.
    /// </summary>
    public Task<int> DeleteManyAsync(string userId, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            ItemChecks.CheckUserId(userId);
            var deleted = 0;
            foreach (var chunk in ids.Where(ItemChecks.IsPlausibleId).Distinct(StringComparer.Ordinal).Chunk(ReadChunk))
            {
                deleted += await DeleteChunkAsync(userId, chunk, cancellationToken);
            }

            return deleted;
        }, cancellationToken);

    /// <summary>Puts on condition that the id is new, with the totals they add, and no alert: those come back from the backup.</summary>
    public Task RestoreManyAsync(string userId, IReadOnlyCollection<Expense> expenses, CancellationToken cancellationToken = default) =>
        DynamoDbCalls.GuardAsync(async () =>
        {
            foreach (var expense in expenses)
            {
                ExpenseItems.Check(userId, new ExpenseDraft(expense.Date, expense.Amount, expense.CategoryId, expense.Description, expense.Tags));
                if (!ItemChecks.IsPlausibleId(expense.Id) || expense.Version < 1)
                {
                    throw new InvalidValueException($"\"{expense.Id}\" (version {expense.Version}) is not an expense id and version this store can hold.");
                }
            }

            var createdAt = Now(time);
            foreach (var batch in ExpenseBatch.Plan(userId, expenses, expense => PutNew(userId, expense, createdAt)))
            {
                if (await DynamoDbCalls.TransactAsync(table.Client, [.. batch.Puts, .. batch.Aggregates.ToWrites(table.Name, userId)], cancellationToken) is not null)
                {
                    throw new ConcurrencyConflictException("An expense of this backup is already stored in this account; that part of it was not restored.");
                }
            }
        }, cancellationToken);

    private async Task<int> DeleteChunkAsync(string userId, string[] ids, CancellationToken cancellationToken)
    {
        var deleted = 0;
        for (var attempt = 0; attempt < DeleteAttempts; attempt++)
        {
            var items = await DynamoDbCalls.BatchGetAsync(table.Client, table.Name, userId, ids.Select(ItemKeys.Expense), cancellationToken);
            var current = items.Values.Select(ExpenseItems.ToExpense).ToList();
            var batches = ExpenseBatch.Plan(
                userId,
                current,
                expense => new TransactWriteItem { Delete = table.DeleteIf(Key(userId, ItemKeys.Expense(expense.Id)), Attr.Version, N(expense.Version)) },
                sign: -1);
            var stale = false;
            foreach (var batch in batches)
            {
                if (await DynamoDbCalls.TransactAsync(table.Client, [.. batch.Puts, .. batch.Aggregates.ToWrites(table.Name, userId)], cancellationToken) is not null)
                {
                    // Edited since it was read: read what is left of this chunk again.
                    stale = true;
                    break;
                }

                deleted += batch.Puts.Count;
            }

            if (!stale)
            {
                return deleted;
            }
        }

        throw new ConcurrencyConflictException("Some of these expenses kept changing while they were being deleted. Try again.");
    }
}
