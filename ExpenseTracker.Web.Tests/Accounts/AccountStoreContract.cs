using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ExpenseTracker.Web.Tests.Accounts;

/// <summary>What every <see cref="IAccountStore"/> must do. A store's test class derives from this and creates its app.</summary>
public abstract class AccountStoreContract : IDisposable
{
    private readonly ExpenseTrackerFactory factory;

    protected AccountStoreContract() => factory = CreateFactory();

    protected abstract ExpenseTrackerFactory CreateFactory();

    public void Dispose()
    {
        factory.Dispose();
        GC.SuppressFinalize(this);
    }

    private IAccountStore Store => factory.Services.GetRequiredService<IAccountStore>();

    private static UserAccount NewAccount(string email) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        Email = email,
        NormalizedEmail = email.ToUpperInvariant(),
        PasswordHash = "hash-of-" + email,
        SecurityStamp = Guid.NewGuid().ToString("N"),
        LockoutEnabled = true,
        CreatedAt = new DateTimeOffset(2026, 11, 15, 6, 30, 0, TimeSpan.Zero),
    };

    [Fact]
    public async Task AnAccountReadsBackFieldForFieldByIdAndByEmail()
    {
        var account = NewAccount("Asha@Example.com");
        account.LockoutEnd = new DateTimeOffset(2026, 11, 15, 12, 5, 7, 123, TimeSpan.FromHours(5.5));
        account.AccessFailedCount = 2;

        Assert.Equal(AccountCreation.Created, await Store.CreateAsync(account, onlyIfNoAccountExists: false));

        foreach (var stored in new[] { await Store.FindByIdAsync(account.Id), await Store.FindByNormalizedEmailAsync("ASHA@EXAMPLE.COM") })
        {
            Assert.NotNull(stored);
            Assert.Equal(
                (account.Id, account.Email, account.NormalizedEmail, account.PasswordHash, account.SecurityStamp, account.ConcurrencyStamp),
                (stored.Id, stored.Email, stored.NormalizedEmail, stored.PasswordHash, stored.SecurityStamp, stored.ConcurrencyStamp));
            Assert.Equal((account.LockoutEnd, account.AccessFailedCount, account.LockoutEnabled, account.CreatedAt), (stored.LockoutEnd, stored.AccessFailedCount, stored.LockoutEnabled, stored.CreatedAt));
        }

        Assert.Null(await Store.FindByIdAsync("no-such-id"));
        Assert.Null(await Store.FindByNormalizedEmailAsync("NOBODY@EXAMPLE.COM"));
    }

    [Fact]
    public async Task ASecondAccountWithTheSameEmailIsRefusedAndTheFirstStaysAsItWas()
    {
        var first = NewAccount("asha@example.com");
        await Store.CreateAsync(first, onlyIfNoAccountExists: false);

        var result = await Store.CreateAsync(NewAccount("asha@example.com"), onlyIfNoAccountExists: false);

        Assert.Equal(AccountCreation.EmailTaken, result);
        Assert.Equal(first.Id, (await Store.FindByNormalizedEmailAsync("ASHA@EXAMPLE.COM"))!.Id);
    }

    [Fact]
    public async Task OfManyPeopleRacingToBeTheFirstExactlyOneRegisters()
    {
        Assert.False(await Store.AnyAsync());

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => Store.CreateAsync(NewAccount($"racer{i}@example.com"), onlyIfNoAccountExists: true))));

        Assert.Single(results, result => result == AccountCreation.Created);
        Assert.All(results.Where(result => result != AccountCreation.Created), result => Assert.Equal(AccountCreation.NotFirstAccount, result));
        Assert.True(await Store.AnyAsync());
    }

    [Fact]
    public async Task AnUpdateWithAStaleConcurrencyStampWritesNothing()
    {
        var account = NewAccount("asha@example.com");
        await Store.CreateAsync(account, onlyIfNoAccountExists: false);
        var original = account.ConcurrencyStamp;

        account.PasswordHash = "new-hash";
        account.SecurityStamp = "new-stamp";
        account.LockoutEnd = new DateTimeOffset(2026, 11, 15, 7, 0, 0, TimeSpan.Zero);
        account.AccessFailedCount = 5;
        account.ConcurrencyStamp = "second";
        Assert.True(await Store.UpdateAsync(account, original));

        account.PasswordHash = "lost-update";
        account.ConcurrencyStamp = "third";
        Assert.False(await Store.UpdateAsync(account, original));

        var stored = (await Store.FindByIdAsync(account.Id))!;
        Assert.Equal(("new-hash", "new-stamp", "second", 5), (stored.PasswordHash, stored.SecurityStamp, stored.ConcurrencyStamp, stored.AccessFailedCount));
        Assert.Equal(account.LockoutEnd, stored.LockoutEnd);
    }

    [Fact]
    public async Task AnUpdateNeverChangesTheEmail()
    {
        var account = NewAccount("asha@example.com");
        await Store.CreateAsync(account, onlyIfNoAccountExists: false);

        account.Email = "other@example.com";
        account.NormalizedEmail = "OTHER@EXAMPLE.COM";
        var stamp = account.ConcurrencyStamp;
        account.ConcurrencyStamp = "next";
        await Store.UpdateAsync(account, stamp);

        Assert.Equal("asha@example.com", (await Store.FindByIdAsync(account.Id))!.Email);
        Assert.Null(await Store.FindByNormalizedEmailAsync("OTHER@EXAMPLE.COM"));
    }

    [Fact]
    public async Task ADeletedAccountIsGoneAndItsEmailCanRegisterAgain()
    {
        var account = NewAccount("asha@example.com");
        var other = NewAccount("other@example.com");
        await Store.CreateAsync(account, onlyIfNoAccountExists: false);
        await Store.CreateAsync(other, onlyIfNoAccountExists: false);

        await Store.DeleteAsync(account.Id);
        await Store.DeleteAsync(account.Id);

        Assert.Null(await Store.FindByIdAsync(account.Id));
        Assert.Null(await Store.FindByNormalizedEmailAsync("ASHA@EXAMPLE.COM"));
        Assert.False(await Store.UpdateAsync(account, account.ConcurrencyStamp));
        Assert.NotNull(await Store.FindByIdAsync(other.Id));
        Assert.Equal(AccountCreation.Created, await Store.CreateAsync(NewAccount("asha@example.com"), onlyIfNoAccountExists: false));
    }
}

public sealed class SqliteAccountStoreTests : AccountStoreContract
{
    protected override ExpenseTrackerFactory CreateFactory() => new();
}
