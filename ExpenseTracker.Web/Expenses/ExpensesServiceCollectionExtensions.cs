using ExpenseTracker.Web.Expenses.DynamoDb;
using ExpenseTracker.Web.Expenses.Sqlite;

namespace ExpenseTracker.Web.Expenses;

public static class ExpensesServiceCollectionExtensions
{
    /// <summary>The expense store of the chosen provider; its writes run the budget check that Budgets registers.</summary>
    public static IServiceCollection AddExpenses(this IServiceCollection services) =>
        services.AddStore<IExpenseStore, SqliteExpenseStore, DynamoDbExpenseStore>();
}
