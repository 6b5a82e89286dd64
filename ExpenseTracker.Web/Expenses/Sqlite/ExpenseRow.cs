using System.Text.Json;

namespace ExpenseTracker.Web.Expenses.Sqlite;

/// <summary>An expense as a row of the expenses table (tags as a JSON array), mapped by Dapper.</summary>
internal sealed class ExpenseRow
{
    public string UserId { get; set; } = "";
    public string Id { get; set; } = "";
    public string Day { get; set; } = "";
    public long AmountPaise { get; set; }
    public string CategoryId { get; set; } = "";
    public string Description { get; set; } = "";
    public string Tags { get; set; } = "[]";
    public long Version { get; set; }
    public string CreatedAt { get; set; } = "";

    public static ExpenseRow From(Expense expense, string userId) => new()
    {
        UserId = userId,
        Id = expense.Id,
        Day = SqliteExpenseSql.Day(expense.Date),
        AmountPaise = expense.Amount.Paise,
        CategoryId = expense.CategoryId,
        Description = expense.Description,
        Tags = JsonSerializer.Serialize(expense.Tags),
        Version = expense.Version,
    };

    public Expense ToExpense() => new(
        Id,
        SqliteExpenseSql.ParseDay(Day),
        new Money(AmountPaise),
        CategoryId,
        Description,
        JsonSerializer.Deserialize<string[]>(Tags) ?? [],
        (int)Version);
}
