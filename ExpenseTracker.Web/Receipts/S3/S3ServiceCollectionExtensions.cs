using Amazon.S3;

namespace ExpenseTracker.Web.Receipts.S3;

public static class S3ServiceCollectionExtensions
{
    /// <summary>
    /// S3 as the receipt file store that Receipts:Provider may name. The client is built only when S3 is chosen: a laptop
    /// never creates one.
    /// </summary>
    public static IServiceCollection AddS3ReceiptFiles(this IServiceCollection services)
    {
        services.AddSingleton<IAmazonS3>(provider => S3Client.Create(provider.GetRequiredService<IOptions<ReceiptOptions>>().Value.S3));
        services.AddKeyedSingleton<IReceiptFiles, S3ReceiptFiles>(ReceiptFilesProvider.S3);
        return services;
    }
}
