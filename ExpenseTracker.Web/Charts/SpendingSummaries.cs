using ExpenseTracker.Web.Categories;
using ExpenseTracker.Web.Expenses;

namespace ExpenseTracker.Web.Charts;

/// <summary>
/// Spending by category, by day and by month, built from the store's totals summed per group
/// (<see cref="IExpenseStore.GetGroupedTotalsAsync"/>), so a summary never reads the expenses themselves.
/// </summary>
public sealed class SpendingSummaries(IExpenseStore store)
{
    public const string Currency = "INR";

    /// <summary>Largest amount first; equal amounts by name, so the order is stable.</summary>
    public async Task<SpendingSummary<CategorySpending>> ByCategoryAsync(
        string userId, SummaryRange range, IReadOnlyCollection<Category> categories, CancellationToken cancellationToken = default)
    {
        var totals = await GroupedTotalsAsync(userId, range, TotalsGrouping.Category, cancellationToken);
        var series = totals
            .Where(category => category.Count > 0)
            .Select(category => new CategorySpending(
                category.CategoryId!, NameOf(category.CategoryId!, categories), category.Count, category.Amount.Paise, category.Amount.ToString()))
            .OrderByDescending(category => category.Paise)
            .ThenBy(category => category.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        return Summary(range, totals, series);
    }

    /// <summary>Every day of the range in order, zero where nothing was spent.</summary>
    public async Task<SpendingSummary<DaySpending>> ByDayAsync(string userId, SummaryRange range, CancellationToken cancellationToken = default)
    {
        var totals = await GroupedTotalsAsync(userId, range, TotalsGrouping.Day, cancellationToken);
        var byDay = totals.ToDictionary(total => total.Period!.Value, total => (total.Count, total.Amount));
        var labelFormat = range.From.Year == range.To.Year ? "d MMM" : "d MMM yyyy";
        var series = new List<DaySpending>(range.Days);
        // Counted rather than stepped past the end, so a range that ends on the calendar's last day cannot overflow.
        for (var index = 0; index < range.Days; index++)
        {
            var day = range.From.AddDays(index);
            var (count, amount) = byDay.GetValueOrDefault(day);
            series.Add(new DaySpending(day, day.ToString(labelFormat, CultureInfo.InvariantCulture), count, amount.Paise, amount.ToString()));
        }

        return Summary(range, totals, series);
    }

    /// <summary>Every calendar month the range touches, in order, zero where nothing was spent.</summary>
    public async Task<SpendingSummary<MonthSpending>> ByMonthAsync(string userId, SummaryRange range, CancellationToken cancellationToken = default)
    {
        var totals = await GroupedTotalsAsync(userId, range, TotalsGrouping.Month, cancellationToken);
        var byMonth = totals.ToDictionary(total => total.Period!.Value, total => (total.Count, total.Amount));
        var series = new List<MonthSpending>(range.Months);
        for (var index = 0; index < range.Months; index++)
        {
            var month = SummaryRange.StartOfMonth(range.From).AddMonths(index);
            var (count, amount) = byMonth.GetValueOrDefault(month);
            var from = month < range.From ? range.From : month;
            var end = SummaryRange.EndOfMonth(month);
            series.Add(new MonthSpending(
                month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                month.ToString("MMM yyyy", CultureInfo.InvariantCulture),
                from,
                end > range.To ? range.To : end,
                count,
                amount.Paise,
                amount.ToString()));
        }

        return Summary(range, totals, series);
    }

    /// <summary>
    /// The figures above the charts: this and last calendar month (with the same category and tag filters),
    /// the average per day of the range so far, and the category with the most spending in the range.
    /// </summary>
    public async Task<SummaryCards> CardsAsync(
        string userId, SpendingSummary<CategorySpending> byCategory, DateOnly today, CancellationToken cancellationToken = default)
    {
        var thisMonth = SummaryRange.StartOfMonth(today);
        var lastMonth = SupportedDates.AddMonthsWithin(thisMonth, -1);
        var thisMonthTotals = await store.GetTotalsAsync(
            userId, new ExpenseFilter(thisMonth, SummaryRange.EndOfMonth(thisMonth), byCategory.CategoryId, byCategory.Tag), cancellationToken);
        var lastMonthTotals = await store.GetTotalsAsync(
            userId, new ExpenseFilter(lastMonth, SummaryRange.EndOfMonth(lastMonth), byCategory.CategoryId, byCategory.Tag), cancellationToken);

        // Days still to come do not lower the average; a range wholly in the future is averaged over all its days.
        var lastCountedDay = today < byCategory.To ? today : byCategory.To;
        var days = lastCountedDay >= byCategory.From
            ? lastCountedDay.DayNumber - byCategory.From.DayNumber + 1
            : byCategory.To.DayNumber - byCategory.From.DayNumber + 1;
        var average = new Money((long)Math.Round((decimal)byCategory.TotalPaise / days, MidpointRounding.AwayFromZero));

        return new SummaryCards(
            new MonthCard(thisMonth.ToString("MMMM yyyy", CultureInfo.InvariantCulture), thisMonthTotals),
            new MonthCard(lastMonth.ToString("MMMM yyyy", CultureInfo.InvariantCulture), lastMonthTotals),
            average,
            days,
            byCategory.Series.FirstOrDefault());
    }

    private Task<IReadOnlyList<GroupTotal>> GroupedTotalsAsync(
        string userId, SummaryRange range, TotalsGrouping grouping, CancellationToken cancellationToken) =>
        store.GetGroupedTotalsAsync(userId, range.From, range.To, grouping, range.CategoryId, range.Tag, cancellationToken);

    private static SpendingSummary<TPoint> Summary<TPoint>(SummaryRange range, IReadOnlyList<GroupTotal> totals, IReadOnlyList<TPoint> series)
    {
        var total = totals.Aggregate(Money.Zero, (sum, group) => sum + group.Amount);
        return new SpendingSummary<TPoint>(
            Currency, range.From, range.To, range.CategoryId, range.Tag, totals.Sum(group => group.Count), total.Paise, total.ToString(), series);
    }

    private static string NameOf(string categoryId, IReadOnlyCollection<Category> categories) =>
        categories.FirstOrDefault(category => category.Id == categoryId)?.Name ?? categoryId;
}

/// <summary>The summary cards of the charts page.</summary>
public sealed record SummaryCards(MonthCard ThisMonth, MonthCard LastMonth, Money AveragePerDay, int AverageDays, CategorySpending? TopCategory);

public sealed record MonthCard(string Label, ExpenseTotals Totals);
