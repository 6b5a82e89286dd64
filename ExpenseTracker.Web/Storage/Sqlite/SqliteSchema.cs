using Dapper;

namespace ExpenseTracker.Web.Storage.Sqlite;

/// <summary>
/// Creates and upgrades the schema at start-up. Each migration runs once, in order, in a transaction;
/// PRAGMA user_version records how many have run. Append new migrations; never edit a shipped one.
/// </summary>
public static class SqliteSchema
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE expenses (
            user_id      TEXT    NOT NULL,
            id           TEXT    NOT NULL,
            day          TEXT    NOT NULL,
            amount_paise INTEGER NOT NULL CHECK (amount_paise > 0),
            category_id  TEXT    NOT NULL,
            description  TEXT    NOT NULL,
            tags         TEXT    NOT NULL,
            version      INTEGER NOT NULL,
            created_at   TEXT    NOT NULL,
            PRIMARY KEY (user_id, id)
        ) WITHOUT ROWID;
        -- The list: newest date first, keyset on (day, id).
        CREATE INDEX ix_expenses_by_day ON expenses (user_id, day DESC, id DESC);
        CREATE INDEX ix_expenses_by_category ON expenses (user_id, category_id, day DESC, id DESC);

        CREATE TABLE expense_tags (
            user_id    TEXT NOT NULL,
            expense_id TEXT NOT NULL,
            tag        TEXT NOT NULL,
            day        TEXT NOT NULL,
            PRIMARY KEY (user_id, expense_id, tag)
        ) WITHOUT ROWID;
        CREATE INDEX ix_expense_tags_by_tag ON expense_tags (user_id, tag, day DESC, expense_id DESC);

        -- Totals maintained on every write, so totals and summaries never read every expense.
        CREATE TABLE daily_totals (
            user_id       TEXT    NOT NULL,
            day           TEXT    NOT NULL,
            category_id   TEXT    NOT NULL,
            expense_count INTEGER NOT NULL,
            amount_paise  INTEGER NOT NULL,
            PRIMARY KEY (user_id, day, category_id)
        ) WITHOUT ROWID;
        CREATE TABLE daily_tag_totals (
            user_id       TEXT    NOT NULL,
            tag           TEXT    NOT NULL,
            day           TEXT    NOT NULL,
            category_id   TEXT    NOT NULL,
            expense_count INTEGER NOT NULL,
            amount_paise  INTEGER NOT NULL,
            PRIMARY KEY (user_id, tag, day, category_id)
        ) WITHOUT ROWID;

        CREATE TABLE categories (
            user_id  TEXT NOT NULL,
            id       TEXT NOT NULL,
            name     TEXT NOT NULL,
            name_key TEXT NOT NULL,
            PRIMARY KEY (user_id, id),
            UNIQUE (user_id, name_key)
        ) WITHOUT ROWID;
        """,
        """
        -- The Data Protection key ring (antiforgery tokens, cookies): one row per key, never updated.
        CREATE TABLE data_protection_keys (
            name       TEXT NOT NULL PRIMARY KEY,
            xml        TEXT NOT NULL,
            created_at TEXT NOT NULL
        ) WITHOUT ROWID;
        """,
        """
        -- Budget alerts. Per-month totals, kept by every write, give a month's or the grand total in one cheap read.
        CREATE TABLE monthly_totals (
            user_id       TEXT    NOT NULL,
            month         TEXT    NOT NULL,
            expense_count INTEGER NOT NULL,
            amount_paise  INTEGER NOT NULL,
            PRIMARY KEY (user_id, month)
        ) WITHOUT ROWID;
        INSERT INTO monthly_totals (user_id, month, expense_count, amount_paise)
            SELECT user_id, substr(day, 1, 7), SUM(expense_count), SUM(amount_paise) FROM daily_totals GROUP BY user_id, substr(day, 1, 7);

        CREATE TABLE budget_settings (
            user_id         TEXT    NOT NULL PRIMARY KEY,
            amount_paise    INTEGER NOT NULL CHECK (amount_paise > 0),
            period          TEXT    NOT NULL,
            warning_percent INTEGER NOT NULL CHECK (warning_percent BETWEEN 0 AND 99),
            updated_at      TEXT    NOT NULL
        ) WITHOUT ROWID;

        -- The alerts, which are also the outbox: delivered_at stays NULL until a delivery succeeded.
        -- The primary key is what makes an alert unique: one per user, period, level, budget amount and percentage.
        CREATE TABLE budget_alerts (
            user_id         TEXT    NOT NULL,
            period          TEXT    NOT NULL,
            level           TEXT    NOT NULL,
            budget_paise    INTEGER NOT NULL,
            percent         INTEGER NOT NULL,
            threshold_paise INTEGER NOT NULL,
            total_paise     INTEGER NOT NULL,
            created_at      TEXT    NOT NULL,
            delivered_at    TEXT,
            PRIMARY KEY (user_id, period, level, budget_paise, percent)
        ) WITHOUT ROWID;
        CREATE INDEX ix_budget_alerts_by_time ON budget_alerts (user_id, created_at DESC);
        CREATE INDEX ix_budget_alerts_pending ON budget_alerts (created_at) WHERE delivered_at IS NULL;
        """,
        """
        -- Accounts: the email is unique in its normalized (upper-case) form and never changes.
        CREATE TABLE accounts (
            id                  TEXT    NOT NULL PRIMARY KEY,
            email               TEXT    NOT NULL,
            normalized_email    TEXT    NOT NULL UNIQUE,
            password_hash       TEXT,
            security_stamp      TEXT    NOT NULL,
            concurrency_stamp   TEXT    NOT NULL,
            lockout_end         TEXT,
            access_failed_count INTEGER NOT NULL,
            lockout_enabled     INTEGER NOT NULL,
            created_at          TEXT    NOT NULL
        ) WITHOUT ROWID;

        -- Personal access tokens, found by the SHA-256 hash of the secret; the secret itself is never stored.
        CREATE TABLE access_tokens (
            user_id     TEXT NOT NULL,
            id          TEXT NOT NULL,
            name        TEXT NOT NULL,
            secret_hash TEXT NOT NULL UNIQUE,
            created_at  TEXT NOT NULL,
            PRIMARY KEY (user_id, id)
        ) WITHOUT ROWID;
        """,
    ];

    public static int LatestVersion => Migrations.Length;

    public static async Task MigrateAsync(SqliteDatabase database, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = await connection.ExecuteScalarAsync<int>("PRAGMA user_version;", transaction: transaction);
        for (var version = current; version < Migrations.Length; version++)
        {
            await connection.ExecuteAsync(Migrations[version], transaction: transaction);
            // PRAGMA takes no parameters; the value is our own loop counter.
            await connection.ExecuteAsync($"PRAGMA user_version = {version + 1};", transaction: transaction);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
