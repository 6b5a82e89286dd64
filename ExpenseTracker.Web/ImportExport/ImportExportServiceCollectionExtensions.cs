namespace ExpenseTracker.Web.ImportExport;

public static class ImportExportServiceCollectionExtensions
{
    /// <summary>CSV export of the expense list, the account's backup and its restore, and CSV import.</summary>
    public static IServiceCollection AddImportExport(this IServiceCollection services) => services;

    /// <summary>The download endpoints: /api/expenses.csv.</summary>
    public static IEndpointRouteBuilder MapImportExport(this IEndpointRouteBuilder app) => app.MapExportApi();
}
