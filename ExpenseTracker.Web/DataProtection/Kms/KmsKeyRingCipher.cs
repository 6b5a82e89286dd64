using System.Collections.Concurrent;
using System.Net.Sockets;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Amazon.Runtime;
using ExpenseTracker.Web.Storage;

namespace ExpenseTracker.Web.DataProtection.Kms;

/// <summary>
/// Encrypts the key ring's secrets with one KMS key (template.yaml's KeyRingKey), so that the keys in the table are
/// ciphertext that only the function's role can decrypt. Any failure of KMS is logged and becomes a 503: without its
/// keys the app can neither read a sign-in cookie nor check a form, and a person should hear "try again", not "error".
/// </summary>
public sealed class KmsKeyRingCipher(IAmazonKeyManagementService kms, IOptions<KeyRingKmsOptions> options, ILogger<KmsKeyRingCipher> logger)
    : IKeyRingCipher
{
    // The ring is decrypted as it is read (KeyRingXmlRepository) and then by Data Protection's decryptor: one KMS call
    // per key and process, not two. A key's secret never changes, so a plaintext once decrypted stays right.
    private readonly ConcurrentDictionary<string, byte[]> decrypted = new(StringComparer.Ordinal);

    public const string UnavailableMessage = "The keys that protect your sign-in cannot be read right now, so nothing was changed. Try again in a moment.";

    /// <summary>
    /// Binds each ciphertext to its use: KMS decrypts it only under the same context, and CloudTrail shows it on every call.
    /// </summary>
    public static Dictionary<string, string> EncryptionContext() =>
        new() { ["app"] = DataProtectionExtensions.ApplicationName, ["use"] = "data-protection-key-ring" };

    public async Task<(byte[] Ciphertext, string KeyId)> EncryptAsync(byte[] plaintext, CancellationToken cancellationToken = default)
    {
        var keyId = options.Value.KeyId;
        try
        {
            var response = await kms.EncryptAsync(
                new EncryptRequest { KeyId = keyId, Plaintext = new MemoryStream(plaintext), EncryptionContext = EncryptionContext() },
                cancellationToken);
            return (response.CiphertextBlob.ToArray(), keyId);
        }
        catch (Exception exception) when (IsKmsFailure(exception, cancellationToken))
        {
            logger.LogError(exception, "KMS key {KeyId} did not encrypt a new Data Protection key: {Reason}", keyId, Reason(exception));
            throw new StoreUnavailableException(UnavailableMessage, exception);
        }
    }

    public async Task<byte[]> DecryptAsync(byte[] ciphertext, string keyId, CancellationToken cancellationToken = default)
    {
        var cacheKey = keyId + " " + Convert.ToBase64String(ciphertext);
        if (decrypted.TryGetValue(cacheKey, out var known))
        {
            return known;
        }

        try
        {
            // Naming the key makes KMS refuse a ciphertext of any other key, instead of trying whichever made it.
            var response = await kms.DecryptAsync(
                new DecryptRequest { CiphertextBlob = new MemoryStream(ciphertext), KeyId = keyId, EncryptionContext = EncryptionContext() },
                cancellationToken);
            return decrypted[cacheKey] = response.Plaintext.ToArray();
        }
        catch (Exception exception) when (IsKmsFailure(exception, cancellationToken))
        {
            logger.LogError(exception, "KMS key {KeyId} did not decrypt the Data Protection key ring: {Reason}", keyId, Reason(exception));
            throw new StoreUnavailableException(UnavailableMessage, exception);
        }
    }

    private static string Reason(Exception exception) =>
        exception is AmazonServiceException { ErrorCode: { Length: > 0 } code } ? $"{code}: {exception.Message}" : exception.Message;

    // Refusals (access denied, a disabled key, a ciphertext of another key), server faults after the SDK's retries,
    // and connections that failed or timed out; not the caller giving up.
    private static bool IsKmsFailure(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        AmazonServiceException or AmazonClientException => true,
        HttpRequestException or IOException or SocketException or TimeoutException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };
}
