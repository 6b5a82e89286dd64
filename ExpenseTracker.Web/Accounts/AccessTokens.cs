using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ExpenseTracker.Web.Accounts;

/// <summary>
/// Personal access tokens for scripts: 32 random bytes, shown once, stored only as a SHA-256 hash. A fast hash is
/// enough here (unlike for passwords) because the secret is random and long, so there is nothing to guess.
/// </summary>
public sealed class AccessTokens(IAccessTokenStore store, TimeProvider time)
{
    public const string Prefix = "et_";
    public const int MaxNameLength = 60;
    public const int MaxTokensPerUser = 20;

    // 32 bytes are 43 characters of unpadded base64url.
    private const int SecretLength = 43;

    public Task<IReadOnlyList<AccessToken>> ListAsync(string userId, CancellationToken cancellationToken = default) =>
        store.ListAsync(userId, cancellationToken);

    /// <summary>Creates a token and returns its secret, which nobody can see again afterwards.</summary>
    public async Task<(AccessToken Token, string Secret)> CreateAsync(string userId, string name, CancellationToken cancellationToken = default)
    {
        var existing = await store.ListAsync(userId, cancellationToken);
        if (existing.Count >= MaxTokensPerUser)
        {
            throw new TooManyTokensException();
        }

        var secret = Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var token = new AccessToken(Guid.CreateVersion7(time.GetUtcNow()).ToString("N"), Names.Clean(name), time.GetUtcNow());
        await store.AddAsync(userId, token, Hash(secret), cancellationToken);
        return (token, secret);
    }

    /// <exception cref="NotFoundException">No such token for this user.</exception>
    public Task RevokeAsync(string userId, string id, CancellationToken cancellationToken = default) =>
        store.RevokeAsync(userId, id, cancellationToken);

    /// <summary>The owner of a presented secret, or null when it is malformed, unknown or revoked.</summary>
    public async Task<string?> FindOwnerAsync(string secret, CancellationToken cancellationToken = default) =>
        IsWellFormed(secret) ? await store.FindUserIdAsync(Hash(secret), cancellationToken) : null;

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static bool IsWellFormed(string secret) =>
        secret.Length == Prefix.Length + SecretLength
        && secret.StartsWith(Prefix, StringComparison.Ordinal)
        && Base64Url.IsValid(secret.AsSpan(Prefix.Length));
}

public sealed class TooManyTokensException()
    : Exception($"You already have {AccessTokens.MaxTokensPerUser} tokens. Revoke one you no longer use first.");
