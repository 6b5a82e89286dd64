using ExpenseTracker.Web.Tests.Infrastructure;

namespace ExpenseTracker.Web.Tests.HostileInput;

/// <summary>
/// One app for all the tests of a class, started on first use. xunit runs a class's tests one after another, so they
/// share it safely, each arranging its own data; an app per test would make every hostile-input class several times slower.
/// </summary>
public sealed class OneAppPerClass : IDisposable
{
    private ExpenseTrackerFactory? app;

    public ExpenseTrackerFactory Of(Func<ExpenseTrackerFactory> start) => app ??= start();

    /// <summary>One of each item for the app's default user, under a marker no earlier test of the class used.</summary>
    public static Task<OwnedItems> AddOneOfEachAsync(ExpenseTrackerFactory factory) =>
        factory.AddOneOfEachAsync(factory.DefaultUserId, "Owner" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose() => app?.Dispose();
}
