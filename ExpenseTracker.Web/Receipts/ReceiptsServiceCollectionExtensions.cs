using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.ImportExport;
using ExpenseTracker.Web.Receipts.DynamoDb;
using ExpenseTracker.Web.Receipts.LocalFolder;
using ExpenseTracker.Web.Receipts.S3;
using ExpenseTracker.Web.Receipts.Sqlite;
using ExpenseTracker.Web.Security;

namespace ExpenseTracker.Web.Receipts;

public static class ReceiptsServiceCollectionExtensions
{
    /// <summary>
    /// The receipt metadata store of the chosen storage provider, the file store Receipts:Provider names (a folder, or
    /// S3 with browsers uploading straight to it, whose origin the Content-Security-Policy then allows), the service the
    /// pages use, the erasure of a deleted account's files, and the backup's list of receipts.
    /// </summary>
    public static IServiceCollection AddReceipts(this IServiceCollection services)
    {
        services.AddOptions<ReceiptOptions>()
            .BindConfiguration(ReceiptOptions.Section)
            .Validate(options => Enum.IsDefined(options.Provider), "Receipts:Provider must be Folder or S3.")
            .Validate(options => options.Provider != ReceiptFilesProvider.S3 || options.S3.BucketName.Length > 0, "Receipts:S3:BucketName is needed with Receipts:Provider S3.")
            // Set-aside files must outlive the undo of their expense's delete, or Undo would bring it back without them.
            .Validate<IOptions<ExpenseBinOptions>>(
                (options, bin) => options.DetachedGracePeriod > bin.Value.UndoWindow + ExpenseBin.Grace,
                "Receipts:DetachedGracePeriod must be longer than Expenses:UndoWindow, so that an undone delete gets its receipts back.")
            .ValidateOnStart();
        services.AddStore<IReceiptStore, SqliteReceiptStore, DynamoDbReceiptStore>();
        services.AddKeyedSingleton<IReceiptFiles, FolderReceiptFiles>(ReceiptFilesProvider.Folder);
        services.AddS3ReceiptFiles();
        services.AddSingleton(provider => provider.GetRequiredKeyedService<IReceiptFiles>(provider.GetRequiredService<IOptions<ReceiptOptions>>().Value.Provider));
        services.AddSingleton<ExpenseReceipts>();
        services.AddSingleton<IDeletedExpenseHandler, ReceiptsOfDeletedExpenses>();
        services.AddSingleton<IUserDataEraser, ReceiptFilesEraser>();
        services.AddHostedService<ReceiptFilesStartup>();
        services.AddBackupSection<ReceiptsBackupSection>();
        services.AddOptions<ContentSecurityOptions>().Configure<IServiceProvider>((policy, provider) =>
        {
            if (provider.GetRequiredService<IReceiptFiles>() is IDirectUploads direct)
            {
                policy.FileOrigins.Add(direct.Origin);
            }
        });
        return services;
    }
}

/// <summary>Deleting an account deletes its receipt files too (the store's eraser deletes their metadata).</summary>
public sealed class ReceiptFilesEraser(IReceiptFiles files) : IUserDataEraser
{
    public Task EraseAsync(string userId, CancellationToken cancellationToken = default) => files.EraseAsync(userId, cancellationToken);
}

/// <summary>Says at start-up where receipt files are kept, as the store says where the data is.</summary>
public sealed class ReceiptFilesStartup(IReceiptFiles files, ILogger<ReceiptFilesStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Storing receipts in {ReceiptLocation}", files.Location);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
