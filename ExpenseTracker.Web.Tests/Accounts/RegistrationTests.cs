using System.Net;
using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static ExpenseTracker.Web.Tests.Infrastructure.ExpenseTrackerFactory;

namespace ExpenseTracker.Web.Tests.Accounts;

public class RegistrationTests : IDisposable
{
    private readonly ExpenseTrackerFactory factory = new();

    public void Dispose() => factory.Dispose();

    private IAccountStore Accounts => factory.Services.GetRequiredService<IAccountStore>();

    [Fact]
    public async Task RegisteringCreatesTheAccountWithAHashedPasswordAndSignsIn()
    {
        var client = factory.CreateAnonymousClient();

        var response = await client.RegisterAsync(" Asha@Example.com ", Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.ToString());
        var page = await client.GetDocumentAsync("/");
        Assert.Equal("Asha@Example.com", page.QuerySelector("#nav-account")!.TextContent);
        Assert.Contains("Welcome", page.QuerySelector("[role=status]")!.TextContent);
        var account = (await Accounts.FindByNormalizedEmailAsync("ASHA@EXAMPLE.COM"))!;
        Assert.DoesNotContain(Password, account.PasswordHash);
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<UserAccount>().VerifyHashedPassword(account, account.PasswordHash!, Password));
        Assert.True(account.LockoutEnabled);
    }

    [Theory]
    [InlineData("", Password, Password, "email", "Enter your email address")]
    [InlineData("not-an-email", Password, Password, "email", "email address like name@example.com")]
    [InlineData("a@example.com", "too short", "too short", "password", "at least 10 characters")]
    [InlineData("a@example.com", Password, "another passphrase", "confirmpassword", "not the same")]
    public async Task BadInputIsExplainedBesideItsFieldAndCreatesNoAccount(string email, string password, string confirmation, string field, string message)
    {
        var client = factory.CreateAnonymousClient();

        var response = await client.RegisterAsync(email, password, confirmation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await Html.ParseAsync(response)).QuerySelector($"#account-{field}-error")!.TextContent);
        Assert.False(await Accounts.AnyAsync());
        Assert.False(await client.IsSignedInAsync());
    }

    [Fact]
    public async Task AnEmailAlreadyRegisteredInAnyCaseIsRefused()
    {
        var existing = await factory.CreateAccountAsync("taken@example.com");
        var client = factory.CreateAnonymousClient();

        var response = await client.RegisterAsync("TAKEN@example.com", "some other passphrase");

        Assert.Contains("is already taken", (await Html.ParseAsync(response)).QuerySelector("#account-email-error")!.TextContent);
        Assert.Equal(existing, (await Accounts.FindByNormalizedEmailAsync("TAKEN@EXAMPLE.COM"))!.Id);
        await factory.CreateSignedInClientAsync("taken@example.com");
    }

    [Fact]
    public async Task ByDefaultOnlyTheFirstPersonCanRegister()
    {
        using var personal = new FactoryWithRegistration(null);
        var first = personal.CreateAnonymousClient();
        var second = personal.CreateAnonymousClient();
        var loginPage = await second.GetDocumentAsync("/account/login");
        Assert.NotNull(loginPage.QuerySelector("a[href='/account/register']"));
        // The second person opened the form while registration was still open.
        var secondForm = await second.GetDocumentAsync("/account/register");

        Assert.Equal(HttpStatusCode.Redirect, (await first.RegisterAsync("first@example.com", Password)).StatusCode);
        var late = await second.SubmitAsync(secondForm.Form("#register-form"), new Dictionary<string, string>
        {
            ["Input.Email"] = "second@example.com",
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        });

        Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
        Assert.Contains("Registration is closed", (await Html.ParseAsync(late)).QuerySelector("#registration-closed")!.TextContent);
        Assert.Null(await personal.Services.GetRequiredService<IAccountStore>().FindByNormalizedEmailAsync("SECOND@EXAMPLE.COM"));
        var closedPage = await second.GetAsync("/account/register");
        Assert.Equal(HttpStatusCode.Forbidden, closedPage.StatusCode);
        Assert.Null((await Html.ParseAsync(closedPage)).QuerySelector("#register-form"));
        Assert.Null((await second.GetDocumentAsync("/account/login")).QuerySelector("a[href='/account/register']"));
    }

    [Fact]
    public async Task ClosedRegistrationRefusesEvenTheFirstPersonButExistingAccountsSignIn()
    {
        using var closed = new FactoryWithRegistration("Closed");
        var client = closed.CreateAnonymousClient();

        var response = await client.GetAsync("/account/register");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotNull((await Html.ParseAsync(response)).QuerySelector("#registration-closed"));
        await closed.CreateAccountAsync("existing@example.com");
        Assert.True(await (await closed.CreateSignedInClientAsync("existing@example.com")).IsSignedInAsync());
    }

    [Fact]
    public async Task OpenRegistrationLetsEveryoneRegister()
    {
        using var open = new FactoryWithRegistration("Open");

        foreach (var email in new[] { "one@example.com", "two@example.com", "three@example.com" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await open.CreateAnonymousClient().RegisterAsync(email, Password)).StatusCode);
        }

        Assert.NotNull(await open.Services.GetRequiredService<IAccountStore>().FindByNormalizedEmailAsync("THREE@EXAMPLE.COM"));
    }

    [Theory]
    [InlineData("Accounts:Registration", "Sometimes")]
    [InlineData("Accounts:Registration", "")]
    [InlineData("Accounts:Lockout:MaxFailedAttempts", "0")]
    [InlineData("Accounts:RateLimit:Window", "00:00:00")]
    public void ABadAccountsSettingStopsTheAppAtStartUpWithItsName(string key, string value)
    {
        using var misconfigured = new FactoryWithSetting(key, value);

        var problem = Assert.ThrowsAny<Exception>(() => misconfigured.Services);

        Assert.Contains(key.Split(':')[1], problem.ToString());
    }

    private sealed class FactoryWithSetting(string key, string value) : ExpenseTrackerFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new(key, value)];
    }

    /// <summary>The app with Accounts:Registration set to <paramref name="mode"/>; null unsets the tests' "Open", leaving the app's default.</summary>
    private sealed class FactoryWithRegistration(string? mode) : ExpenseTrackerFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Accounts:Registration", mode)];
    }
}
