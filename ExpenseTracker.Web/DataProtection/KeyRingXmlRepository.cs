using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ExpenseTracker.Web.DataProtection;

/// <summary>
/// Data Protection's repository interface over <see cref="IKeyRingStore"/>. With a <paramref name="cipher"/> (KMS in
/// AWS), every encrypted secret is decrypted as the ring is read, so that a ring KMS will not decrypt fails whole:
/// Data Protection would otherwise skip each key it cannot decrypt, find no key, and write a new one, signing
/// everyone out on every instance.
/// </summary>
public sealed class KeyRingXmlRepository(IKeyRingStore store, IKeyRingCipher? cipher = null) : IXmlRepository
{
    // IXmlRepository is synchronous. Data Protection reads the ring once and caches it for hours, and ASP.NET Core
    // has no synchronization context to deadlock on, so blocking here costs one wait per refresh.
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var elements = store.GetAllAsync().GetAwaiter().GetResult().Select(xml => XElement.Parse(xml)).ToList();
        foreach (var secret in elements.SelectMany(element => element.Descendants(KeyRingXmlDecryptor.ElementName)))
        {
            // Throws StoreUnavailableException (a 503) when KMS refuses; the plaintext is kept for the decryptor.
            KeyRingXmlDecryptor.Decrypt(secret, cipher ?? throw new InvalidOperationException(
                "The stored key ring is encrypted, but DataProtection:Kms:KeyId is not set: set it to the key that encrypted it."));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName) =>
        store.StoreAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting)).GetAwaiter().GetResult();
}
