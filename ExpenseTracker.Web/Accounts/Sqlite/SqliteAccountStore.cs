using Dapper;
using ExpenseTracker.Web.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ExpenseTracker.Web.Accounts.Sqlite;

public sealed class SqliteAccountStore(SqliteDatabase database) : IAccountStore
{
    // SQLite's extended code for a UNIQUE constraint failure.
    private const int UniqueConstraintFailed = 2067;

    private const string Columns =
        """
        id AS Id, email AS Email, normalized_email AS NormalizedEmail, password_hash AS PasswordHash, security_stamp AS SecurityStamp,
        concurrency_stamp AS ConcurrencyStamp, lockout_end AS LockoutEnd, access_failed_count AS AccessFailedCount,
        lockout_enabled AS LockoutEnabled, created_at AS CreatedAt
        """;

    public async Task<AccountCreation> CreateAsync(UserAccount account, bool onlyIfNoAccountExists, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        try
        {
            // One statement, so the "no account yet" check and the insert cannot be split by another registration.
            var inserted = await connection.ExecuteAsync(
                """
                INSERT INTO accounts (id, email, normalized_email, password_hash, security_stamp, concurrency_stamp,
                                      lockout_end, access_failed_count, lockout_enabled, created_at)
                SELECT @Id, @Email, @NormalizedEmail, @PasswordHash, @SecurityStamp, @ConcurrencyStamp,
                       @LockoutEnd, @AccessFailedCount, @LockoutEnabled, @CreatedAt
                WHERE @onlyIfNoAccountExists = 0 OR NOT EXISTS (SELECT 1 FROM accounts)
                """,
                new DynamicParameters(AccountRow.From(account)).With(new { onlyIfNoAccountExists }));
            return inserted == 1 ? AccountCreation.Created : AccountCreation.NotFirstAccount;
        }
        catch (SqliteException exception) when (exception.SqliteExtendedErrorCode == UniqueConstraintFailed)
        {
            return AccountCreation.EmailTaken;
        }
    }

    public async Task<UserAccount?> FindByIdAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<AccountRow>($"SELECT {Columns} FROM accounts WHERE id = @id", new { id });
        return row?.ToAccount();
    }

    public async Task<UserAccount?> FindByNormalizedEmailAsync(string normalizedEmail, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<AccountRow>(
            $"SELECT {Columns} FROM accounts WHERE normalized_email = @normalizedEmail", new { normalizedEmail });
        return row?.ToAccount();
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM accounts)");
    }

    public async Task<bool> UpdateAsync(UserAccount account, string expectedConcurrencyStamp, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(
            """
            UPDATE accounts SET password_hash = @PasswordHash, security_stamp = @SecurityStamp, concurrency_stamp = @ConcurrencyStamp,
                lockout_end = @LockoutEnd, access_failed_count = @AccessFailedCount, lockout_enabled = @LockoutEnabled
            WHERE id = @Id AND concurrency_stamp = @expectedConcurrencyStamp
            """,
            new DynamicParameters(AccountRow.From(account)).With(new { expectedConcurrencyStamp }));
        return changed == 1;
    }

    public async Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM accounts WHERE id = @id", new { id });
    }

    private sealed class AccountRow
    {
        public string Id { get; set; } = "";
        public string Email { get; set; } = "";
        public string NormalizedEmail { get; set; } = "";
        public string? PasswordHash { get; set; }
        public string SecurityStamp { get; set; } = "";
        public string ConcurrencyStamp { get; set; } = "";
        public string? LockoutEnd { get; set; }
        public long AccessFailedCount { get; set; }
        public bool LockoutEnabled { get; set; }
        public string CreatedAt { get; set; } = "";

        public static AccountRow From(UserAccount account) => new()
        {
            Id = account.Id,
            Email = account.Email,
            NormalizedEmail = account.NormalizedEmail,
            PasswordHash = account.PasswordHash,
            SecurityStamp = account.SecurityStamp,
            ConcurrencyStamp = account.ConcurrencyStamp,
            LockoutEnd = account.LockoutEnd?.ToString("O", CultureInfo.InvariantCulture),
            AccessFailedCount = account.AccessFailedCount,
            LockoutEnabled = account.LockoutEnabled,
            CreatedAt = account.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
        };

        public UserAccount ToAccount() => new()
        {
            Id = Id,
            Email = Email,
            NormalizedEmail = NormalizedEmail,
            PasswordHash = PasswordHash,
            SecurityStamp = SecurityStamp,
            ConcurrencyStamp = ConcurrencyStamp,
            LockoutEnd = LockoutEnd is null ? null : DateTimeOffset.Parse(LockoutEnd, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            AccessFailedCount = (int)AccessFailedCount,
            LockoutEnabled = LockoutEnabled,
            CreatedAt = DateTimeOffset.Parse(CreatedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        };
    }
}

internal static class DynamicParametersExtensions
{
    public static DynamicParameters With(this DynamicParameters parameters, object more)
    {
        parameters.AddDynamicParams(more);
        return parameters;
    }
}
