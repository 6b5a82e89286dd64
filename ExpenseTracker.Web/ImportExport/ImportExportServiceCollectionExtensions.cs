using ExpenseTracker.Web.ImportExport.Backup;
using ExpenseTracker.Web.ImportExport.Import;
using ExpenseTracker.Web.ImportExport.Import.DynamoDb;
using ExpenseTracker.Web.ImportExport.Import.Sqlite;

namespace ExpenseTracker.Web.ImportExport;

public static class ImportExportServiceCollectionExtensions
{
    /// <summary>CSV export of the expense list, the account's backup and its restore, and CSV import.</summary>
    public static IServiceCollection AddImportExport(this IServiceCollection services)
    {
        services.AddOptions<ImportExportOptions>()
            .BindConfiguration(ImportExportOptions.Section)
            .Validate(options => options.MaxUploadBytes > 0, "ImportExport: MaxUploadBytes must be above 0.")
            .ValidateOnStart();
        services.AddBackupSection<CategoriesBackupSection>();
        services.AddBackupSection<ExpensesBackupSection>();
        services.AddBackupSection<BudgetBackupSection>();
        services.AddBackupSection<AlertsBackupSection>();
        services.AddScoped<BackupDocument>();
        services.AddScoped<BackupRestore>();
        services.AddStore<IImportStore, SqliteImportStore, DynamoDbImportStore>();
        services.AddScoped<ImportPlanner>();
        services.AddScoped<ImportRunner>();
        return services;
    }

    /// <summary>A feature's part of the backup (see <see cref="IBackupSection"/>): one line in that feature's AddX.</summary>
    public static IServiceCollection AddBackupSection<TSection>(this IServiceCollection services)
        where TSection : class, IBackupSection =>
        services.AddScoped<IBackupSection, TSection>();

    /// <summary>The download and restore endpoints: /api/expenses.csv, /api/backup.</summary>
    public static IEndpointRouteBuilder MapImportExport(this IEndpointRouteBuilder app) => app.MapExportApi().MapBackupApi();
}
