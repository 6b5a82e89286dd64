using System.Text.Json;
using ExpenseTracker.Web.Budgets;
using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.Validation;

namespace ExpenseTracker.Web.ImportExport.Backup;

/// <summary>
/// The budget alerts as they were recorded:
/// <c>[{"period", "level", "budgetPaise", "percent", "thresholdPaise", "totalPaise", "createdAt"}]</c>. Restored as already
/// delivered: they were sent when first raised.
/// </summary>
public sealed class AlertsBackupSection(IAlertStore store) : IBackupSection
{
    public string Name => "alerts";

    public int Version => 1;

    public int RestoreOrder => 40;

    public async Task WriteAsync(string userId, Utf8JsonWriter writer, CancellationToken cancellationToken)
    {
        writer.WriteStartArray();
        foreach (var alert in await store.ListAsync(userId, int.MaxValue, cancellationToken))
        {
            writer.WriteStartObject();
            writer.WriteString("period", alert.Period);
            writer.WriteString("level", alert.Level.ToString());
            writer.WriteNumber("budgetPaise", alert.Budget.Paise);
            writer.WriteNumber("percent", alert.Percent);
            writer.WriteNumber("thresholdPaise", alert.Threshold.Paise);
            writer.WriteNumber("totalPaise", alert.Total.Paise);
            writer.WriteString("createdAt", alert.CreatedAt.UtcDateTime);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    public async Task<bool> HoldsDataAsync(string userId, CancellationToken cancellationToken) =>
        (await store.ListAsync(userId, 1, cancellationToken)).Count > 0;

    public RestoreStep Read(JsonElement data, int version, BackupReading reading)
    {
        var alerts = new List<BudgetAlert>();
        foreach (var (item, where) in BackupJson.Items(data, Name))
        {
            var period = BackupJson.String(item, "period", where, 7);
            if (period != BudgetSettings.AllTimeKey && !(SupportedDates.TryParse(period + "-01", out var month) && SupportedDates.Contains(month)))
            {
                throw new BackupFormatException($"{where}: \"period\" is neither a month (yyyy-MM) nor \"all\".");
            }

            alerts.Add(new BudgetAlert(
                period,
                BackupJson.Enum<AlertLevel>(item, "level", where),
                new Money(BackupJson.Number(item, "budgetPaise", where, 1, BudgetSettings.MaxAmount.Paise)),
                (int)BackupJson.Number(item, "percent", where, 1, 100),
                new Money(BackupJson.Number(item, "thresholdPaise", where, 0, BudgetSettings.MaxAmount.Paise)),
                new Money(BackupJson.Number(item, "totalPaise", where, 0, long.MaxValue / 2)),
                BackupJson.Time(item, "createdAt", where)));
        }

        reading.Counts[Name] = alerts.Count;
        return (userId, cancellationToken) => store.RestoreAsync(userId, alerts, cancellationToken);
    }

    public Task EraseAsync(string userId, CancellationToken cancellationToken) => store.EraseAsync(userId, cancellationToken);
}
