using CsvHelper;
using ExpenseTracker.Web.Categories;
using ExpenseTracker.Web.Expenses;

namespace ExpenseTracker.Web.ImportExport.Import;

public enum RowKind
{
    /// <summary>An expense to import.</summary>
    Expense,

    /// <summary>Money in (a credit, a refund): not an expense, left out.</summary>
    MoneyIn,

    /// <summary>Cannot be imported; <see cref="ImportRow.Reason"/> says why.</summary>
    Invalid,
}

/// <summary>One data row of the file as it will be stored, or why it will not be.</summary>
public sealed record ImportRow(
    int Number,
    RowKind Kind,
    string? Reason,
    DateOnly Date,
    Money Amount,
    string Description,
    string SourceCategory,
    IReadOnlyList<string> Tags)
{
    /// <summary>The category a placeholder stands for while rows are checked: the real one is chosen per source category.</summary>
    private static readonly Category[] Placeholder = [new("import", "import")];

    /// <summary>
    /// Reads the current record of <paramref name="reader"/> as <paramref name="mapping"/> says, with the rules of the
    /// expense form (amount, date bounds, tags), so that an imported expense is one the form would have accepted.
    /// </summary>
    public static ImportRow Read(CsvReader reader, int number, ImportMapping mapping, DateOnly today)
    {
        string Field(int? index) => index is { } column && column < reader.FieldCount ? Unescaped(reader.GetString(column) ?? "") : "";
        var description = Clean(Field(mapping.Description));
        var source = Field(mapping.Category).Trim();
        var tagsText = Field(mapping.Tags);
        ImportRow Invalid(string reason) => new(number, RowKind.Invalid, reason, default, Money.Zero, description, source, []);

        if (reader.FieldCount != mapping.ColumnCount)
        {
            return Invalid($"It has {reader.FieldCount} cells where the header has {mapping.ColumnCount}.");
        }

        var dateText = Field(mapping.Date);
        if (!mapping.DateFormat.TryParse(dateText, out var date))
        {
            return Invalid(dateText.Length == 0 ? "It has no date." : $"\"{Shorten(dateText)}\" is not a date written {mapping.DateFormat.Example}.");
        }

        var (amount, moneyIn, amountProblem) = ReadAmount(mapping, Field);
        if (amountProblem is not null)
        {
            return Invalid(amountProblem);
        }

        var form = new ExpenseForm
        {
            Amount = amount.ToInvariantString(),
            Date = ExpenseForm.FormatDate(date),
            CategoryId = Placeholder[0].Id,
            Description = description,
            Tags = tagsText,
        };
        var check = form.Validate(Placeholder, today);
        if (check.Value is not { } draft)
        {
            return Invalid(string.Join(" ", check.Errors.Values.SelectMany(messages => messages)));
        }

        return new ImportRow(number, moneyIn ? RowKind.MoneyIn : RowKind.Expense, moneyIn ? "Money in (a credit), not an expense." : null,
            draft.Date, draft.Amount, draft.Description, source, draft.Tags);
    }

    /// <summary>The key two rows (or a row and a stored expense) are duplicates by: date, amount and description, ignoring case and spacing.</summary>
    public static (DateOnly Date, long Paise, int Description) DuplicateKey(DateOnly date, Money amount, string description) =>
        (date, amount.Paise, string.Join(' ', description.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).GetHashCode(StringComparison.OrdinalIgnoreCase));

    private static (Money Amount, bool MoneyIn, string? Problem) ReadAmount(ImportMapping mapping, Func<int?, string> field)
    {
        if (mapping.Amount is { } column && mapping.Debit is null)
        {
            var text = field(column);
            return ImportAmount.Parse(text) is { } parsed
                ? (parsed.Amount, parsed.MoneyIn != mapping.NegativeIsExpense, null)
                : (Money.Zero, false, NotAnAmount(text));
        }

        var debitText = field(mapping.Debit);
        var creditText = field(mapping.Credit);
        var debit = debitText.Length > 0 ? ImportAmount.Parse(debitText) : null;
        if (debitText.Length > 0 && debit is null)
        {
            return (Money.Zero, false, NotAnAmount(debitText));
        }

        // A debit of 0.00 beside a credit is the credit's row.
        if (debit is { Amount.Paise: > 0 } spent)
        {
            return (spent.Amount, false, null);
        }

        if (creditText.Length > 0)
        {
            return ImportAmount.Parse(creditText) is { } credit ? (credit.Amount, true, null) : (Money.Zero, false, NotAnAmount(creditText));
        }

        return (Money.Zero, false, "It has no amount in the debit or the credit column.");
    }

    private static string NotAnAmount(string text) =>
        text.Length == 0 ? "It has no amount." : $"\"{Shorten(text)}\" is not an amount (like 1,499.50, 1,23,456.78 Dr or ₹ 250).";

    /// <summary>Descriptions are kept to what the form accepts: 200 characters, no control characters.</summary>
    private static string Clean(string text)
    {
        var cleaned = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(word => new string([.. word.Where(character => !char.IsControl(character))])));
        if (cleaned.Length <= ExpenseForm.MaxDescriptionLength)
        {
            return cleaned;
        }

        // Cut before the last character that fits, never between the two halves of a surrogate pair.
        var cut = ExpenseForm.MaxDescriptionLength - 1;
        return cleaned[..(char.IsHighSurrogate(cleaned[cut - 1]) ? cut - 1 : cut)] + "…";
    }

    /// <summary>A cell our export (or another careful one) wrote as text with a leading ' to stop a spreadsheet running it, read as it was.</summary>
    private static string Unescaped(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && cell[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? cell[1..] : cell;

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
