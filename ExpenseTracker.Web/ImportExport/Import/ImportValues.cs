using ExpenseTracker.Web.Expenses;

namespace ExpenseTracker.Web.ImportExport.Import;

/// <summary>A date format a person can choose for the date column, with an example of what it reads.</summary>
public sealed record DateFormat(string Id, string Example, string[] Patterns)
{
    /// <summary>Indian formats first: a date like 02/12/2026 is read day first unless the person says otherwise.</summary>
    public static readonly IReadOnlyList<DateFormat> All =
    [
        new("yyyy-MM-dd", "2026-12-02", ["yyyy-MM-dd", "yyyy-M-d"]),
        new("dd/MM/yyyy", "02/12/2026", ["dd/MM/yyyy", "d/M/yyyy"]),
        new("dd-MM-yyyy", "02-12-2026", ["dd-MM-yyyy", "d-M-yyyy"]),
        new("dd-MMM-yyyy", "02-Dec-2026", ["dd-MMM-yyyy", "d-MMM-yyyy"]),
        new("dd MMM yyyy", "02 Dec 2026", ["dd MMM yyyy", "d MMM yyyy"]),
        new("dd.MM.yyyy", "02.12.2026", ["dd.MM.yyyy", "d.M.yyyy"]),
        new("dd/MM/yy", "02/12/26", ["dd/MM/yy", "d/M/yy"]),
        new("dd-MMM-yy", "02-Dec-26", ["dd-MMM-yy", "d-MMM-yy"]),
        new("MM/dd/yyyy", "12/02/2026", ["MM/dd/yyyy", "M/d/yyyy"]),
        new("yyyy/MM/dd", "2026/12/02", ["yyyy/MM/dd", "yyyy/M/d"]),
    ];

    public static DateFormat? Find(string? id) => All.FirstOrDefault(format => format.Id == id);

    /// <summary>Reads the date at the start of <paramref name="text"/>; a time after it ("02/12/2026 10:15") is ignored.</summary>
    public bool TryParse(string text, out DateOnly date)
    {
        var words = Id.Count(character => character == ' ') + 1;
        var parts = text.Trim().Split([' ', 'T'], StringSplitOptions.RemoveEmptyEntries);
        var candidate = string.Join(' ', parts.Take(words));
        return DateOnly.TryParseExact(candidate, Patterns, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>
    /// The format that reads the most of <paramref name="samples"/> as dates of this era (the first such on a tie, so
    /// day first), or null when none reads any: one bad row among the samples does not hide the format of the rest.
    /// </summary>
    public static DateFormat? Guess(IReadOnlyCollection<string> samples)
    {
        var best = All
            .Select(format => (Format: format, Read: samples.Count(sample => format.TryParse(sample, out var date) && date.Year is >= 1950 and <= 2100)))
            .MaxBy(candidate => candidate.Read);
        return best.Read > 0 ? best.Format : null;
    }
}

/// <summary>
/// Amounts as banks and trackers write them: "1,23,456.78" (Indian grouping) or "123,456.78", "₹ 250", "Rs. 250",
/// "INR 250", "1,250.00 Dr" or "500.00 Cr", "-250.00" or "(250.00)". Never through a float: "1e5", "NaN" and
/// "Infinity" are not amounts.
/// </summary>
public static class ImportAmount
{
    /// <summary>The amount in paise, whether it is money in (a credit, or a negative amount), or null when it is not an amount.</summary>
    public static (Money Amount, bool MoneyIn)? Parse(string text)
    {
        var value = text.Trim();
        var moneyIn = false;
        if (EndsWithWord(ref value, "Cr") || EndsWithWord(ref value, "Cr."))
        {
            moneyIn = true;
        }
        else
        {
            _ = EndsWithWord(ref value, "Dr") || EndsWithWord(ref value, "Dr.");
        }

        if (value.StartsWith('(') && value.EndsWith(')'))
        {
            moneyIn = !moneyIn;
            value = value[1..^1].Trim();
        }

        if (value.StartsWith('-') || value.EndsWith('-'))
        {
            moneyIn = !moneyIn;
            value = value.Trim('-').Trim();
        }

        value = value.TrimStart('+');
        foreach (var currency in new[] { "₹", "Rs.", "Rs", "INR" })
        {
            if (value.StartsWith(currency, StringComparison.OrdinalIgnoreCase))
            {
                value = value[currency.Length..].Trim();
            }
        }

        // Commas only between digits, as grouping: "1,,2" or ",5" is not an amount.
        var grouped = value.Length > 0 && value[0] != ',' && !value.Contains(",,", StringComparison.Ordinal) && !value.Contains(",.", StringComparison.Ordinal);
        return grouped && Money.TryParse(value, out var money) ? (money.Value, moneyIn) : null;
    }

    private static bool EndsWithWord(ref string value, string word)
    {
        if (value.Length > word.Length && value.EndsWith(word, StringComparison.OrdinalIgnoreCase)
            && (char.IsWhiteSpace(value[^(word.Length + 1)]) || char.IsAsciiDigit(value[^(word.Length + 1)])))
        {
            value = value[..^word.Length].Trim();
            return true;
        }

        return false;
    }
}
