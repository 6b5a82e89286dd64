namespace ExpenseTracker.Web.Accounts;

/// <summary>A personal access token as its owner sees it; the secret itself is never stored, only its hash.</summary>
public sealed record AccessToken(string Id, string Name, DateTimeOffset CreatedAt);

/// <summary>Where personal access tokens live, keyed by the SHA-256 hash of the secret.</summary>
public interface IAccessTokenStore : IUserDataEraser
{
    Task AddAsync(string userId, AccessToken token, string secretHash, CancellationToken cancellationToken = default);

    /// <summary>The user's tokens, oldest first.</summary>
    Task<IReadOnlyList<AccessToken>> ListAsync(string userId, CancellationToken cancellationToken = default);

    /// <exception cref="Storage.NotFoundException">No such token for this user.</exception>
    Task RevokeAsync(string userId, string id, CancellationToken cancellationToken = default);

    /// <summary>The owner of the token with this hash, read from the store on every call (a revoke works at once).</summary>
    Task<string?> FindUserIdAsync(string secretHash, CancellationToken cancellationToken = default);
}
