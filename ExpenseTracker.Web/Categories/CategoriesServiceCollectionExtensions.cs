using ExpenseTracker.Web.Categories.DynamoDb;
using ExpenseTracker.Web.Categories.Sqlite;

namespace ExpenseTracker.Web.Categories;

public static class CategoriesServiceCollectionExtensions
{
    /// <summary>The built-in categories and each person's own, with the rules for their names.</summary>
    public static IServiceCollection AddCategories(this IServiceCollection services)
    {
        services.AddStore<ICategoryStore, SqliteCategoryStore, DynamoDbCategoryStore>();
        services.AddScoped<CategoryCatalog>();
        return services;
    }
}
