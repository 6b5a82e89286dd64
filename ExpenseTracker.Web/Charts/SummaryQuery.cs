using ExpenseTracker.Web.Categories;
using ExpenseTracker.Web.Expenses;

namespace ExpenseTracker.Web.Charts;

public enum SummaryKind
{
    ByCategory,
    ByDay,
    ByMonth,
}

/// <summary>What to summarise, checked: an inclusive date range and the optional category and tag filters.</summary>
public sealed record SummaryRange(DateOnly From, DateOnly To, string? CategoryId = null, string? Tag = null)
{
    public int Days => To.DayNumber - From.DayNumber + 1;

    public int Months => MonthIndex(To) - MonthIndex(From) + 1;

    /// <summary>For people: "November 2026" for a whole month, else "3 Nov 2026 – 14 Jan 2027".</summary>
    public string Describe() =>
        From == StartOfMonth(From) && To == EndOfMonth(From)
            ? From.ToString("MMMM yyyy", CultureInfo.InvariantCulture)
            : $"{From.ToString("d MMM yyyy", CultureInfo.InvariantCulture)} – {To.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";

    public static DateOnly StartOfMonth(DateOnly date) => SupportedDates.StartOfMonth(date);

    public static DateOnly EndOfMonth(DateOnly date) => SupportedDates.EndOfMonth(date);

    private static int MonthIndex(DateOnly date) => (date.Year * 12) + date.Month;
}

/// <summary>
/// The query string of the summary endpoints, as text. <see cref="Validate"/> applies the defaults (without <c>to</c>,
/// the end of the current month; without <c>from</c>, the start of the default period that ends there) and the limits.
/// </summary>
public sealed class SummaryQuery : FilterQuery
{
    /// <summary>A daily series longer than a year is too long to read as a line; the monthly one covers that.</summary>
    public const int MaxDays = 366;

    /// <summary>Five years of months (and of category totals) keeps a response small.</summary>
    public const int MaxMonths = 60;

    /// <summary>
    /// The range to summarise, or messages keyed by query parameter. Defaults: the current month for categories and
    /// days, the twelve months up to and including the current one for months; a default never starts before
    /// <see cref="SupportedDates.Earliest"/>.
    /// </summary>
    public Checked<SummaryRange> Validate(SummaryKind kind, IReadOnlyCollection<Category> categories, DateOnly today)
    {
        var checkedFilter = ValidateFilter(categories);
        if (!checkedFilter.IsValid)
        {
            return new Checked<SummaryRange>(null, checkedFilter.Errors);
        }

        var filter = checkedFilter.Value!;
        var errors = new Dictionary<string, string[]>();
        var to = filter.To ?? SupportedDates.Clamp(SummaryRange.EndOfMonth(today));
        var from = filter.From ?? SupportedDates.Clamp(SupportedDates.AddMonthsWithin(SummaryRange.StartOfMonth(to), kind == SummaryKind.ByMonth ? -11 : 0));
        var range = new SummaryRange(from, to, filter.CategoryId, filter.Tag);
        if (from > to)
        {
            errors[nameof(From)] = [$"The start date {Format(from)} is after the end date {Format(to)} (the end of the current month unless you give one)."];
        }
        else if (kind == SummaryKind.ByDay && range.Days > MaxDays)
        {
            errors[nameof(To)] = [$"A daily summary covers at most {MaxDays} days; {Format(from)} to {Format(to)} is {range.Days}. Use the monthly summary for longer ranges."];
        }
        else if (kind != SummaryKind.ByDay && range.Months > MaxMonths)
        {
            errors[nameof(To)] = [$"A summary covers at most {MaxMonths} months (5 years); {Format(from)} to {Format(to)} spans {range.Months}."];
        }

        return Checked<SummaryRange>.Of(() => range, errors);
    }

    private static string Format(DateOnly date) => ExpenseForm.FormatDate(date);
}
