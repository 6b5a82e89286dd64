using ExpenseTracker.Web.Expenses;

namespace ExpenseTracker.Web.ImportExport.Import;

/// <summary>
/// What an import would do, worked out before anything is written: every row read and checked, duplicates found, the
/// first rows as they will be stored, each invalid row with its reason, and which rows the import takes.
/// </summary>
public sealed class ImportPreview
{
    public const int SampleRows = 20;
    public const int ListedRows = 200;

    public int Rows { get; set; }

    public int MoneyIn { get; set; }

    public int Invalid { get; set; }

    /// <summary>Duplicates left out (not ticked).</summary>
    public int DuplicatesSkipped { get; set; }

    public int DuplicatesIncluded { get; set; }

    /// <summary>The expenses the import would store, and their total.</summary>
    public int ToImport { get; set; }

    public Money Total { get; set; }

    public DateOnly? First { get; set; }

    public DateOnly? Last { get; set; }

    public List<ImportRow> Sample { get; } = [];

    public List<ImportRow> InvalidRows { get; } = [];

    /// <summary>Rows marked as duplicates: of a stored expense, or of an earlier row (its number).</summary>
    public List<(ImportRow Row, int? OfRow)> Duplicates { get; } = [];

    /// <summary>The source categories of the rows to import, with how many rows each.</summary>
    public Dictionary<string, int> SourceCategories { get; } = new(StringComparer.OrdinalIgnoreCase);

}
