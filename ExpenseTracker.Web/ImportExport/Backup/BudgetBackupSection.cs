using System.Text.Json;
using ExpenseTracker.Web.Budgets;
using ExpenseTracker.Web.Expenses;

namespace ExpenseTracker.Web.ImportExport.Backup;

/// <summary>The budget: <c>{"amountPaise", "period", "warningPercent"}</c>. A restore saves it over the configured default.</summary>
public sealed class BudgetBackupSection(IBudgetStore store) : IBackupSection
{
    public string Name => "budget";

    public int Version => 1;

    public int RestoreOrder => 30;

    public async Task WriteAsync(string userId, Utf8JsonWriter writer, CancellationToken cancellationToken)
    {
        var budget = await store.GetAsync(userId, cancellationToken);
        writer.WriteStartObject();
        writer.WriteNumber("amountPaise", budget.Amount.Paise);
        writer.WriteString("period", budget.Period.ToString());
        writer.WriteNumber("warningPercent", budget.WarningPercent);
        writer.WriteEndObject();
    }

    /// <summary>Every account has a budget (the default until saved); a restore replaces it.</summary>
    public Task<bool> HoldsDataAsync(string userId, CancellationToken cancellationToken) => Task.FromResult(false);

    public RestoreStep Read(JsonElement data, int version, BackupReading reading)
    {
        const string where = "The budget";
        if (data.ValueKind != JsonValueKind.Object)
        {
            throw new BackupFormatException($"{where} of this backup is not an object.");
        }

        var budget = new BudgetSettings(
            new Money(BackupJson.Number(data, "amountPaise", where, 1, BudgetSettings.MaxAmount.Paise)),
            BackupJson.Enum<BudgetPeriod>(data, "period", where),
            (int)BackupJson.Number(data, "warningPercent", where, 0, BudgetSettings.MaxWarningPercent));
        return (userId, cancellationToken) => store.SaveAsync(userId, budget, cancellationToken);
    }

    public Task EraseAsync(string userId, CancellationToken cancellationToken) => store.EraseAsync(userId, cancellationToken);
}
