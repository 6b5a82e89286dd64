using System.Text.Json;
using ExpenseTracker.Web.Categories;

namespace ExpenseTracker.Web.ImportExport.Backup;

/// <summary>The person's own categories with their ids (the built-in ones are the same everywhere): <c>[{"id", "name"}]</c>.</summary>
public sealed class CategoriesBackupSection(ICategoryStore store) : IBackupSection
{
    public string Name => "categories";

    public int Version => 1;

    public int RestoreOrder => 10;

    public async Task WriteAsync(string userId, Utf8JsonWriter writer, CancellationToken cancellationToken)
    {
        writer.WriteStartArray();
        foreach (var category in await store.ListCustomAsync(userId, cancellationToken))
        {
            writer.WriteStartObject();
            writer.WriteString("id", category.Id);
            writer.WriteString("name", category.Name);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    public async Task<bool> HoldsDataAsync(string userId, CancellationToken cancellationToken) =>
        (await store.ListCustomAsync(userId, cancellationToken)).Count > 0;

    public RestoreStep Read(JsonElement data, int version, BackupReading reading)
    {
        var categories = new List<Category>();
        foreach (var (item, where) in BackupJson.Items(data, Name))
        {
            var id = BackupJson.String(item, "id", where, 64);
            var name = BackupJson.String(item, "name", where, CategoryCatalog.MaxNameLength);
            if (BuiltInCategories.IsBuiltIn(id) || !reading.CategoryIds.Add(id))
            {
                throw new BackupFormatException($"{where}: the id \"{id}\" is a built-in category's or appears twice.");
            }

            categories.Add(new Category(id, name));
        }

        reading.Counts[Name] = categories.Count;
        return async (userId, cancellationToken) =>
        {
            foreach (var category in categories)
            {
                await store.RestoreAsync(userId, category, cancellationToken);
            }
        };
    }

    public Task EraseAsync(string userId, CancellationToken cancellationToken) => store.EraseAsync(userId, cancellationToken);
}
