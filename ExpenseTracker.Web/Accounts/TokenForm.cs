
namespace ExpenseTracker.Web.Accounts;

/// <summary>The name a person gives a new access token.</summary>
public sealed class TokenForm
{
    public string? Name { get; set; }

    /// <summary>The name to store, or the message for <see cref="Name"/>.</summary>
    public Checked<string> Validate() =>
        Names.Check(Name, AccessTokens.MaxNameLength, nameof(Name), "Give the token a name, such as the script that will use it.", "A token name");
}
