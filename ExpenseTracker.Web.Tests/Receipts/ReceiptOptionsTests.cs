using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.Receipts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ExpenseTracker.Web.Tests.Receipts;

public sealed class ReceiptOptionsTests
{
    [Fact]
    public void SetAsideFilesThatWouldGoBeforeTheUndoWindowEndsStopTheAppAtStartUp()
    {
        // The host's own check before it starts (ValidateOnStart), over the app's registrations of both features.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("Expenses:UndoWindow", "00:01:00"), new("Receipts:DetachedGracePeriod", "00:00:30")])
            .Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddExpenses().AddReceipts().BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Receipts:DetachedGracePeriod must be longer than Expenses:UndoWindow", failure.Message);
    }
}
