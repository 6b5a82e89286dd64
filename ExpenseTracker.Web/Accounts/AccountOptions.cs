namespace ExpenseTracker.Web.Accounts;

/// <summary>Who may register.</summary>
public enum RegistrationMode
{
    /// <summary>The first account registers; after that registration is off (a personal deployment).</summary>
    FirstUserOnly,

    /// <summary>Anyone who can reach the app may register.</summary>
    Open,

    /// <summary>Nobody may register; existing accounts still sign in.</summary>
    Closed,
}

/// <summary>The "Accounts" configuration section.</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    public RegistrationMode Registration { get; set; } = RegistrationMode.FirstUserOnly;

    /// <summary>How long a session lasts without a request; each request slides it on.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(14);

    public LockoutSettings Lockout { get; set; } = new();

    public RateLimitSettings RateLimit { get; set; } = new();

    public sealed class LockoutSettings
    {
        /// <summary>Wrong passwords in a row that lock an account.</summary>
        public int MaxFailedAttempts { get; set; } = 5;

        public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(5);
    }

    /// <summary>Posts to the sign-in, registration and password forms allowed from one client address per window.</summary>
    public sealed class RateLimitSettings
    {
        public int PermitLimit { get; set; } = 10;

        public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
    }
}
