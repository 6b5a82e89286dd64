using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ExpenseTracker.Web.Storage.Sqlite;

/// <summary>Opens connections to the one database file, each set up the same way.</summary>
public sealed class SqliteDatabase
{
    private static readonly object Done = new();

    // The native connections already set up. The (process-wide) pool hands the same native connection to many
    // SqliteConnection objects, and its settings last as long as it does, so they are set once per native
    // connection, not at every open: a page opens several connections, and the pragmas cost about as much as a
    // small query each time.
    private static readonly ConditionalWeakTable<sqlite3, object> SetUp = [];

    private readonly string connectionString;

    public SqliteDatabase(string path)
    {
        Path = path;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Writers wait for each other (SQLite has one writer at a time) instead of failing at once.
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Path { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var handle = connection.Handle!;
        if (!SetUp.TryGetValue(handle, out _))
        {
            await using var pragmas = connection.CreateCommand();
            // WAL lets readers run beside the writer. synchronous=NORMAL in WAL mode keeps every committed
            // transaction across a process kill; only a power cut can cost the last few.
            pragmas.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            SetUp.AddOrUpdate(handle, Done);
        }

        return connection;
    }
}
