namespace ExpenseTracker.Web.Validation;

/// <summary>
/// The calendar the app works in, the one rule for every date a person or a script gives it: an expense's day, the
/// list's filters, a summary's range, a chart's period, a page cursor. A date is a real <c>yyyy-MM-dd</c> day from
/// <see cref="Earliest"/> to <see cref="Latest"/>; anything else is a message beside its field (or a 400 on the API).
/// Keeping dates inside this range also keeps every sum the app does with them (a month on, a day back, the end of a
/// month, eleven months before) far from the ends of <see cref="DateOnly"/> (years 1 and 9999), where it would throw.
/// </summary>
public static class SupportedDates
{
    /// <summary>The first day the app accepts; older dates are almost always a typo.</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    /// <summary>The last day the app accepts in a filter or a range (an expense's own date is kept nearer, see ExpenseForm).</summary>
    public static readonly DateOnly Latest = new(2099, 12, 31);

    /// <summary>"2026-11-15": how dates are written in forms, links and JSON.</summary>
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A <c>yyyy-MM-dd</c> day (surrounding white space allowed), whatever its year.</summary>
    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static bool Contains(DateOnly date) => date >= Earliest && date <= Latest;

    /// <summary>
    /// The date typed into <paramref name="field"/>, or null with the message that says why it cannot be used (none
    /// when nothing was typed). <paramref name="latest"/> narrows the range's end for a field that needs it.
    /// </summary>
    /// <param name="label">The field for people, starting a sentence: "The date", "The start date".</param>
    public static DateOnly? Check(string? text, string field, string label, Dictionary<string, string[]> errors, DateOnly? latest = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var last = latest is { } narrower && narrower < Latest ? narrower : Latest;
        if (!TryParse(text, out var date))
        {
            errors[field] = ["Enter a real date as YYYY-MM-DD."];
            return null;
        }

        if (date < Earliest || date > last)
        {
            errors[field] = [$"{label} must be between {Format(Earliest)} and {Format(last)}."];
            return null;
        }

        return date;
    }

    /// <summary>The nearest supported day: for dates the app works out itself (a default, a preset) rather than is given.</summary>
    public static DateOnly Clamp(DateOnly date) => date < Earliest ? Earliest : date > Latest ? Latest : date;

    /// <summary>The first day of <paramref name="date"/>'s month.</summary>
    public static DateOnly StartOfMonth(DateOnly date) => new(date.Year, date.Month, 1);

    /// <summary>The last day of <paramref name="date"/>'s month; unlike "a month on, a day back" it works in December 9999 too.</summary>
    public static DateOnly EndOfMonth(DateOnly date) => new(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month));

    /// <summary><paramref name="months"/> calendar months from <paramref name="date"/>'s month, kept inside the supported range.</summary>
    public static DateOnly AddMonthsWithin(DateOnly date, int months)
    {
        var index = (date.Year * 12) + date.Month - 1 + months;
        var (earliest, latest) = ((Earliest.Year * 12) + Earliest.Month - 1, (Latest.Year * 12) + Latest.Month - 1);
        index = Math.Clamp(index, earliest, latest);
        var (year, month) = (index / 12, (index % 12) + 1);
        return new DateOnly(year, month, Math.Min(date.Day, DateTime.DaysInMonth(year, month)));
    }
}
