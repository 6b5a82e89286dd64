namespace ExpenseTracker.Web.Accounts;

/// <summary>
/// The single user of a personal install until accounts exist: the id comes from configuration
/// (ExpenseTracker:DefaultUserId), never from code.
/// </summary>
public sealed class ConfiguredUser(IConfiguration configuration) : ICurrentUser
{
    public string UserId { get; } = configuration["ExpenseTracker:DefaultUserId"] is { Length: > 0 } id ? id : "local";
}
