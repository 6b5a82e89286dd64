using ExpenseTracker.Web.Categories;
using ExpenseTracker.Web.Expenses;

namespace ExpenseTracker.Web.Charts;

/// <summary>The filters of the charts page as they arrive in the query string: a period preset or a custom range, a category, a tag.</summary>
public sealed class ChartsFilterForm
{
    public const string ThisMonth = "this-month";
    public const string LastMonth = "last-month";
    public const string Custom = "custom";

    /// <summary>The presets in the order the page offers them.</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> Presets =
    [
        (ThisMonth, "This month"),
        (LastMonth, "Last month"),
        ("last-3-months", "Last 3 months"),
        ("last-6-months", "Last 6 months"),
        ("last-12-months", "Last 12 months"),
        (Custom, "Custom range"),
    ];

    public string? Preset { get; set; }

    /// <summary>Used when <see cref="Preset"/> is custom (or absent while a date is given).</summary>
    public string? From { get; set; }

    public string? To { get; set; }

    public string? Category { get; set; }

    public string? Tag { get; set; }

    /// <summary>The preset in effect: the one chosen, else custom when dates are given, else this month.</summary>
    public string EffectivePreset =>
        Preset is { Length: > 0 } chosen ? chosen : string.IsNullOrWhiteSpace(From) && string.IsNullOrWhiteSpace(To) ? ThisMonth : Custom;

    /// <summary>
    /// The range the charts show, or messages keyed by field. A custom range follows the daily summary's rules
    /// (at most <see cref="SummaryQuery.MaxDays"/> days), because the page draws the daily chart for it.
    /// </summary>
    public Checked<SummaryRange> Validate(IReadOnlyCollection<Category> categories, DateOnly today)
    {
        // Month sums that stay inside the supported dates, whatever today is.
        var thisMonth = SummaryRange.StartOfMonth(today);
        var endOfThisMonth = SummaryRange.EndOfMonth(today);
        var lastMonth = SupportedDates.AddMonthsWithin(thisMonth, -1);
        (DateOnly From, DateOnly To)? period = EffectivePreset switch
        {
            ThisMonth => (thisMonth, endOfThisMonth),
            LastMonth => (lastMonth, SummaryRange.EndOfMonth(lastMonth)),
            "last-3-months" => (SupportedDates.AddMonthsWithin(thisMonth, -2), endOfThisMonth),
            "last-6-months" => (SupportedDates.AddMonthsWithin(thisMonth, -5), endOfThisMonth),
            "last-12-months" => (SupportedDates.AddMonthsWithin(thisMonth, -11), endOfThisMonth),
            _ => null,
        };
        if (period is null && EffectivePreset != Custom)
        {
            return new Checked<SummaryRange>(null, new Dictionary<string, string[]> { [nameof(Preset)] = ["Choose one of the listed periods."] });
        }

        var query = new SummaryQuery
        {
            From = period is { } fixedFrom ? ExpenseForm.FormatDate(fixedFrom.From) : From,
            To = period is { } fixedTo ? ExpenseForm.FormatDate(fixedTo.To) : To,
            Category = Category,
            Tag = Tag,
        };
        return query.Validate(SummaryKind.ByDay, categories, today);
    }

    /// <summary>
    /// The months of the monthly chart: whole calendar months, at least the twelve that end with the range's last month,
    /// so that a one-month range still shows a trend.
    /// </summary>
    public static SummaryRange MonthlyRangeFor(SummaryRange range)
    {
        var yearBefore = SupportedDates.AddMonthsWithin(SummaryRange.StartOfMonth(range.To), -11);
        var from = SummaryRange.StartOfMonth(range.From);
        return range with { From = from < yearBefore ? from : yearBefore, To = SummaryRange.EndOfMonth(range.To) };
    }
}
