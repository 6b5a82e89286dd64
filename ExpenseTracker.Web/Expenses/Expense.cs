namespace ExpenseTracker.Web.Expenses;

/// <summary>One stored expense. <see cref="Version"/> grows on every edit, for optimistic concurrency.</summary>
public sealed record Expense(
    string Id,
    DateOnly Date,
    Money Amount,
    string CategoryId,
    string Description,
    IReadOnlyList<string> Tags,
    int Version)
{
    // Value equality must include the tags' contents, not the list instance.
    public bool Equals(Expense? other) =>
        other is not null && Id == other.Id && Date == other.Date && Amount == other.Amount && CategoryId == other.CategoryId
        && Description == other.Description && Version == other.Version && Tags.SequenceEqual(other.Tags);

    public override int GetHashCode() => HashCode.Combine(Id, Version);
}

/// <summary>The validated values of an expense, before the store gives it an id and a version.</summary>
public sealed record ExpenseDraft(
    DateOnly Date,
    Money Amount,
    string CategoryId,
    string Description,
    IReadOnlyList<string> Tags)
{
    public bool Equals(ExpenseDraft? other) =>
        other is not null && Date == other.Date && Amount == other.Amount && CategoryId == other.CategoryId
        && Description == other.Description && Tags.SequenceEqual(other.Tags);

    public override int GetHashCode() => HashCode.Combine(Date, Amount, CategoryId);
}

/// <summary>What a person narrows the list by. Every part is optional; all given parts must match.</summary>
public sealed record ExpenseFilter(
    DateOnly? From = null,
    DateOnly? To = null,
    string? CategoryId = null,
    string? Tag = null,
    string? Text = null)
{
    public static readonly ExpenseFilter None = new();

    public bool HasText => !string.IsNullOrWhiteSpace(Text);
}

/// <summary>One page of a list, newest date first, and the opaque cursor of the next page (null on the last page).</summary>
public sealed record ExpensePage(IReadOnlyList<Expense> Items, string? NextCursor);

/// <summary>How many expenses match a filter and what they add up to.</summary>
public sealed record ExpenseTotals(int Count, Money Total)
{
    public static readonly ExpenseTotals Empty = new(0, Money.Zero);
}

/// <summary>A stored aggregate: what one user spent on one day in one category.</summary>
public sealed record DailyTotal(DateOnly Date, string CategoryId, int Count, Money Amount);

/// <summary>How <see cref="IExpenseStore.GetGroupedTotalsAsync"/> sums the stored totals.</summary>
public enum TotalsGrouping
{
    Category,
    Day,
    Month,
}

/// <summary>
/// The stored totals of one group: <see cref="CategoryId"/> when grouped by category; otherwise <see cref="Period"/>,
/// the day, or the first day of the calendar month.
/// </summary>
public sealed record GroupTotal(string? CategoryId, DateOnly? Period, int Count, Money Amount)
{
    /// <summary>Sums daily totals into groups, in no particular order.</summary>
    public static IReadOnlyList<GroupTotal> Sum(IEnumerable<DailyTotal> totals, TotalsGrouping grouping) => grouping switch
    {
        TotalsGrouping.Category => [.. totals.GroupBy(total => total.CategoryId, StringComparer.Ordinal)
            .Select(group => new GroupTotal(group.Key, null, group.Sum(total => total.Count), SumOf(group)))],
        TotalsGrouping.Day => [.. totals.GroupBy(total => total.Date)
            .Select(group => new GroupTotal(null, group.Key, group.Sum(total => total.Count), SumOf(group)))],
        _ => [.. totals.GroupBy(total => new DateOnly(total.Date.Year, total.Date.Month, 1))
            .Select(group => new GroupTotal(null, group.Key, group.Sum(total => total.Count), SumOf(group)))],
    };

    private static Money SumOf(IEnumerable<DailyTotal> totals) => totals.Aggregate(Money.Zero, (sum, daily) => sum + daily.Amount);
}
