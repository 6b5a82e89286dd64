namespace ExpenseTracker.Web.Clock;

/// <summary>
/// "Today" for the people using the app. Expenses are dated in the user's calendar, not the server's (a Lambda
/// runs in UTC), so the date comes from a configured time zone, India's by default.
/// </summary>
public sealed class AppClock(TimeProvider time, TimeZoneInfo zone)
{
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>An instant as the user's wall clock shows it.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone);

    public static TimeZoneInfo FindZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            // A machine without tz data still gets India's fixed offset rather than silently using UTC.
            : TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(5.5), id, id);
}
