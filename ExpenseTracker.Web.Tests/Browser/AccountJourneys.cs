using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExpenseTracker.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public partial class AccountJourneys(Chromium chromium) : BrowserJourney(chromium)
{
    private const string Email = "asha@example.com";
    private const string Passphrase = "mangoes in the monsoon";

    protected override bool StartSignedIn => false;

    [Fact]
    public async Task AVisitorRegistersSignsOutAndSignsInAgain()
    {
        await OpenAsync("/");
        await Expect(Page).ToHaveURLAsync(LoginPage());
        await InspectPageAsync("login");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Create one" }).ClickAsync();
        var register = Page.Locator("#register-form");
        await register.GetByLabel("Email").FillAsync(Email);
        await register.GetByLabel("Password", new() { Exact = true }).FillAsync(Passphrase);
        await register.GetByLabel("Password again").FillAsync(Passphrase);
        await InspectPageAsync("register");
        await register.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(App.BaseAddress.ToString());
        await Expect(Page.Locator("#nav-account")).ToHaveTextAsync(Email);
        await Expect(Page.Locator("#add-form")).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(LoginPage());
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("You are signed out.");
        await Expect(Page.Locator("#nav-account")).ToHaveCountAsync(0);
        await OpenAsync("/categories");
        await Expect(Page).ToHaveURLAsync(LoginPage());

        await SignInAsync(Email, Passphrase);

        await Expect(Page.Locator("#nav-account")).ToHaveTextAsync(Email);
        await Expect(Page.Locator("[data-total]")).ToHaveTextAsync("₹0.00");
    }

    [GeneratedRegex(@"/account/login(\?.*)?$")]
    private static partial Regex LoginPage();
}
