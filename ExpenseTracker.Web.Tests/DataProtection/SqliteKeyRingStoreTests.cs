using ExpenseTracker.Web.DataProtection;
using ExpenseTracker.Web.DataProtection.Sqlite;
using ExpenseTracker.Web.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ExpenseTracker.Web.Tests.DataProtection;

public sealed class SqliteKeyRingStoreTests : KeyRingStoreContract
{
    private readonly string folder = Directory.CreateTempSubdirectory("expense-tracker-keys-").FullName;

    private string DatabasePath => Path.Combine(folder, "keys.db");

    protected override async Task<IKeyRingStore> CreateStoreAsync()
    {
        var database = new SqliteDatabase(DatabasePath);
        await SqliteSchema.MigrateAsync(database);
        return new SqliteKeyRingStore(database, TimeProvider.System);
    }

    protected override IKeyRingStore OpenSameStorageAgain() => new SqliteKeyRingStore(new SqliteDatabase(DatabasePath), TimeProvider.System);

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }
}
