using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ExpenseTracker.Web.DataProtection;

/// <summary>Data Protection's repository interface over <see cref="IKeyRingStore"/>.</summary>
public sealed class KeyRingXmlRepository(IKeyRingStore store) : IXmlRepository
{
    // IXmlRepository is synchronous. Data Protection reads the ring once and caches it for hours, and ASP.NET Core
    // has no synchronization context to deadlock on, so blocking here costs one wait per refresh.
    public IReadOnlyCollection<XElement> GetAllElements() =>
        store.GetAllAsync().GetAwaiter().GetResult().Select(xml => XElement.Parse(xml)).ToList();

    public void StoreElement(XElement element, string friendlyName) =>
        store.StoreAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting)).GetAwaiter().GetResult();
}
