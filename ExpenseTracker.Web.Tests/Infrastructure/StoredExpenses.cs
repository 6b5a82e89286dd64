using System.Globalization;
using ExpenseTracker.Web.Expenses;
using Microsoft.Extensions.DependencyInjection;

namespace ExpenseTracker.Web.Tests.Infrastructure;

/// <summary>Arranges expenses straight in the app's real store, for tests about reading them back.</summary>
public static class StoredExpenses
{
    public static ExpenseDraft Draft(string date, string rupees, string category = "food", string tags = "", string description = "") =>
        new(DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Money.TryParse(rupees, out var amount) ? amount.Value : throw new ArgumentException($"Not an amount: {rupees}", nameof(rupees)),
            category,
            description,
            Tags.Parse(tags));

    public static Task<Expense> AddExpenseAsync(
        this ExpenseTrackerFactory factory, string date, string rupees, string category = "food", string tags = "", string description = "") =>
        factory.Store().AddExpenseAsync(factory.DefaultUserId, Draft(date, rupees, category, tags, description));

    public static async Task AddExpensesAsync(this ExpenseTrackerFactory factory, IReadOnlyCollection<ExpenseDraft> drafts, string? userId = null) =>
        await factory.Store().AddManyAsync(userId ?? factory.DefaultUserId, drafts);

    public static IExpenseStore Store(this ExpenseTrackerFactory factory) => factory.Services.GetRequiredService<IExpenseStore>();
}
