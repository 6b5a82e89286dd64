using System.Xml.Linq;
using ExpenseTracker.Web.DataProtection;

namespace ExpenseTracker.Web.Tests.DataProtection;

/// <summary>What every <see cref="IKeyRingStore"/> must do; each provider's tests derive from this class.</summary>
public abstract class KeyRingStoreContract : IAsyncLifetime
{
    /// <summary>A store over fresh, empty storage.</summary>
    protected abstract Task<IKeyRingStore> CreateStoreAsync();

    /// <summary>A second store over the same storage, as another Lambda instance would have.</summary>
    protected abstract IKeyRingStore OpenSameStorageAgain();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AnEmptyRingHasNoKeys()
    {
        var store = await CreateStoreAsync();

        Assert.Empty(await store.GetAllAsync());
    }

    [Fact]
    public async Task KeysStoredByOneInstanceAreReadByAnother()
    {
        var store = await CreateStoreAsync();
        await store.StoreAsync("key-1", "<key id=\"1\"><secret>abc</secret></key>");
        await store.StoreAsync("key-2", "<key id=\"2\" />");

        var keys = await OpenSameStorageAgain().GetAllAsync();

        Assert.Equal(["<key id=\"1\"><secret>abc</secret></key>", "<key id=\"2\" />"], keys.Order());
    }

    [Fact]
    public async Task StoringAKeyNameAgainKeepsTheFirstKey()
    {
        var store = await CreateStoreAsync();
        await store.StoreAsync("key-1", "<key id=\"1\" />");

        await store.StoreAsync("key-1", "<key id=\"1\" changed=\"yes\" />");

        Assert.Equal(["<key id=\"1\" />"], await store.GetAllAsync());
    }

    [Fact]
    public async Task TheDataProtectionRepositoryRoundTripsItsXmlThroughTheStore()
    {
        var repository = new KeyRingXmlRepository(await CreateStoreAsync());
        var element = new XElement("key", new XAttribute("id", "3"), new XElement("descriptor", new XElement("masterKey", "c2VjcmV0")));

        repository.StoreElement(element, "key-3");

        var read = Assert.Single(new KeyRingXmlRepository(OpenSameStorageAgain()).GetAllElements());
        Assert.True(XNode.DeepEquals(element, read));
    }
}
