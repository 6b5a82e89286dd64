using System.Net;
using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static ExpenseTracker.Web.Tests.Infrastructure.ExpenseTrackerFactory;

namespace ExpenseTracker.Web.Tests.Accounts;

public class LockoutTests : IDisposable
{
    private readonly ExpenseTrackerFactory factory = new();

    public void Dispose() => factory.Dispose();

    private IAccountStore Accounts => factory.Services.GetRequiredService<IAccountStore>();

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountForFiveMinutesEvenAgainstTheRightOne()
    {
        var id = await factory.CreateAccountAsync("asha@example.com");
        var client = factory.CreateAnonymousClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await client.SubmitLoginAsync("asha@example.com", $"wrong passphrase {attempt}");
        }

        // Identity dates lockouts by the system clock, not the app's.
        var lockedAt = DateTimeOffset.UtcNow;
        var response = await client.SubmitLoginAsync("asha@example.com", Password);

        Assert.Contains("locked for 5 minutes after 5 wrong passwords", (await Html.ParseAsync(response)).QuerySelector("#login-problem")!.TextContent);
        Assert.False(await client.IsSignedInAsync());
        var lockoutEnd = (await Accounts.FindByIdAsync(id))!.LockoutEnd!.Value;
        Assert.InRange(lockoutEnd, lockedAt.AddMinutes(4), lockedAt.AddMinutes(5).AddSeconds(5));
    }

    [Fact]
    public async Task WhenTheLockoutHasEndedTheRightPasswordWorksAgain()
    {
        var id = await factory.CreateAccountAsync("asha@example.com");
        var client = factory.CreateAnonymousClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await client.SubmitLoginAsync("asha@example.com", "wrong passphrase");
        }

        var account = (await Accounts.FindByIdAsync(id))!;
        var stamp = account.ConcurrencyStamp;
        account.LockoutEnd = DateTimeOffset.UtcNow.AddSeconds(-1);
        Assert.True(await Accounts.UpdateAsync(account, stamp));

        await client.SignInAsync("asha@example.com", Password);
        Assert.Equal(0, (await Accounts.FindByIdAsync(id))!.AccessFailedCount);
    }

    [Fact]
    public async Task ASuccessfulSignInStartsTheCountAgain()
    {
        var id = await factory.CreateAccountAsync("asha@example.com");
        var client = factory.CreateAnonymousClient();

        for (var round = 0; round < 2; round++)
        {
            for (var attempt = 1; attempt <= 4; attempt++)
            {
                await client.SubmitLoginAsync("asha@example.com", "wrong passphrase");
            }

            await factory.CreateSignedInClientAsync("asha@example.com");
        }

        Assert.Null((await Accounts.FindByIdAsync(id))!.LockoutEnd);
    }

    [Fact]
    public async Task TheNumberOfFailuresAndTheDurationAreConfigurable()
    {
        using var strict = new StrictFactory();
        var id = await strict.CreateAccountAsync("asha@example.com");
        var client = strict.CreateAnonymousClient();

        await client.SubmitLoginAsync("asha@example.com", "wrong passphrase");
        await client.SubmitLoginAsync("asha@example.com", "wrong passphrase");
        var response = await client.SubmitLoginAsync("asha@example.com", Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("locked for 30 minutes after 2 wrong passwords", (await Html.ParseAsync(response)).QuerySelector("#login-problem")!.TextContent);
        Assert.InRange((await strict.Services.GetRequiredService<IAccountStore>().FindByIdAsync(id))!.LockoutEnd!.Value, DateTimeOffset.UtcNow.AddMinutes(29), DateTimeOffset.UtcNow.AddMinutes(30));
    }

    private sealed class StrictFactory : ExpenseTrackerFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            [new("Accounts:Lockout:MaxFailedAttempts", "2"), new("Accounts:Lockout:Duration", "00:30:00")];
    }
}
