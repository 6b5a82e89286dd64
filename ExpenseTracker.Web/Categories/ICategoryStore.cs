namespace ExpenseTracker.Web.Categories;

/// <summary>A user's own categories. Built-in ones are not stored; see <see cref="CategoryCatalog"/>.</summary>
public interface ICategoryStore : IUserDataEraser
{
    Task<IReadOnlyList<Category>> ListCustomAsync(string userId, CancellationToken cancellationToken = default);

    /// <exception cref="Storage.DuplicateNameException">The user already has a category of that name.</exception>
    Task<Category> AddAsync(string userId, string name, CancellationToken cancellationToken = default);

    /// <summary>Stores a category a backup recorded, with its own id (the restored expenses refer to it).</summary>
    /// <exception cref="Storage.DuplicateNameException">The user already has a category of that name (or id).</exception>
    Task RestoreAsync(string userId, Category category, CancellationToken cancellationToken = default);

    /// <exception cref="Storage.NotFoundException">No such custom category for this user.</exception>
    /// <exception cref="Storage.DuplicateNameException">Another category already has that name.</exception>
    Task<Category> RenameAsync(string userId, string id, string name, CancellationToken cancellationToken = default);

    /// <summary>Deletes a custom category that no expense uses; checked in the same transaction as the delete.</summary>
    /// <exception cref="Storage.NotFoundException">No such custom category for this user.</exception>
    /// <exception cref="Storage.CategoryInUseException">Expenses still use it.</exception>
    Task DeleteAsync(string userId, string id, CancellationToken cancellationToken = default);
}
