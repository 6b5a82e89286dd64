using System.Net;
using AngleSharp.Html.Dom;
using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static ExpenseTracker.Web.Tests.Infrastructure.ExpenseTrackerFactory;

namespace ExpenseTracker.Web.Tests.Accounts;

/// <summary>
/// Every form that changes something refuses a post without its antiforgery token, or with someone else's, with 400
/// and changes nothing. Add a row for every new form: the same form with its own token must work, so a row that names no
/// real form fails.
/// </summary>
public class AntiforgeryTests : IDisposable
{
    private readonly ExpenseTrackerFactory factory = new();

    public void Dispose() => factory.Dispose();

    /// <summary>The page (with {expense} for the signed-in person's expense), the form on it, and whether the visitor is signed in.</summary>
    public static TheoryData<string, string, bool, bool> Forms()
    {
        (string Page, string Form, bool SignedIn)[] forms =
        [
            ("/", "#add-form", true),
            ("/", "#logout-form", true),
            ("/expenses/{expense}/edit", "main form", true),
            ("/expenses/{expense}/delete", "main form", true),
            ("/categories", "form[action*=Add]", true),
            ("/categories", "form[action*=Rename]", true),
            ("/categories", "form[action*=Delete]", true),
            ("/settings/budget", "#budget-form", true),
            ("/settings/tokens", "form[action*=Create]", true),
            ("/settings/tokens", "form[action*=Revoke]", true),
            ("/account", "#password-form", true),
            ("/account/delete", "#delete-account-form", true),
            ("/account/logout", "#logout-page-form", true),
            ("/account/login", "#login-form", false),
            ("/account/register", "#register-form", false),
        ];
        var data = new TheoryData<string, string, bool, bool>();
        foreach (var (page, form, signedIn) in forms)
        {
            data.Add(page, form, signedIn, false);
            data.Add(page, form, signedIn, true);
        }

        return data;
    }

    /// <summary>Values that make each form valid, so that only the token decides.</summary>
    private static readonly Dictionary<string, string> ValidValues = new()
    {
        ["Input.Amount"] = "5",
        ["Input.Name"] = "Renamed here",
        ["Input.Email"] = "asha@example.com",
        ["Input.Password"] = Password,
        ["Input.ConfirmPassword"] = Password,
        ["Input.CurrentPassword"] = Password,
        ["Input.NewPassword"] = "a brand new passphrase",
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task APostWithoutTheTokenOrWithSomeoneElsesIs400AndChangesNothing(string pageUrl, string formSelector, bool signedIn, bool othersToken)
    {
        var owned = await factory.AddOneOfEachAsync(factory.DefaultUserId, "Owner");
        var client = signedIn ? factory.CreatePlainClient() : factory.CreateAnonymousClient();
        var (someoneElse, _) = await factory.CreateUserAsync("someone@example.com");
        var url = pageUrl.Replace("{expense}", owned.ExpenseId);
        var before = await factory.SnapshotAsync(factory.DefaultUserId);

        var page = await client.GetDocumentAsync(url);
        var form = page.Form(formSelector);
        var field = (IHtmlInputElement)form.QuerySelector("input[name=__RequestVerificationToken]")!;
        if (othersToken)
        {
            // Another person's token: a signed-in one for a signed-in form, another visitor's for the anonymous ones.
            var theirs = signedIn ? await someoneElse.GetDocumentAsync("/") : await factory.CreateAnonymousClient().GetDocumentAsync(url);
            field.Value = theirs.AntiforgeryToken()!;
        }
        else
        {
            field.Remove();
        }

        var response = await client.SubmitAsync(form, FieldsOf(form));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await factory.SnapshotAsync(factory.DefaultUserId));
        Assert.Null(await factory.Services.GetRequiredService<IAccountStore>().FindByNormalizedEmailAsync("ASHA@EXAMPLE.COM"));
        if (signedIn)
        {
            Assert.True(await client.IsSignedInAsync());
        }

        var fresh = await client.GetDocumentAsync(url);
        var control = await client.SubmitAsync(fresh.Form(formSelector), FieldsOf(fresh.Form(formSelector)));
        Assert.True((int)control.StatusCode < 400, $"the same form with its own token answered {(int)control.StatusCode}");
    }

    private static Dictionary<string, string> FieldsOf(IHtmlFormElement form) =>
        ValidValues.Where(value => form.Elements.Any(element => element.GetAttribute("name") == value.Key))
            .ToDictionary(value => value.Key, value => value.Value);
}
