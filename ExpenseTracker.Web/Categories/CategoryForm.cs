
namespace ExpenseTracker.Web.Categories;

/// <summary>A category's name as a person types it on the Categories page, to add or rename one.</summary>
public sealed class CategoryForm
{
    public string? Name { get; set; }

    /// <summary>The name to store, or the message for <see cref="Name"/>.</summary>
    public Checked<string> Validate() =>
        Names.Check(Name, CategoryCatalog.MaxNameLength, nameof(Name), "Enter a name for the category.", "A category name");
}
