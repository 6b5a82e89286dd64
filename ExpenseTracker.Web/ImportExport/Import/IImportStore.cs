namespace ExpenseTracker.Web.ImportExport.Import;

/// <summary>
/// What an import leaves behind besides the expenses: a record of each import with the ids of the expenses it stored
/// (so that it can be undone as a whole), and the settings saved under a name for the next file of the same kind.
/// </summary>
public interface IImportStore : IUserDataEraser
{
    /// <summary>Saves (or replaces) settings under a name; names are unique per user ignoring case.</summary>
    Task SaveMappingAsync(string userId, string name, string settings, CancellationToken cancellationToken = default);

    /// <summary>By name.</summary>
    Task<IReadOnlyList<SavedMapping>> ListMappingsAsync(string userId, CancellationToken cancellationToken = default);

    Task StartAsync(string userId, ImportRecord record, CancellationToken cancellationToken = default);

    /// <summary>Records the expenses one part of the import stored (parts numbered from 0, each written once).</summary>
    Task AddExpensesAsync(string userId, string importId, int part, IReadOnlyList<string> expenseIds, CancellationToken cancellationToken = default);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<ImportRecord>> ListAsync(string userId, int max, CancellationToken cancellationToken = default);

    Task<ImportRecord?> FindAsync(string userId, string importId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<string>> ExpenseIdsAsync(string userId, string importId, CancellationToken cancellationToken = default);

    Task MarkUndoneAsync(string userId, string importId, DateTimeOffset undoneAt, CancellationToken cancellationToken = default);
}

/// <summary>One import: the file it came from, when, how many expenses it stored, and when it was undone.</summary>
public sealed record ImportRecord(string Id, string FileName, DateTimeOffset CreatedAt, int ExpenseCount, DateTimeOffset? UndoneAt);

/// <summary>Import settings saved under a name (the settings as JSON).</summary>
public sealed record SavedMapping(string Name, string Settings);
