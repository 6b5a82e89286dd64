namespace ExpenseTracker.Web.Categories;

/// <summary>The categories every user starts with. Their ids are stable: stored expenses refer to them.</summary>
public static class BuiltInCategories
{
    /// <summary>The catch-all. It always exists, so there is always somewhere to put an expense.</summary>
    public const string OtherId = "other";

    public static readonly IReadOnlyList<Category> All =
    [
        new("food", "Food & Dining", true),
        new("groceries", "Groceries", true),
        new("transport", "Transport", true),
        new("shopping", "Shopping", true),
        new("bills", "Bills & Utilities", true),
        new("rent", "Rent & Housing", true),
        new("entertainment", "Entertainment", true),
        new("health", "Health", true),
        new("education", "Education", true),
        new("travel", "Travel", true),
        new(OtherId, "Other", true),
    ];

    public static bool IsBuiltIn(string id) => All.Any(category => category.Id == id);
}
