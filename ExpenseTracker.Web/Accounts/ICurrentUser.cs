namespace ExpenseTracker.Web.Accounts;

/// <summary>Who is asking. Every page and endpoint takes the user id from here and from nowhere else.</summary>
public interface ICurrentUser
{
    string UserId { get; }
}
