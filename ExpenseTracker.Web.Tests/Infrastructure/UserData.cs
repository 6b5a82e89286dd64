using System.Text.Json;
using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Budgets;
using ExpenseTracker.Web.Categories;
using ExpenseTracker.Web.Receipts;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static ExpenseTracker.Web.Tests.Infrastructure.ExpenseBuilder;
using ExpenseFilter = ExpenseTracker.Web.Expenses.ExpenseFilter;

namespace ExpenseTracker.Web.Tests.Infrastructure;

/// <summary>One of every kind of item a user owns, arranged straight through the stores.</summary>
public sealed record OwnedItems(string ExpenseId, string CategoryId, string TokenId, string TokenSecret, string ReceiptId);

/// <summary>Arranges and reads back everything a user owns, whatever the store behind the app.</summary>
public static class UserData
{
    /// <summary>
    /// The budget <see cref="AddOneOfEachAsync"/> saves: unlike the configured default, so a page showing it shows the
    /// user's own; the ₹12,345.67 dinner goes over it, which records an alert.
    /// </summary>
    public static readonly BudgetSettings OwnBudget = new(Web.Expenses.Money.FromRupees(7_654.32m), BudgetPeriod.CalendarMonth, 80);

    public static async Task<OwnedItems> AddOneOfEachAsync(this ExpenseTrackerFactory factory, string userId, string marker)
    {
        await factory.Services.GetRequiredService<IBudgetStore>().SaveAsync(userId, OwnBudget);
        var category = await factory.Services.GetRequiredService<ICategoryStore>().AddAsync(userId, $"{marker} category");
        var expense = await factory.AddAsync(Expense.Costing(12_345.67m).In(category.Id).Described($"{marker} dinner").Tagged($"{marker}tag".ToLowerInvariant()), userId);
        await factory.AddAsync(Expense.Costing(10).On(2026, 10, 1).Described($"{marker} bus"), userId);
        var (token, secret) = await factory.Services.GetRequiredService<AccessTokens>().CreateAsync(userId, $"{marker} token");
        if ((await factory.Services.GetRequiredService<IAlertStore>().ListAsync(userId, 1)).Count == 0)
        {
            throw new InvalidOperationException("The dinner should have gone over the budget and recorded an alert.");
        }

        var receipt = await factory.AttachReceiptAsync(userId, expense.Id, Receipts.SampleFiles.JpegWithLocation(), $"{marker} receipt.jpg");
        return new OwnedItems(expense.Id, category.Id, token.Id, secret, receipt.Id);
    }

    /// <summary>Attaches a file to the user's expense as the add form does, through the same checks.</summary>
    public static async Task<Receipt> AttachReceiptAsync(this ExpenseTrackerFactory factory, string userId, string expenseId, byte[] content, string fileName)
    {
        var receipts = factory.Services.GetRequiredService<ExpenseReceipts>();
        using var stream = new MemoryStream(content);
        var received = await receipts.ReceiveAsync(userId, [], [new FormFile(stream, 0, content.Length, "file", fileName)], 0, default);
        var receipt = received.Error is null ? Assert.Single(received.Pending) : throw new InvalidOperationException(received.Error);
        await receipts.AttachAsync(userId, expenseId, received.Pending, default);
        return receipt;
    }

    /// <summary>Everything stored for the user, as text: two snapshots are equal exactly when nothing changed.</summary>
    public static async Task<string> SnapshotAsync(this ExpenseTrackerFactory factory, string userId)
    {
        var expenses = factory.Expenses();
        var account = await factory.Services.GetRequiredService<IAccountStore>().FindByIdAsync(userId);
        return JsonSerializer.Serialize(new
        {
            Expenses = await factory.AllExpensesAsync(userId),
            Totals = await expenses.GetTotalsAsync(userId, ExpenseFilter.None),
            Daily = await expenses.StoredDailyTotalsAsync(userId, DateOnly.MinValue, DateOnly.MaxValue),
            Categories = await factory.Services.GetRequiredService<ICategoryStore>().ListCustomAsync(userId),
            Tokens = await factory.Services.GetRequiredService<IAccessTokenStore>().ListAsync(userId),
            Budget = await factory.Services.GetRequiredService<IBudgetStore>().GetAsync(userId),
            Alerts = await factory.Services.GetRequiredService<IAlertStore>().ListAsync(userId, 1000),
            Receipts = await factory.Services.GetRequiredService<IReceiptStore>().ListAsync(userId),
            Account = account is null ? null : new { account.Email, account.PasswordHash, account.SecurityStamp, account.LockoutEnd, account.AccessFailedCount },
        });
    }
}
