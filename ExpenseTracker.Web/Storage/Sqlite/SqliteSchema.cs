namespace ExpenseTracker.Web.Storage.Sqlite;

/// <summary>
/// Creates and upgrades the schema at start-up. Each migration runs once, in order, in a transaction;
/// PRAGMA user_version records how many have run. Append new migrations; never edit a shipped one. The runner is in
/// SqliteSchema.Migrate.cs, so that this file holds only the list.
/// </summary>
public static partial class SqliteSchema
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
        """
        -- Per-month totals per category (and tag), so that totals over long ranges (the whole history, on the expense
        -- page) and summaries by month or category read a row per month instead of one per day; and per-day totals of
        -- all categories together, so that spending by day reads a row per day. Triggers keep them equal to the sums of the daily
        -- totals in the same transaction as every write to those, whoever writes.
        CREATE TABLE monthly_category_totals (
            user_id       TEXT    NOT NULL,
            month         TEXT    NOT NULL,
            category_id   TEXT    NOT NULL,
            expense_count INTEGER NOT NULL,
            amount_paise  INTEGER NOT NULL,
            PRIMARY KEY (user_id, month, category_id)
        ) WITHOUT ROWID;
        CREATE TABLE day_totals (
            user_id       TEXT    NOT NULL,
            day           TEXT    NOT NULL,
            expense_count INTEGER NOT NULL,
            amount_paise  INTEGER NOT NULL,
            PRIMARY KEY (user_id, day)
        ) WITHOUT ROWID;
        CREATE TABLE monthly_tag_totals (
            user_id       TEXT    NOT NULL,
            tag           TEXT    NOT NULL,
            month         TEXT    NOT NULL,
            category_id   TEXT    NOT NULL,
            expense_count INTEGER NOT NULL,
            amount_paise  INTEGER NOT NULL,
            PRIMARY KEY (user_id, tag, month, category_id)
        ) WITHOUT ROWID;

        INSERT INTO monthly_category_totals (user_id, month, category_id, expense_count, amount_paise)
        SELECT user_id, substr(day, 1, 7), category_id, SUM(expense_count), SUM(amount_paise)
        FROM daily_totals GROUP BY user_id, substr(day, 1, 7), category_id;
        INSERT INTO day_totals (user_id, day, expense_count, amount_paise)
        SELECT user_id, day, SUM(expense_count), SUM(amount_paise) FROM daily_totals GROUP BY user_id, day;
        INSERT INTO monthly_tag_totals (user_id, tag, month, category_id, expense_count, amount_paise)
        SELECT user_id, tag, substr(day, 1, 7), category_id, SUM(expense_count), SUM(amount_paise)
        FROM daily_tag_totals GROUP BY user_id, tag, substr(day, 1, 7), category_id;

        -- A daily row's key never changes: writes insert it, add to it (upsert) and delete it once it counts nothing.
        CREATE TRIGGER daily_totals_insert AFTER INSERT ON daily_totals BEGIN
            INSERT INTO monthly_category_totals (user_id, month, category_id, expense_count, amount_paise)
            VALUES (NEW.user_id, substr(NEW.day, 1, 7), NEW.category_id, NEW.expense_count, NEW.amount_paise)
            ON CONFLICT (user_id, month, category_id) DO UPDATE SET
                expense_count = expense_count + excluded.expense_count, amount_paise = amount_paise + excluded.amount_paise;
            INSERT INTO day_totals (user_id, day, expense_count, amount_paise)
            VALUES (NEW.user_id, NEW.day, NEW.expense_count, NEW.amount_paise)
            ON CONFLICT (user_id, day) DO UPDATE SET
                expense_count = expense_count + excluded.expense_count, amount_paise = amount_paise + excluded.amount_paise;
        END;
        CREATE TRIGGER daily_totals_update AFTER UPDATE ON daily_totals BEGIN
            UPDATE monthly_category_totals SET
                expense_count = expense_count + NEW.expense_count - OLD.expense_count,
                amount_paise = amount_paise + NEW.amount_paise - OLD.amount_paise
            WHERE user_id = NEW.user_id AND month = substr(NEW.day, 1, 7) AND category_id = NEW.category_id;
            UPDATE day_totals SET
                expense_count = expense_count + NEW.expense_count - OLD.expense_count,
                amount_paise = amount_paise + NEW.amount_paise - OLD.amount_paise
            WHERE user_id = NEW.user_id AND day = NEW.day;
        END;
        CREATE TRIGGER daily_totals_delete AFTER DELETE ON daily_totals BEGIN
            UPDATE monthly_category_totals SET
                expense_count = expense_count - OLD.expense_count, amount_paise = amount_paise - OLD.amount_paise
            WHERE user_id = OLD.user_id AND month = substr(OLD.day, 1, 7) AND category_id = OLD.category_id;
            DELETE FROM monthly_category_totals
            WHERE user_id = OLD.user_id AND month = substr(OLD.day, 1, 7) AND category_id = OLD.category_id AND expense_count = 0;
            UPDATE day_totals SET
                expense_count = expense_count - OLD.expense_count, amount_paise = amount_paise - OLD.amount_paise
            WHERE user_id = OLD.user_id AND day = OLD.day;
            DELETE FROM day_totals WHERE user_id = OLD.user_id AND day = OLD.day AND expense_count = 0;
        END;

        CREATE TRIGGER daily_tag_totals_insert AFTER INSERT ON daily_tag_totals BEGIN
            INSERT INTO monthly_tag_totals (user_id, tag, month, category_id, expense_count, amount_paise)
            VALUES (NEW.user_id, NEW.tag, substr(NEW.day, 1, 7), NEW.category_id, NEW.expense_count, NEW.amount_paise)
            ON CONFLICT (user_id, tag, month, category_id) DO UPDATE SET
                expense_count = expense_count + excluded.expense_count, amount_paise = amount_paise + excluded.amount_paise;
        END;
        CREATE TRIGGER daily_tag_totals_update AFTER UPDATE ON daily_tag_totals BEGIN
            UPDATE monthly_tag_totals SET
                expense_count = expense_count + NEW.expense_count - OLD.expense_count,
                amount_paise = amount_paise + NEW.amount_paise - OLD.amount_paise
            WHERE user_id = NEW.user_id AND tag = NEW.tag AND month = substr(NEW.day, 1, 7) AND category_id = NEW.category_id;
        END;
        CREATE TRIGGER daily_tag_totals_delete AFTER DELETE ON daily_tag_totals BEGIN
            UPDATE monthly_tag_totals SET
                expense_count = expense_count - OLD.expense_count, amount_paise = amount_paise - OLD.amount_paise
            WHERE user_id = OLD.user_id AND tag = OLD.tag AND month = substr(OLD.day, 1, 7) AND category_id = OLD.category_id;
            DELETE FROM monthly_tag_totals
            WHERE user_id = OLD.user_id AND tag = OLD.tag AND month = substr(OLD.day, 1, 7) AND category_id = OLD.category_id
                AND expense_count = 0;
        END;
        """,
        """
        -- Imports (ImportExport/Import): each import with the expenses it stored, so it can be undone as a whole, and
        -- the settings a person saved under a name for the next file of the same bank.
        CREATE TABLE imports (
            user_id       TEXT    NOT NULL,
            id            TEXT    NOT NULL,
            file_name     TEXT    NOT NULL,
            created_at    TEXT    NOT NULL,
            expense_count INTEGER NOT NULL,
            undone_at     TEXT,
            PRIMARY KEY (user_id, id)
        ) WITHOUT ROWID;
        CREATE INDEX ix_imports_by_time ON imports (user_id, created_at DESC);
        CREATE TABLE import_expenses (
            user_id    TEXT    NOT NULL,
            import_id  TEXT    NOT NULL,
            part       INTEGER NOT NULL,
            expense_id TEXT    NOT NULL,
            PRIMARY KEY (user_id, import_id, expense_id)
        ) WITHOUT ROWID;
        CREATE TABLE import_mappings (
            user_id    TEXT NOT NULL,
            name_key   TEXT NOT NULL,
            name       TEXT NOT NULL,
            settings   TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (user_id, name_key)
        ) WITHOUT ROWID;
        """,
        """
        -- Receipts: the metadata of the files attached to expenses (the files are in a folder or S3). An upload waits
        -- as Pending until its expense is saved; a deleted expense sets its receipts aside as Detached, so that undoing
        -- the delete can attach them again, until the sweep removes them.
        CREATE TABLE receipts (
            user_id       TEXT    NOT NULL,
            id            TEXT    NOT NULL,
            expense_id    TEXT,
            kind          TEXT    NOT NULL,
            size          INTEGER NOT NULL CHECK (size > 0),
            file_name     TEXT    NOT NULL,
            has_thumbnail INTEGER NOT NULL,
            state         TEXT    NOT NULL,
            created_at    TEXT    NOT NULL,
            changed_at    TEXT    NOT NULL,
            PRIMARY KEY (user_id, id)
        ) WITHOUT ROWID;
        CREATE INDEX ix_receipts_by_expense ON receipts (user_id, expense_id, state) WHERE expense_id IS NOT NULL;
        """,
        """
        -- Deleted expenses, kept a short while so that a delete can be undone (Expenses/ExpenseBin); no totals count them.
        CREATE TABLE deleted_expenses (
            user_id      TEXT    NOT NULL,
            id           TEXT    NOT NULL,
            day          TEXT    NOT NULL,
            amount_paise INTEGER NOT NULL,
            category_id  TEXT    NOT NULL,
            description  TEXT    NOT NULL,
            tags         TEXT    NOT NULL,
            version      INTEGER NOT NULL,
            created_at   TEXT    NOT NULL,
            deleted_at   TEXT    NOT NULL,
            PRIMARY KEY (user_id, id)
        ) WITHOUT ROWID;
        """,
    ];
}
