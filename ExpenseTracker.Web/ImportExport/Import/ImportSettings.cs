using ExpenseTracker.Web.Categories;

namespace ExpenseTracker.Web.ImportExport.Import;

/// <summary>
/// How to read a file, as the import form sends it: which column (by its header) holds what, the date format, whether
/// amounts are one column or separate debit and credit columns, and what to do with source categories and duplicates.
/// Saved under a name, it reads the next statement of the same bank the same way.
/// </summary>
public sealed record ImportSettings
{
    public const string NewCategory = "new";
    public const int MaxSkipLines = 50;

    /// <summary>Lines above the header (a bank's account summary).</summary>
    public string? SkipLines { get; set; }

    public string? DateColumn { get; set; }

    public string? DateFormat { get; set; }

    /// <summary>"single": one amount column; "split": separate debit and credit columns.</summary>
    public string? AmountMode { get; set; }

    public string? AmountColumn { get; set; }

    /// <summary>"positive": positive amounts are expenses (negative ones are money in); "negative": the other way round.</summary>
    public string? AmountSign { get; set; }

    public string? DebitColumn { get; set; }

    public string? CreditColumn { get; set; }

    public string? DescriptionColumn { get; set; }

    public string? CategoryColumn { get; set; }

    public string? TagsColumn { get; set; }

    /// <summary>The category of rows without one of their own.</summary>
    public string? DefaultCategory { get; set; }

    /// <summary>The source categories found, and for each (same index) one of ours or <see cref="NewCategory"/>.</summary>
    public List<string> SourceCategories { get; set; } = [];

    public List<string> CategoryChoices { get; set; } = [];

    /// <summary>Rows marked as duplicates that the person ticked to import all the same.</summary>
    public List<int> Include { get; set; } = [];

    public bool IncludeAllDuplicates { get; set; }

    /// <summary>A name to save these settings under, for the next file of the same kind.</summary>
    public string? SaveAs { get; set; }

    public bool IsSplit => AmountMode == "split";

    /// <summary>The lines to skip above the header, as far as <see cref="SkipLines"/> says a sensible number.</summary>
    public int SkipLineCount =>
        int.TryParse(SkipLines, NumberStyles.None, CultureInfo.InvariantCulture, out var lines) && lines <= MaxSkipLines ? lines : 0;

    /// <summary>Fills what is not set from the header names: a bank's, another tracker's, or our own export's.</summary>
    public void Guess(IReadOnlyList<string> headers)
    {
        string? Find(params string[] names) =>
            names.Select(name => headers.FirstOrDefault(header => string.Equals(header, name, StringComparison.OrdinalIgnoreCase))).FirstOrDefault(found => found is not null)
            ?? names.Select(name => headers.FirstOrDefault(header => header.Contains(name, StringComparison.OrdinalIgnoreCase))).FirstOrDefault(found => found is not null);

        DateColumn ??= Find(ExpenseCsv.DateColumn, "Txn Date", "Transaction Date", "Tran Date", "Value Date", "Date");
        DescriptionColumn ??= Find(ExpenseCsv.DescriptionColumn, "Narration", "Particulars", "Transaction Details", "Details", "Remarks", "Note", "Payee");
        var debit = Find("Withdrawal Amt", "Withdrawal", "Debit Amount", "Debit", "Dr Amount");
        var credit = Find("Deposit Amt", "Deposit", "Credit Amount", "Credit", "Cr Amount");
        if (AmountMode is null)
        {
            AmountMode = debit is not null && credit is not null && debit != credit ? "split" : "single";
        }

        DebitColumn ??= debit;
        CreditColumn ??= credit;
        AmountColumn ??= Find(ExpenseCsv.AmountColumn, "Transaction Amount", "Amount (INR)", "Amount", "Amt");
        AmountSign ??= "positive";
        CategoryColumn ??= Find(ExpenseCsv.CategoryColumn, "Category");
        TagsColumn ??= Find(ExpenseCsv.TagsColumn, "Labels");
        DefaultCategory ??= BuiltInCategories.OtherId;
    }

    /// <summary>The mapping to read rows with, or a message per field (keyed by these property names).</summary>
    public Checked<ImportMapping> Validate(IReadOnlyList<string> headers, IReadOnlyCollection<Category> categories)
    {
        Dictionary<string, string[]> errors = [];
        int? Column(string? name, string field, bool required, string what)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                if (required)
                {
                    errors[field] = [$"Choose the column that holds {what}."];
                }

                return null;
            }

            var index = headers.ToList().FindIndex(header => string.Equals(header, name, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                errors[field] = [$"This file has no column \"{name}\"."];
                return null;
            }

            return index;
        }

        var date = Column(DateColumn, nameof(DateColumn), true, "the date");
        var format = Import.DateFormat.Find(DateFormat);
        if (format is null)
        {
            errors[nameof(DateFormat)] = ["Choose how the dates are written."];
        }

        var split = IsSplit;
        var amount = Column(AmountColumn, nameof(AmountColumn), !split, "the amount");
        var debit = Column(DebitColumn, nameof(DebitColumn), split, "the debits (money out)");
        var credit = Column(CreditColumn, nameof(CreditColumn), false, "the credits");
        var description = Column(DescriptionColumn, nameof(DescriptionColumn), false, "the description");
        var category = Column(CategoryColumn, nameof(CategoryColumn), false, "the category");
        var tags = Column(TagsColumn, nameof(TagsColumn), false, "the tags");
        if (!categories.Any(candidate => candidate.Id == DefaultCategory))
        {
            errors[nameof(DefaultCategory)] = ["Choose one of your categories."];
        }

        var choices = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < SourceCategories.Count && i < CategoryChoices.Count; i++)
        {
            var choice = CategoryChoices[i];
            if (choice == NewCategory
                && Names.Check(SourceCategories[i], CategoryCatalog.MaxNameLength, nameof(CategoryChoices), "", "A category name").Errors is { Count: > 0 } nameErrors)
            {
                errors[nameof(CategoryChoices)] = [$"\"{SourceCategories[i]}\" cannot be a new category: {nameErrors.Values.First()[0]} Choose one of yours for it."];
            }
            else if (choice == NewCategory || categories.Any(candidate => candidate.Id == choice))
            {
                choices[SourceCategories[i].Trim()] = choice;
            }
        }

        var skip = int.TryParse(SkipLines, NumberStyles.None, CultureInfo.InvariantCulture, out var lines) ? lines : 0;
        if (!string.IsNullOrWhiteSpace(SkipLines) && (lines > MaxSkipLines || !int.TryParse(SkipLines, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            errors[nameof(SkipLines)] = [$"Enter a number of lines from 0 to {MaxSkipLines}."];
        }

        return Checked<ImportMapping>.Of(
            () => new ImportMapping(headers.Count, date!.Value, format!, amount, AmountSign == "negative", debit, credit, description, category, tags,
                DefaultCategory!, choices, new HashSet<int>(Include), IncludeAllDuplicates),
            errors);
    }
}

/// <summary>Validated settings: column indexes and choices, ready to read rows with.</summary>
public sealed record ImportMapping(
    int ColumnCount,
    int Date,
    DateFormat DateFormat,
    int? Amount,
    bool NegativeIsExpense,
    int? Debit,
    int? Credit,
    int? Description,
    int? Category,
    int? Tags,
    string DefaultCategory,
    IReadOnlyDictionary<string, string> CategoryChoices,
    IReadOnlySet<int> Include,
    bool IncludeAllDuplicates);
