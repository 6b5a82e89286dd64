using ExpenseTracker.Web.Clock;
using ExpenseTracker.Web.Expenses;

namespace ExpenseTracker.Web.ImportExport.Import;

/// <summary>
/// Reads a whole file as a mapping says and works out the preview: one pass over the rows (one row in memory at a
/// time, plus a small key per row for duplicates), then the stored expenses of the file's date range for duplicates.
/// </summary>
public sealed class ImportPlanner(IExpenseStore expenses, AppClock clock)
{
    private const int StoredPage = 1_000;

    /// <summary>
    /// Reads the file twice (it is on disk, and a pass costs far less than holding its rows): first for the date range
    /// of its expenses, then, with the stored expenses of that range at hand, to decide each row. <paramref name="taken"/>,
    /// when given, gets every row the import takes, in file order.
    /// </summary>
    /// <exception cref="ImportFileException">The file cannot be read as a table of rows.</exception>
    public async Task<ImportPreview> PlanAsync(
        string userId, Stream file, CsvSource source, int skipLines, ImportMapping mapping, Func<ImportRow, Task>? taken, CancellationToken cancellationToken)
    {
        var preview = new ImportPreview();
        foreach (var row in Rows(file, source, skipLines, mapping).Where(row => row.Kind == RowKind.Expense))
        {
            preview.First = preview.First is { } first && first < row.Date ? first : row.Date;
            preview.Last = preview.Last is { } last && last > row.Date ? last : row.Date;
        }

        var stored = await StoredKeysAsync(userId, preview.First, preview.Last, cancellationToken);
        var firstOfKey = new Dictionary<(DateOnly, long, int), int>();
        foreach (var row in Rows(file, source, skipLines, mapping))
        {
            preview.Rows++;
            if (preview.Sample.Count < ImportPreview.SampleRows)
            {
                preview.Sample.Add(row);
            }

            if (row.Kind == RowKind.Invalid)
            {
                preview.Invalid++;
                AddListed(preview.InvalidRows, row);
                continue;
            }

            if (row.Kind == RowKind.MoneyIn)
            {
                preview.MoneyIn++;
                continue;
            }

            var key = ImportRow.DuplicateKey(row.Date, row.Amount, row.Description);
            var isCopy = firstOfKey.TryGetValue(key, out var earlier);
            if (!isCopy)
            {
                firstOfKey[key] = row.Number;
            }

            if ((isCopy || stored.Contains(key)) && !Duplicate(preview, row, isCopy ? earlier : null, mapping))
            {
                continue;
            }

            Take(preview, row);
            if (taken is not null)
            {
                await taken(row);
            }
        }

        if (preview.Rows == 0)
        {
            throw new ImportFileException("The file has a header but no rows.");
        }

        return preview;
    }

    private IEnumerable<ImportRow> Rows(Stream file, CsvSource source, int skipLines, ImportMapping mapping)
    {
        using var reader = new ImportFile(file, source, skipLines);
        reader.ReadHeader();
        var today = clock.Today;
        while (reader.Next())
        {
            yield return ImportRow.Read(reader.Reader, reader.RowNumber, mapping, today);
        }
    }

    /// <summary>Every stored expense's duplicate key in the range, read page by page.</summary>
    private async Task<HashSet<(DateOnly, long, int)>> StoredKeysAsync(string userId, DateOnly? first, DateOnly? last, CancellationToken cancellationToken)
    {
        var keys = new HashSet<(DateOnly, long, int)>();
        if (first is null)
        {
            return keys;
        }

        string? cursor = null;
        do
        {
            var page = await expenses.ListAsync(userId, new ExpenseFilter(first, last), cursor, StoredPage, cancellationToken);
            keys.UnionWith(page.Items.Select(expense => ImportRow.DuplicateKey(expense.Date, expense.Amount, expense.Description)));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return keys;
    }

    /// <summary>Marks a duplicate; true when the person ticked it to import all the same.</summary>
    private static bool Duplicate(ImportPreview preview, ImportRow row, int? ofRow, ImportMapping mapping)
    {
        if (preview.Duplicates.Count < ImportPreview.ListedRows)
        {
            preview.Duplicates.Add((row, ofRow));
        }

        var included = mapping.IncludeAllDuplicates || mapping.Include.Contains(row.Number);
        _ = included ? preview.DuplicatesIncluded++ : preview.DuplicatesSkipped++;
        return included;
    }

    private static void Take(ImportPreview preview, ImportRow row)
    {
        preview.ToImport++;
        preview.Total += row.Amount;
        if (row.SourceCategory.Length > 0)
        {
            preview.SourceCategories[row.SourceCategory] = preview.SourceCategories.GetValueOrDefault(row.SourceCategory) + 1;
        }
    }

    private static void AddListed(List<ImportRow> rows, ImportRow row)
    {
        if (rows.Count < ImportPreview.ListedRows)
        {
            rows.Add(row);
        }
    }

}
