using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace ExpenseTracker.Web.DataProtection;

/// <summary>
/// Data Protection's encryptor for the secret part of each key (its master key): the element is replaced by its
/// ciphertext from <see cref="IKeyRingCipher"/>, with the name of the key that encrypted it.
/// </summary>
public sealed class KeyRingXmlEncryptor(IKeyRingCipher cipher) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        // IXmlEncryptor is synchronous; a key is written once every 90 days, so one blocking wait is the whole cost.
        var (ciphertext, keyId) = cipher.EncryptAsync(plaintext).GetAwaiter().GetResult();
        var encrypted = new XElement(
            KeyRingXmlDecryptor.ElementName,
            new XAttribute(KeyRingXmlDecryptor.KeyIdAttribute, keyId),
            Convert.ToBase64String(ciphertext));
        return new EncryptedXmlInfo(encrypted, typeof(KeyRingXmlDecryptor));
    }
}

/// <summary>
/// Reverses <see cref="KeyRingXmlEncryptor"/>. Data Protection creates it by the type name stored in the key, with
/// the app's services, so it finds the cipher there.
/// </summary>
public sealed class KeyRingXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public const string ElementName = "encryptedMasterKey";

    public const string KeyIdAttribute = "keyId";

    public XElement Decrypt(XElement encryptedElement) => Decrypt(encryptedElement, services.GetRequiredService<IKeyRingCipher>());

    public static XElement Decrypt(XElement encryptedElement, IKeyRingCipher cipher)
    {
        var keyId = (string?)encryptedElement.Attribute(KeyIdAttribute) ?? "";
        var ciphertext = Convert.FromBase64String(encryptedElement.Value);
        var plaintext = cipher.DecryptAsync(ciphertext, keyId).GetAwaiter().GetResult();
        return XElement.Parse(Encoding.UTF8.GetString(plaintext));
    }
}
