using System.Text.Json;
using ExpenseTracker.Web.ImportExport.Backup;

namespace ExpenseTracker.Web.Receipts;

/// <summary>
/// Which receipts each expense holds: <c>[{"expenseId", "fileName", "contentType", "size", "createdAt"}]</c>. A backup holds
/// no files (five photos of 10 MB per expense would make it too large to download, or to restore through AWS's 6 MB
/// request limit), so a restore checks this list and says how many receipts it names, but stores none of them: the
/// person knows what to attach again, and a restored account never shows a receipt that has no file.
/// </summary>
public sealed class ReceiptsBackupSection(IReceiptStore store) : IBackupSection
{
    public string Name => "receipts";

    public int Version => 1;

    /// <summary>After the expenses it refers to.</summary>
    public int RestoreOrder => 25;

    public async Task WriteAsync(string userId, Utf8JsonWriter writer, CancellationToken cancellationToken)
    {
        writer.WriteStartArray();
        foreach (var receipt in (await store.ListAsync(userId, cancellationToken)).Where(receipt => receipt.State == ReceiptState.Attached))
        {
            writer.WriteStartObject();
            writer.WriteString("expenseId", receipt.ExpenseId);
            writer.WriteString("fileName", receipt.FileName);
            writer.WriteString("contentType", receipt.ContentType);
            writer.WriteNumber("size", receipt.Size);
            writer.WriteString("createdAt", receipt.CreatedAt.UtcDateTime);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>
    /// A restore adds no receipts, so none already here (uploads waiting, files of a deleted expense kept for an undo) can
    /// mix with it; the expenses section decides whether the account is empty.
    /// </summary>
    public Task<bool> HoldsDataAsync(string userId, CancellationToken cancellationToken) => Task.FromResult(false);

    public RestoreStep Read(JsonElement data, int version, BackupReading reading)
    {
        var types = Enum.GetValues<ReceiptKind>().Select(kind => kind.ContentType()).ToHashSet(StringComparer.Ordinal);
        var perExpense = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (item, where) in BackupJson.Items(data, Name))
        {
            var expenseId = BackupJson.String(item, "expenseId", where, 64);
            if (!reading.ExpenseIds.Contains(expenseId))
            {
                throw new BackupFormatException($"{where}: its expense \"{expenseId}\" is not among the backup's expenses.");
            }

            if ((perExpense[expenseId] = perExpense.GetValueOrDefault(expenseId) + 1) > ReceiptRules.MaxPerExpense)
            {
                throw new BackupFormatException($"{where}: the expense \"{expenseId}\" would hold more than {ReceiptRules.MaxPerExpense} receipts.");
            }

            BackupJson.String(item, "fileName", where, 120);
            if (!types.Contains(BackupJson.String(item, "contentType", where, 40)))
            {
                throw new BackupFormatException($"{where}: \"contentType\" is not one of {string.Join(", ", types)}.");
            }

            BackupJson.Number(item, "size", where, 1, ReceiptInspector.MaxSize);
            BackupJson.Time(item, "createdAt", where);
        }

        reading.ListedOnly[Name] = perExpense.Values.Sum();
        return (_, _) => Task.CompletedTask;
    }

    /// <summary>A restore wrote nothing of this section, so there is nothing to take back.</summary>
    public Task EraseAsync(string userId, CancellationToken cancellationToken) => Task.CompletedTask;
}
