using ExpenseTracker.Web.Budgets;
using ExpenseTracker.Web.Categories;
using ExpenseTracker.Web.Expenses;

namespace ExpenseTracker.Web.ImportExport.Import;

/// <summary>
/// Does what a preview showed: the rows it takes go through the store's batch path (totals and budget alerts exactly as
/// for manual adds) a part at a time, and each part's ids are recorded with the import, so it can be undone as a whole.
/// </summary>
public sealed class ImportRunner(ImportPlanner planner, IExpenseStore expenses, IImportStore imports, CategoryCatalog catalog, TimeProvider time)
{
    /// <summary>Expenses per call of the batch path: memory holds one part, whatever the file.</summary>
    public const int PartSize = 1_000;

    /// <summary>
    /// Reads the file again as the mapping says and stores the rows its preview takes. Stored parts stay stored if a later
    /// part fails, recorded with the import: undoing it removes them.
    /// </summary>
    /// <exception cref="ImportFileException">The file cannot be read as a table of rows; nothing was written.</exception>
    public async Task<ImportResult> RunAsync(
        string userId, string fileName, Stream file, CsvSource source, int skipLines, ImportMapping mapping, CancellationToken cancellationToken)
    {
        var categories = new SourceCategories(userId, mapping, await catalog.ListAsync(userId, cancellationToken), catalog);
        var record = new ImportRecord(Guid.NewGuid().ToString("N"), Path.GetFileName(fileName), time.GetUtcNow(), 0, null);
        var started = false;
        var part = 0;
        var drafts = new List<ExpenseDraft>(PartSize);
        var alerts = new List<BudgetAlert>();

        async Task StoreAsync()
        {
            if (drafts.Count == 0)
            {
                return;
            }

            if (!started)
            {
                await imports.StartAsync(userId, record, cancellationToken);
                started = true;
            }

            var written = await expenses.AddManyAsync(userId, drafts, cancellationToken);
            await imports.AddExpensesAsync(userId, record.Id, part++, [.. written.Expenses.Select(expense => expense.Id)], cancellationToken);
            alerts.AddRange(written.Alerts);
            drafts.Clear();
        }

        var preview = await planner.PlanAsync(userId, file, source, skipLines, mapping, async row =>
        {
            drafts.Add(new ExpenseDraft(row.Date, row.Amount, await categories.IdOfAsync(row.SourceCategory, cancellationToken), row.Description, row.Tags));
            if (drafts.Count == PartSize)
            {
                await StoreAsync();
            }
        }, cancellationToken);
        await StoreAsync();
        return new ImportResult(started ? record.Id : null, preview, alerts);
    }

    /// <summary>Deletes every expense the import stored (those still there), with their totals, and marks it undone.</summary>
    /// <exception cref="NotFoundException">This user has no such import.</exception>
    public async Task<int> UndoAsync(string userId, string importId, CancellationToken cancellationToken)
    {
        var record = await imports.FindAsync(userId, importId, cancellationToken) ?? throw new NotFoundException("There is no such import.");
        if (record.UndoneAt is not null)
        {
            return 0;
        }

        var deleted = 0;
        foreach (var part in (await imports.ExpenseIdsAsync(userId, importId, cancellationToken)).Chunk(PartSize))
        {
            deleted += await expenses.DeleteManyAsync(userId, part, cancellationToken);
        }

        await imports.MarkUndoneAsync(userId, importId, time.GetUtcNow(), cancellationToken);
        return deleted;
    }

    /// <summary>
    /// Our category for each source category: the one the person chose, a new one of that name (created on first use),
    /// ours of the same name, or the default.
    /// </summary>
    private sealed class SourceCategories(string userId, ImportMapping mapping, IReadOnlyList<Category> ours, CategoryCatalog catalog)
    {
        private readonly Dictionary<string, string> resolved = new(StringComparer.OrdinalIgnoreCase);

        public async ValueTask<string> IdOfAsync(string source, CancellationToken cancellationToken)
        {
            if (source.Length == 0)
            {
                return mapping.DefaultCategory;
            }

            if (resolved.TryGetValue(source, out var id))
            {
                return id;
            }

            var sameName = ours.FirstOrDefault(category => string.Equals(category.Name, Names.Clean(source), StringComparison.OrdinalIgnoreCase))?.Id;
            id = mapping.CategoryChoices.TryGetValue(source, out var choice)
                ? choice == ImportSettings.NewCategory ? sameName ?? (await catalog.AddAsync(userId, source, cancellationToken)).Id : choice
                : sameName ?? mapping.DefaultCategory;
            resolved[source] = id;
            return id;
        }
    }
}

/// <summary>What an import did: its id (null when it stored nothing), the counts of its preview, and the alerts it raised.</summary>
public sealed record ImportResult(string? ImportId, ImportPreview Preview, IReadOnlyList<BudgetAlert> Alerts);
