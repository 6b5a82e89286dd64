namespace ExpenseTracker.Web.Storage;

public enum StorageProvider
{
    Sqlite,
    DynamoDb,
}

/// <summary>
/// The "Storage" configuration section: which provider every store of the app uses. Each provider has a section of
/// its own beneath it (<c>Storage:Sqlite</c>, <c>Storage:DynamoDb</c>).
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;
}
