using System.Text.Json;

namespace ExpenseTracker.Web.ImportExport.Backup;

/// <summary>
/// Restores a backup into an empty account: reads and checks every section before writing anything, then writes them
/// in order (categories, expenses with their totals, budget, alerts). A restore that fails part-way erases what it wrote,
/// so the account is empty again and the restore can simply be tried again.
/// </summary>
public sealed class BackupRestore(BackupDocument backup, ILogger<BackupRestore> logger)
{
    /// <returns>How many items each section restored, and how many it listed without restoring them.</returns>
    /// <exception cref="BackupFormatException">Not a backup this app can restore; nothing was written.</exception>
    /// <exception cref="AccountNotEmptyException">The account holds data already; nothing was written.</exception>
    public async Task<RestoreResponse> RestoreAsync(string userId, Stream source, CancellationToken cancellationToken)
    {
        using var document = await BackupDocument.ParseAsync(source, cancellationToken);
        if (!document.RootElement.TryGetProperty("sections", out var sections) || sections.ValueKind != JsonValueKind.Object)
        {
            throw new BackupFormatException("This backup has no \"sections\".");
        }

        var known = backup.Sections.Select(section => section.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = sections.EnumerateObject().Select(section => section.Name).Where(name => !known.Contains(name)).ToList();
        if (unknown.Count > 0)
        {
            throw new BackupFormatException(
                $"This backup holds {string.Join(", ", unknown)}, which this version of the app does not know; update the app to restore it whole.");
        }

        foreach (var section in backup.Sections)
        {
            if (await section.HoldsDataAsync(userId, cancellationToken))
            {
                throw new AccountNotEmptyException(section.Name);
            }
        }

        var reading = new BackupReading();
        var steps = new List<RestoreStep>();
        foreach (var section in backup.Sections)
        {
            // A section an older backup lacks is simply empty.
            if (sections.TryGetProperty(section.Name, out var part))
            {
                var version = part.ValueKind == JsonValueKind.Object && part.TryGetProperty("version", out var number) && number.TryGetInt32(out var value) ? value : 0;
                if (version < 1 || version > section.Version || !part.TryGetProperty("data", out var data))
                {
                    throw new BackupFormatException($"The {section.Name} of this backup are of a version this app cannot read ({version}); update the app.");
                }

                steps.Add(section.Read(data, version, reading));
            }
        }

        try
        {
            foreach (var step in steps)
            {
                await step(userId, cancellationToken);
            }
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Restoring a backup for {UserId} failed part-way; erasing what it wrote", userId);
            foreach (var section in backup.Sections)
            {
                await section.EraseAsync(userId, CancellationToken.None);
            }

            throw;
        }

        return new RestoreResponse(reading.Counts, reading.ListedOnly);
    }
}

/// <summary>A backup goes into an empty account only: restoring over data would mix two histories.</summary>
public sealed class AccountNotEmptyException(string section)
    : Exception($"This account already holds {section}. A backup is restored into an empty account: delete this account (Account → Delete) and register again, or use another account.")
{
    public string Section { get; } = section;
}
