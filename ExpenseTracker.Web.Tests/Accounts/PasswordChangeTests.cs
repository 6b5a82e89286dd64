using System.Net;
using ExpenseTracker.Web.Tests.Infrastructure;
using static ExpenseTracker.Web.Tests.Infrastructure.ExpenseTrackerFactory;

namespace ExpenseTracker.Web.Tests.Accounts;

public class PasswordChangeTests : IDisposable
{
    private const string NewPassword = "a brand new passphrase";

    private readonly ExpenseTrackerFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task ChangingThePasswordSignsOutEveryOtherSessionAndKeepsThisOne()
    {
        var laptop = factory.CreatePlainClient();
        var phone = factory.CreatePlainClient();

        var response = await ChangeAsync(laptop, Password, NewPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("signed out everywhere else", (await laptop.GetDocumentAsync("/account")).QuerySelector("[role=status]")!.TextContent);
        Assert.True(await laptop.IsSignedInAsync());
        Assert.False(await phone.IsSignedInAsync());
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateAnonymousClient().SubmitLoginAsync(factory.DefaultEmail, Password)).StatusCode);
        await factory.CreateAnonymousClient().SignInAsync(factory.DefaultEmail, NewPassword);
    }

    [Theory]
    [InlineData("not my passphrase", NewPassword, NewPassword, "currentpassword", "not your current password")]
    [InlineData(Password, "too short", "too short", "newpassword", "at least 10 characters")]
    [InlineData(Password, NewPassword, "something else entirely", "confirmpassword", "not the same")]
    [InlineData("", NewPassword, NewPassword, "currentpassword", "Enter your current password")]
    public async Task BadInputIsExplainedAndThePasswordStaysTheSame(string current, string next, string confirmation, string field, string message)
    {
        var client = factory.CreatePlainClient();
        var other = factory.CreatePlainClient();

        var response = await ChangeAsync(client, current, next, confirmation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await Html.ParseAsync(response)).QuerySelector($"#account-{field}-error")!.TextContent);
        Assert.True(await other.IsSignedInAsync());
        await factory.CreateAnonymousClient().SignInAsync(factory.DefaultEmail, Password);
    }

    [Fact]
    public async Task GuessingTheCurrentPasswordCountsTowardsTheLockout()
    {
        var client = factory.CreatePlainClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await ChangeAsync(client, "not my passphrase", NewPassword);
        }

        var response = await factory.CreateAnonymousClient().SubmitLoginAsync(factory.DefaultEmail, Password);

        Assert.Contains("locked", (await Html.ParseAsync(response)).QuerySelector("#login-problem")!.TextContent);
    }

    private static async Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current, string next, string? confirmation = null)
    {
        var page = await client.GetDocumentAsync("/account");
        return await client.SubmitAsync(page.Form("#password-form"), new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = confirmation ?? next,
        });
    }
}
