using Amazon.DynamoDBv2;
using ExpenseTracker.Web.Budgets;
using ExpenseTracker.Web.Budgets.DynamoDb;
using ExpenseTracker.Web.Budgets.Sqlite;
using ExpenseTracker.Web.Expenses.DynamoDb;
using ExpenseTracker.Web.Expenses.Sqlite;
using ExpenseTracker.Web.Storage.DynamoDb;
using ExpenseTracker.Web.Storage.Sqlite;

namespace ExpenseTracker.Web.Tests.Infrastructure;

/// <summary>
/// Expense stores built outside the app, as the app builds them: each with the budget check its writes run
/// (the configured default budget unless the test passes its own <see cref="BudgetAlerting"/>).
/// </summary>
public static class TestStores
{
    public static SqliteExpenseStore Expenses(SqliteDatabase database, TimeProvider? time = null, BudgetAlerting? alerting = null)
    {
        time ??= TimeProvider.System;
        return new SqliteExpenseStore(database, time, new SqliteBudgetWatcher(alerting ?? BudgetAlerting.Standalone(), time));
    }

    public static DynamoDbExpenseStore Expenses(IAmazonDynamoDB client, string tableName, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var table = new AppTable(client, tableName);
        return new DynamoDbExpenseStore(table, time, new DynamoDbBudgetWatcher(table, BudgetAlerting.Standalone(), time));
    }
}
