using ExpenseTracker.Web.DataProtection.DynamoDb;
using ExpenseTracker.Web.DataProtection.Kms;
using ExpenseTracker.Web.DataProtection.Sqlite;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.KeyManagement.Internal;

namespace ExpenseTracker.Web.DataProtection;

public static class DataProtectionExtensions
{
    /// <summary>Shared by every instance: the keys are only usable by processes with the same application name.</summary>
    public const string ApplicationName = "ExpenseTracker";

    /// <summary>
    /// Keeps the Data Protection key ring in the store the provider registered as <see cref="IKeyRingStore"/>
    /// (the chosen provider's) instead of the local disk, which a Lambda instance loses at every cold start; with
    /// DataProtection:Kms:KeyId set (in AWS), each key's secret is stored encrypted by that KMS key.
    /// </summary>
    public static IServiceCollection AddKeyRingInStore(this IServiceCollection services)
    {
        services.AddStore<IKeyRingStore, SqliteKeyRingStore, DynamoDbKeyRingStore>();
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddKeyRingKms();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(options =>
            {
                var cipher = provider.GetRequiredService<IOptions<KeyRingKmsOptions>>().Value.KeyId.Length > 0
                    ? provider.GetRequiredService<IKeyRingCipher>()
                    : null;
                options.XmlRepository = new KeyRingXmlRepository(provider.GetRequiredService<IKeyRingStore>(), cipher);
                options.XmlEncryptor = cipher is null ? null : new KeyRingXmlEncryptor(cipher);
            }));
        return services;
    }

    /// <summary>
    /// Reads the key ring before sign-in is checked (Data Protection caches it; the store and KMS are asked only when
    /// it is due for a refresh). A ring that cannot be read then answers 503 through the store's exception handling,
    /// where the session cookie would otherwise fail to decrypt in silence and send a signed-in person to sign in.
    /// Endpoints open to everyone (the health check, robots.txt) do not need it.
    /// </summary>
    public static WebApplication UseKeyRingBeforeSignIn(this WebApplication app)
    {
        var keyRing = app.Services.GetRequiredService<IKeyRingProvider>();
        app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is null)
            {
                keyRing.GetCurrentKeyRing();
            }

            return next(context);
        });
        return app;
    }
}
