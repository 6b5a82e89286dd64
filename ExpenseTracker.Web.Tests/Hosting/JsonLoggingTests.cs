using ExpenseTracker.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace ExpenseTracker.Web.Tests.Hosting;

public class JsonLoggingTests
{
    [Theory]
    [InlineData("Hosting:JsonLogs", "true")]
    [InlineData("AWS_LAMBDA_FUNCTION_NAME", "expense-tracker")]
    public void InAwsTheConsoleWritesJson(string setting, string value)
    {
        using var factory = new SettingFactory(setting, value);

        var formatter = factory.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName;

        Assert.Equal(ConsoleFormatterNames.Json, formatter);
    }

    [Fact]
    public void OnALaptopTheConsoleStaysPlainText()
    {
        using var factory = new SettingFactory("Hosting:JsonLogs", "false");

        var formatter = factory.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName;

        Assert.NotEqual(ConsoleFormatterNames.Json, formatter);
    }

    private sealed class SettingFactory(string key, string value) : ExpenseTrackerFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new(key, value)];
    }
}
