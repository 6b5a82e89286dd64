namespace ExpenseTracker.Web.DataProtection;

/// <summary>
/// Encrypts each Data Protection key before it is stored, and decrypts it when the ring is read, so that someone who
/// can read the store still cannot sign cookies or antiforgery tokens. In AWS it is KMS (<see cref="Kms.KmsKeyRingCipher"/>);
/// on a laptop there is none, and the ring stays in the local database file as Data Protection wrote it.
/// </summary>
public interface IKeyRingCipher
{
    /// <summary>The ciphertext and the name of the key it was encrypted with (stored beside it, to decrypt with).</summary>
    Task<(byte[] Ciphertext, string KeyId)> EncryptAsync(byte[] plaintext, CancellationToken cancellationToken = default);

    /// <summary>
    /// The plaintext, or <see cref="Storage.StoreUnavailableException"/> when the ciphertext cannot be decrypted now
    /// (the key service is unreachable, or refuses), so that the request answers 503 instead of 500.
    /// </summary>
    Task<byte[]> DecryptAsync(byte[] ciphertext, string keyId, CancellationToken cancellationToken = default);
}
