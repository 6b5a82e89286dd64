using System.Collections.Concurrent;
using ExpenseTracker.Web.Budgets;
using ExpenseTracker.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExpenseTracker.Web.Tests.Budgets;

/// <summary>The test app with its log captured, optionally on a database file the test chooses (to restart on it).</summary>
public sealed class LoggingFactory(string? databasePath = null) : ExpenseTrackerFactory
{
    public LogCapture Logs { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        databasePath is null ? [] : [new("Storage:Sqlite:Path", databasePath)];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }
}

/// <summary>Keeps every log entry written through the app's logging, for assertions.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Message)> entries = new();

    public IReadOnlyList<(string Category, LogLevel Level, string Message)> Entries => [.. entries];

    /// <summary>The Warning entries of the log delivery channel: one per delivered alert.</summary>
    public IReadOnlyList<string> DeliveredAlerts =>
        Entries.Where(entry => entry.Category == typeof(LogAlertDelivery).FullName && entry.Level == LogLevel.Warning).Select(entry => entry.Message).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((category, logLevel, formatter(state, exception)));
    }
}

public static class AlertFactoryExtensions
{
    public static IBudgetStore Budgets(this ExpenseTrackerFactory factory) => factory.Services.GetRequiredService<IBudgetStore>();

    public static IAlertStore Alerts(this ExpenseTrackerFactory factory) => factory.Services.GetRequiredService<IAlertStore>();

    public static IAlertOutbox Outbox(this ExpenseTrackerFactory factory) => factory.Services.GetRequiredKeyedService<IAlertOutbox>(Web.Storage.StorageProvider.Sqlite);

    public static Task<IReadOnlyList<BudgetAlert>> AlertsOfAsync(this ExpenseTrackerFactory factory, string? userId = null) =>
        factory.Alerts().ListAsync(userId ?? factory.DefaultUserId, 1000);

    /// <summary>Waits (up to 20 s) for something the app does in the background, such as delivering an alert.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Still waiting after 20 seconds for {what}.");
            await Task.Delay(50);
        }
    }
}
