
namespace ExpenseTracker.Web.Categories;

/// <summary>The categories a user can choose from: the built-in set followed by their own, and the rules for names.</summary>
public sealed class CategoryCatalog(ICategoryStore store)
{
    public const int MaxNameLength = 40;

    public async Task<IReadOnlyList<Category>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        var custom = await store.ListCustomAsync(userId, cancellationToken);
        return [.. BuiltInCategories.All, .. custom.OrderBy(category => category.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    public async Task<Category> AddAsync(string userId, string name, CancellationToken cancellationToken = default)
    {
        var cleaned = Names.Clean(name);
        ThrowIfBuiltInName(cleaned);
        return await store.AddAsync(userId, cleaned, cancellationToken);
    }

    public async Task<Category> RenameAsync(string userId, string id, string name, CancellationToken cancellationToken = default)
    {
        if (BuiltInCategories.IsBuiltIn(id))
        {
            throw new NotFoundException("Built-in categories cannot be renamed.");
        }

        var cleaned = Names.Clean(name);
        ThrowIfBuiltInName(cleaned);
        return await store.RenameAsync(userId, id, cleaned, cancellationToken);
    }

    public Task DeleteAsync(string userId, string id, CancellationToken cancellationToken = default) =>
        BuiltInCategories.IsBuiltIn(id)
            ? throw new NotFoundException("Built-in categories cannot be deleted.")
            : store.DeleteAsync(userId, id, cancellationToken);

    private static void ThrowIfBuiltInName(string name)
    {
        if (BuiltInCategories.All.Any(category => string.Equals(category.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DuplicateNameException($"\"{name}\" is already a category.");
        }
    }
}
