using Amazon.KeyManagementService;

namespace ExpenseTracker.Web.DataProtection.Kms;

public static class KmsServiceCollectionExtensions
{
    /// <summary>
    /// The "DataProtection:Kms" options and KMS as the key ring's <see cref="IKeyRingCipher"/>. Nothing is built until a
    /// key is configured and the ring is encrypted or read: a laptop never creates a KMS client.
    /// </summary>
    public static IServiceCollection AddKeyRingKms(this IServiceCollection services)
    {
        services.AddOptions<KeyRingKmsOptions>().BindConfiguration(KeyRingKmsOptions.Section);
        services.AddSingleton<IAmazonKeyManagementService>(provider =>
            KmsClient.Create(provider.GetRequiredService<IOptions<KeyRingKmsOptions>>().Value));
        services.AddSingleton<IKeyRingCipher, KmsKeyRingCipher>();
        return services;
    }
}
