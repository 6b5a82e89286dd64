namespace ExpenseTracker.Web.Accounts;

/// <summary>
/// A person who can sign in. Identity reads and changes these fields through <see cref="AccountUserStore"/>;
/// the email is also the user name and never changes after registration.
/// </summary>
public sealed class UserAccount
{
    public string Id { get; set; } = "";

    public string Email { get; set; } = "";

    /// <summary>The email as Identity normalizes it for look-ups (upper case); unique across accounts.</summary>
    public string NormalizedEmail { get; set; } = "";

    public string? PasswordHash { get; set; }

    /// <summary>Changes whenever the credentials change; a session whose stamp differs is signed out.</summary>
    public string SecurityStamp { get; set; } = "";

    /// <summary>Changes on every write, so that two writers of one account cannot overwrite each other.</summary>
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    public DateTimeOffset? LockoutEnd { get; set; }

    public int AccessFailedCount { get; set; }

    public bool LockoutEnabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
