namespace ExpenseTracker.Web.Charts;

/// <summary>
/// One summary as the JSON endpoints send it. Amounts are exact whole paise (<c>totalPaise</c>, <c>paise</c>: ₹1 = 100)
/// for charts and sums, with the same amount formatted for people (₹1,23,456.78) beside each.
/// </summary>
/// <param name="Currency">Always "INR".</param>
/// <param name="From">First day of the range (inclusive).</param>
/// <param name="To">Last day of the range (inclusive).</param>
/// <param name="CategoryId">The category filter, if any.</param>
/// <param name="Tag">The tag filter (normalised), if any.</param>
/// <param name="Count">How many expenses the summary adds up.</param>
/// <param name="TotalPaise">The grand total in paise.</param>
/// <param name="TotalFormatted">The grand total with Indian digit grouping.</param>
/// <param name="Series">The points, in chronological order (categories: largest amount first).</param>
public sealed record SpendingSummary<TPoint>(
    string Currency,
    DateOnly From,
    DateOnly To,
    string? CategoryId,
    string? Tag,
    int Count,
    long TotalPaise,
    string TotalFormatted,
    IReadOnlyList<TPoint> Series);

/// <summary>What was spent in one category. Categories with no spending in the range are left out.</summary>
public sealed record CategorySpending(string CategoryId, string Name, int Count, long Paise, string Formatted);

/// <summary>What was spent on one day; days without spending are present with zero.</summary>
public sealed record DaySpending(DateOnly Date, string Label, int Count, long Paise, string Formatted);

/// <summary>What was spent in one calendar month (yyyy-MM), counting only the days of the month inside the range.</summary>
public sealed record MonthSpending(string Month, string Label, DateOnly From, DateOnly To, int Count, long Paise, string Formatted);
