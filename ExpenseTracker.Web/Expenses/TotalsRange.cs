namespace ExpenseTracker.Web.Expenses;

/// <summary>
/// Which stored totals a store that keeps them per day and per calendar month reads for a date range, reading as few
/// as it can: whole months from the monthly totals, and a month the range cuts either as its days inside the range
/// or, when that is fewer days, as the month's total less its days outside (so "this month up to today" is the
/// month's total alone: no day after today has spending). A range of years thus reads a total per month, and the
/// days it reads never grow with the history. Both stores plan their reads with it.
/// </summary>
public static class TotalsRange
{
    /// <summary>The parts whose signed sum is the range [from, to]; open-ended where null, empty when from is after to.</summary>
    public static IReadOnlyList<TotalsRangePart> Split(DateOnly? from, DateOnly? to)
    {
        var start = from ?? DateOnly.MinValue;
        var end = to ?? DateOnly.MaxValue;
        if (start > end)
        {
            return [];
        }

        var (startMonth, endMonth) = (SupportedDates.StartOfMonth(start), SupportedDates.StartOfMonth(end));
        var (startMonthEnd, endMonthEnd) = (SupportedDates.EndOfMonth(start), SupportedDates.EndOfMonth(end));
        var parts = new List<TotalsRangePart>();
        if (startMonth == endMonth)
        {
            var daysOutside = (start.Day - 1) + (endMonthEnd.Day - end.Day);
            if (daysOutside >= end.Day - start.Day + 1)
            {
                return [TotalsRangePart.Days(start, end)];
            }

            parts.Add(TotalsRangePart.Months(startMonth, startMonth));
            if (start > startMonth)
            {
                parts.Add(TotalsRangePart.Days(startMonth, start.AddDays(-1), subtract: true));
            }

            if (end < endMonthEnd)
            {
                parts.Add(TotalsRangePart.Days(end.AddDays(1), endMonthEnd, subtract: true));
            }

            return parts;
        }

        // Different months: neither end is at the calendar's edge, so stepping a month is safe.
        var (firstMonth, lastMonth) = (startMonth, endMonth);
        if (start > startMonth)
        {
            if (start.Day - 1 < startMonthEnd.Day - start.Day + 1)
            {
                parts.Add(TotalsRangePart.Days(startMonth, start.AddDays(-1), subtract: true));
            }
            else
            {
                parts.Add(TotalsRangePart.Days(start, startMonthEnd));
                firstMonth = startMonth.AddMonths(1);
            }
        }

        if (end < endMonthEnd)
        {
            if (endMonthEnd.Day - end.Day < end.Day)
            {
                parts.Add(TotalsRangePart.Days(end.AddDays(1), endMonthEnd, subtract: true));
            }
            else
            {
                parts.Add(TotalsRangePart.Days(endMonth, end));
                lastMonth = endMonth.AddMonths(-1);
            }
        }

        if (firstMonth <= lastMonth)
        {
            parts.Add(TotalsRangePart.Months(firstMonth, lastMonth));
        }

        return parts;
    }
}

/// <summary>
/// Stored totals to read: the daily totals of the days <see cref="First"/> to <see cref="Last"/>, or (when
/// <see cref="WholeMonths"/>) the monthly totals of the months they fall in; added, or taken away when <see cref="Subtract"/>.
/// </summary>
public sealed record TotalsRangePart(DateOnly First, DateOnly Last, bool WholeMonths, bool Subtract)
{
    /// <summary>+1 or -1: what the part's totals are multiplied by in the range's sum.</summary>
    public int Sign => Subtract ? -1 : 1;

    public static TotalsRangePart Days(DateOnly first, DateOnly last, bool subtract = false) => new(first, last, WholeMonths: false, subtract);

    public static TotalsRangePart Months(DateOnly first, DateOnly last) => new(first, last, WholeMonths: true, Subtract: false);
}
