using ExpenseTracker.Web.Expenses.DynamoDb;
using ExpenseTracker.Web.Expenses.Sqlite;

namespace ExpenseTracker.Web.Expenses;

public static class ExpensesServiceCollectionExtensions
{
    /// <summary>
    /// The expense store of the chosen provider (its writes run the budget check that Budgets registers), and the bin
    /// that lets a delete be undone for a few seconds.
    /// </summary>
    public static IServiceCollection AddExpenses(this IServiceCollection services)
    {
        services.AddOptions<ExpenseBinOptions>().BindConfiguration(ExpenseBinOptions.Section)
            .Validate(options => options.UndoWindow > TimeSpan.Zero && options.UndoWindow <= TimeSpan.FromMinutes(10),
                "Expenses:UndoWindow must be more than zero and at most ten minutes.")
            .ValidateOnStart();
        services.AddSingleton<ExpenseBin>();
        return services.AddStore<IExpenseStore, SqliteExpenseStore, DynamoDbExpenseStore>();
    }
}
