namespace ExpenseTracker.Web.Tests.Infrastructure;

/// <summary>A clock the test sets (Microsoft's FakeTimeProvider package is not in our registry).</summary>
public sealed class SettableTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
