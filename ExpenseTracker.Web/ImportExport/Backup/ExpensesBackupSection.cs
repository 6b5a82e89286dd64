using System.Text.Json;
using ExpenseTracker.Web.Categories;
using ExpenseTracker.Web.Expenses;

namespace ExpenseTracker.Web.ImportExport.Backup;

/// <summary>
/// Every expense with its id and version: <c>[{"id", "date", "amountPaise", "categoryId", "description", "tags", "version"}]</c>.
/// Written page by page from the store; restored through <see cref="IExpenseStore.RestoreManyAsync"/>, which keeps the
/// totals but runs no budget check (the alerts section brings the alerts back as they were).
/// </summary>
public sealed class ExpensesBackupSection(IExpenseStore store) : IBackupSection
{
    private const int PageSize = 1_000;

    public string Name => "expenses";

    public int Version => 1;

    public int RestoreOrder => 20;

    public async Task WriteAsync(string userId, Utf8JsonWriter writer, CancellationToken cancellationToken)
    {
        writer.WriteStartArray();
        string? cursor = null;
        do
        {
            var page = await store.ListAsync(userId, ExpenseFilter.None, cursor, PageSize, cancellationToken);
            foreach (var expense in page.Items)
            {
                writer.WriteStartObject();
                writer.WriteString("id", expense.Id);
                writer.WriteString("date", ExpenseForm.FormatDate(expense.Date));
                writer.WriteNumber("amountPaise", expense.Amount.Paise);
                writer.WriteString("categoryId", expense.CategoryId);
                writer.WriteString("description", expense.Description);
                writer.WriteStartArray("tags");
                foreach (var tag in expense.Tags)
                {
                    writer.WriteStringValue(tag);
                }

                writer.WriteEndArray();
                writer.WriteNumber("version", expense.Version);
                writer.WriteEndObject();
            }

            await writer.FlushAsync(cancellationToken);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        writer.WriteEndArray();
    }

    public async Task<bool> HoldsDataAsync(string userId, CancellationToken cancellationToken) =>
        (await store.GetTotalsAsync(userId, ExpenseFilter.None, cancellationToken)).Count > 0;

    public RestoreStep Read(JsonElement data, int version, BackupReading reading)
    {
        var expenses = new List<Expense>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (item, where) in BackupJson.Items(data, Name))
        {
            var id = BackupJson.String(item, "id", where, 64);
            var categoryId = BackupJson.String(item, "categoryId", where, 64);
            if (!BuiltInCategories.IsBuiltIn(categoryId) && !reading.CategoryIds.Contains(categoryId))
            {
                throw new BackupFormatException($"{where}: its category \"{categoryId}\" is neither built in nor among the backup's categories.");
            }

            if (!ids.Add(id))
            {
                throw new BackupFormatException($"{where}: the id \"{id}\" appears twice.");
            }

            expenses.Add(new Expense(
                id,
                BackupJson.Date(item, "date", where),
                new Money(BackupJson.Number(item, "amountPaise", where, 1, Money.MaxExpense.Paise)),
                categoryId,
                BackupJson.String(item, "description", where, ExpenseForm.MaxDescriptionLength, allowEmpty: true),
                ReadTags(item, where),
                (int)BackupJson.Number(item, "version", where, 1, int.MaxValue)));
        }

        reading.Counts[Name] = expenses.Count;
        reading.ExpenseIds.UnionWith(ids);
        return async (userId, cancellationToken) =>
        {
            foreach (var chunk in expenses.Chunk(PageSize))
            {
                await store.RestoreManyAsync(userId, chunk, cancellationToken);
            }
        };
    }

    public Task EraseAsync(string userId, CancellationToken cancellationToken) => store.EraseAsync(userId, cancellationToken);

    private static IReadOnlyList<string> ReadTags(JsonElement item, string where)
    {
        if (!item.TryGetProperty("tags", out var tags) || tags.ValueKind != JsonValueKind.Array
            || tags.EnumerateArray().Any(tag => tag.ValueKind != JsonValueKind.String))
        {
            throw new BackupFormatException($"{where}: \"tags\" is not a list of strings.");
        }

        // Stored tags are already trimmed, lower case and sorted; anything else was not written by this app.
        var given = tags.EnumerateArray().Select(tag => tag.GetString()!).ToList();
        var normalized = Tags.Parse(string.Join(',', given));
        return Tags.Problem(normalized) is null && normalized.SequenceEqual(given)
            ? normalized
            : throw new BackupFormatException($"{where}: the tags are not tags this app stores (trimmed, lower case, sorted, at most {Tags.MaxCount} of {Tags.MaxLength} characters).");
    }
}
