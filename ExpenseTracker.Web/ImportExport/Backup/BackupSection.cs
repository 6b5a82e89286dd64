using System.Text.Json;

namespace ExpenseTracker.Web.ImportExport.Backup;

/// <summary>
/// One feature's part of a backup: a named, versioned section of the document. A feature that keeps more of a person's
/// data (recurring schedules, receipts) adds its own section and registers it with <c>AddBackupSection</c>; older backups
/// simply lack it, and a backup with a section this app does not know is refused rather than half restored.
/// </summary>
public interface IBackupSection
{
    /// <summary>The section's key in the document ("expenses").</summary>
    string Name { get; }

    /// <summary>The version of the section's shape this app writes; it reads every version up to this one.</summary>
    int Version { get; }

    /// <summary>Sections are read and restored in this order: what others refer to (categories) first.</summary>
    int RestoreOrder { get; }

    /// <summary>Writes the section's data, one JSON value, for <paramref name="userId"/>.</summary>
    Task WriteAsync(string userId, Utf8JsonWriter writer, CancellationToken cancellationToken);

    /// <summary>Whether the account already holds something of this section: a backup is restored into an empty account only.</summary>
    Task<bool> HoldsDataAsync(string userId, CancellationToken cancellationToken);

    /// <summary>
    /// Reads and checks the section's data before anything is written, and answers the step that stores it.
    /// </summary>
    /// <exception cref="BackupFormatException">The data is not what a backup of this version holds.</exception>
    RestoreStep Read(JsonElement data, int version, BackupReading reading);

    /// <summary>Takes back what a failed restore wrote of this section (the account was empty before it).</summary>
    Task EraseAsync(string userId, CancellationToken cancellationToken);
}

/// <summary>Stores a section's checked data for a user.</summary>
public delegate Task RestoreStep(string userId, CancellationToken cancellationToken);

/// <summary>What the sections read so far tell the next ones (the categories the expenses may refer to, the expenses the receipts do).</summary>
public sealed class BackupReading
{
    public HashSet<string> CategoryIds { get; } = new(StringComparer.Ordinal);

    public HashSet<string> ExpenseIds { get; } = new(StringComparer.Ordinal);

    /// <summary>How many items were read, per section, for the answer to the person.</summary>
    public Dictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);

    /// <summary>How many items a section lists for the person to know but does not restore (receipts: a backup holds no files).</summary>
    public Dictionary<string, int> ListedOnly { get; } = new(StringComparer.Ordinal);
}

/// <summary>A file that is not a backup this app can restore; the message says why, and nothing was written.</summary>
public sealed class BackupFormatException(string message) : Exception(message);
