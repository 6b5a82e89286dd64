using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Storage;
using ExpenseTracker.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ExpenseTracker.Web.Tests.Accounts;

/// <summary>What every <see cref="IAccessTokenStore"/> must do. A store's test class derives from this and creates its app.</summary>
public abstract class AccessTokenStoreContract : IDisposable
{
    private readonly ExpenseTrackerFactory factory;

    protected AccessTokenStoreContract() => factory = CreateFactory();

    protected abstract ExpenseTrackerFactory CreateFactory();

    public void Dispose()
    {
        factory.Dispose();
        GC.SuppressFinalize(this);
    }

    private IAccessTokenStore Store => factory.Services.GetRequiredService<IAccessTokenStore>();

    private static readonly DateTimeOffset Noon = new(2026, 11, 15, 6, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task TokensListOldestFirstForTheirOwnerOnlyAndAreFoundByHash()
    {
        await Store.AddAsync("asha", new AccessToken("t2", "second", Noon.AddMinutes(1)), "hash-2");
        await Store.AddAsync("asha", new AccessToken("t1", "first", Noon), "hash-1");
        await Store.AddAsync("ravi", new AccessToken("t3", "ravi's", Noon), "hash-3");

        Assert.Equal([new AccessToken("t1", "first", Noon), new AccessToken("t2", "second", Noon.AddMinutes(1))], await Store.ListAsync("asha"));
        Assert.Equal("asha", await Store.FindUserIdAsync("hash-2"));
        Assert.Equal("ravi", await Store.FindUserIdAsync("hash-3"));
        Assert.Null(await Store.FindUserIdAsync("hash-unknown"));
    }

    [Fact]
    public async Task RevokingRemovesTheTokenAtOnceAndOnlyForItsOwner()
    {
        await Store.AddAsync("asha", new AccessToken("t1", "mine", Noon), "hash-1");

        await Assert.ThrowsAsync<NotFoundException>(() => Store.RevokeAsync("ravi", "t1"));
        Assert.Equal("asha", await Store.FindUserIdAsync("hash-1"));

        await Store.RevokeAsync("asha", "t1");
        Assert.Null(await Store.FindUserIdAsync("hash-1"));
        Assert.Empty(await Store.ListAsync("asha"));
        await Assert.ThrowsAsync<NotFoundException>(() => Store.RevokeAsync("asha", "t1"));
    }

    [Fact]
    public async Task ErasingAUsersDataRemovesTheirTokensOnly()
    {
        await Store.AddAsync("asha", new AccessToken("t1", "mine", Noon), "hash-1");
        await Store.AddAsync("ravi", new AccessToken("t2", "his", Noon), "hash-2");
        var eraser = factory.Services.GetServices<IUserDataEraser>().Single(candidate => candidate is IAccessTokenStore);

        await eraser.EraseAsync("asha");
        await eraser.EraseAsync("asha");

        Assert.Null(await Store.FindUserIdAsync("hash-1"));
        Assert.Equal("ravi", await Store.FindUserIdAsync("hash-2"));
    }
}

public sealed class SqliteAccessTokenStoreTests : AccessTokenStoreContract
{
    protected override ExpenseTrackerFactory CreateFactory() => new();
}
