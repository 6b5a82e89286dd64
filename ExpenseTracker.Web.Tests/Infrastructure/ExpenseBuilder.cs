using ExpenseTracker.Web.Expenses;

namespace ExpenseTracker.Web.Tests.Infrastructure;

/// <summary>Builds expense drafts for arranging test data; every value has a plain default a test can override.</summary>
public sealed record ExpenseBuilder
{
    public DateOnly Date { get; init; } = new(2026, 11, 10);
    public Money Amount { get; init; } = Money.FromRupees(100);
    public string CategoryId { get; init; } = "food";
    public string Description { get; init; } = "";
    public IReadOnlyList<string> Tags { get; init; } = [];

    public static ExpenseBuilder Expense => new();

    public ExpenseBuilder On(int year, int month, int day) => this with { Date = new DateOnly(year, month, day) };

    public ExpenseBuilder Costing(decimal rupees) => this with { Amount = Money.FromRupees(rupees) };

    public ExpenseBuilder In(string categoryId) => this with { CategoryId = categoryId };

    public ExpenseBuilder Described(string description) => this with { Description = description };

    public ExpenseBuilder Tagged(params string[] tags) => this with { Tags = tags };

    public ExpenseDraft Build() => new(Date, Amount, CategoryId, Description, Tags);
}
