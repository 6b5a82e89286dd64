namespace ExpenseTracker.Web.DataProtection;

/// <summary>
/// Where the Data Protection key ring lives: in the app's own store, so that every Lambda instance, and every
/// instance after a cold start, signs and reads antiforgery tokens and cookies with the same keys.
/// Each store provider registers its implementation.
/// </summary>
public interface IKeyRingStore
{
    /// <summary>Every key ever stored, as the XML Data Protection wrote it.</summary>
    Task<IReadOnlyList<string>> GetAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds a key under its name (Data Protection's "key-{id}"). Keys are never changed once written.</summary>
    Task StoreAsync(string name, string xml, CancellationToken cancellationToken = default);
}
