using ExpenseTracker.Web.DataProtection.DynamoDb;
using ExpenseTracker.Web.DataProtection.Sqlite;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace ExpenseTracker.Web.DataProtection;

public static class DataProtectionExtensions
{
    /// <summary>Shared by every instance: the keys are only usable by processes with the same application name.</summary>
    public const string ApplicationName = "ExpenseTracker";

    /// <summary>
    /// Keeps the Data Protection key ring in the store the provider registered as <see cref="IKeyRingStore"/>
    /// (the chosen provider's) instead of the local disk, which a Lambda instance loses at every cold start.
    /// </summary>
    public static IServiceCollection AddKeyRingInStore(this IServiceCollection services)
    {
        services.AddStore<IKeyRingStore, SqliteKeyRingStore, DynamoDbKeyRingStore>();
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(options =>
                options.XmlRepository = new KeyRingXmlRepository(provider.GetRequiredService<IKeyRingStore>())));
        return services;
    }
}
