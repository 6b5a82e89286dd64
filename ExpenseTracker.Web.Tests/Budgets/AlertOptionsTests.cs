using ExpenseTracker.Web.Budgets;
using ExpenseTracker.Web.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Money = ExpenseTracker.Web.Expenses.Money;

namespace ExpenseTracker.Web.Tests.Budgets;

public sealed class AlertOptionsTests
{
    [Fact]
    public async Task TheDefaultBudgetComesFromConfiguration()
    {
        using var factory = new ConfiguredFactory(("Alerts:DefaultBudget", "2500.50"), ("Alerts:DefaultPeriod", "AllTime"), ("Alerts:WarningPercent", "0"));

        var settings = await factory.Budgets().GetAsync(factory.DefaultUserId);

        Assert.Equal(new BudgetSettings(Money.FromRupees(2_500.50m), BudgetPeriod.AllTime, 0), settings);
    }

    [Theory]
    [InlineData("Alerts:DefaultBudget", "0")]
    [InlineData("Alerts:DefaultBudget", "10000.001")]
    [InlineData("Alerts:DefaultBudget", "100000001")]
    [InlineData("Alerts:WarningPercent", "100")]
    public void AnInvalidDefaultStopsTheAppAtStartUpWithTheReason(string key, string value)
    {
        // The same check the host runs before it starts anything (ValidateOnStart), over the app's own registration.
        // Starting a whole test host to watch it fail races with its disposal and can hide the reason.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddBudgets().BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Alerts: DefaultBudget must be above 0", failure.Message);
    }

    private sealed class ConfiguredFactory(params (string Key, string Value)[] settings) : ExpenseTrackerFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            settings.Select(setting => new KeyValuePair<string, string?>(setting.Key, setting.Value));
    }
}
