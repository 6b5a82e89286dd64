using CsvHelper;
using ExpenseTracker.Web.Categories;
using ExpenseTracker.Web.Expenses;

namespace ExpenseTracker.Web.ImportExport;

/// <summary>
/// Expenses as CSV: the columns of our export, which our import recognises by name, and the writing of every expense a
/// filter matches, page after page from the store, so memory holds one page whatever the history.
/// </summary>
public static class ExpenseCsv
{
    public const string DateColumn = "Date";
    public const string AmountColumn = "Amount";
    public const string CategoryColumn = "Category";
    public const string DescriptionColumn = "Description";
    public const string TagsColumn = "Tags";

    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>Expenses read from the store per request while writing.</summary>
    public const int PageSize = 1_000;

    /// <summary>
    /// RFC 4180, UTF-8 with a byte order mark (so that Excel reads ₹ and Indian scripts as UTF-8), and cells that a
    /// spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) written as text, prefixed with ' and
    /// quoted, as OWASP's CSV injection guidance says.
    /// </summary>
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
    };

    public static string FileName(DateOnly today) => $"expenses-{today:yyyy-MM-dd}.csv";

    /// <summary>Writes the header and every expense of <paramref name="userId"/> that <paramref name="filter"/> matches, newest first.</summary>
    public static async Task<int> WriteAsync(
        Stream destination, IExpenseStore store, string userId, ExpenseFilter filter, IReadOnlyCollection<Category> categories, CancellationToken cancellationToken)
    {
        var names = categories.ToDictionary(category => category.Id, category => category.Name, StringComparer.Ordinal);
        await using var writer = CsvWriter.Create(destination, Options, leaveOpen: true);
        foreach (var column in new[] { DateColumn, AmountColumn, CategoryColumn, DescriptionColumn, TagsColumn })
        {
            writer.WriteField(column);
        }

        await writer.EndRecordAsync(cancellationToken);
        var written = 0;
        string? cursor = null;
        do
        {
            var page = await store.ListAsync(userId, filter, cursor, PageSize, cancellationToken);
            foreach (var expense in page.Items)
            {
                writer.WriteField(expense.Date, "yyyy-MM-dd");
                // Plain rupees without grouping, so a spreadsheet reads a number.
                writer.WriteField(expense.Amount.ToInvariantString());
                writer.WriteField(names.GetValueOrDefault(expense.CategoryId, expense.CategoryId));
                writer.WriteField(expense.Description);
                writer.WriteField(Tags.Join(expense.Tags));
                await writer.EndRecordAsync(cancellationToken);
                written++;
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);

        await writer.FlushAsync(cancellationToken);
        return written;
    }
}
