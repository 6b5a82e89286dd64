using System.Net;
using AngleSharp.Html.Dom;
using ExpenseTracker.Web.Tests.Infrastructure;

namespace ExpenseTracker.Web.Tests.Expenses;

public class ExpenseValidationTests : IDisposable
{
    private readonly ExpenseTrackerFactory factory = new();

    public void Dispose() => factory.Dispose();

    public static TheoryData<string, string, string, string> BadInputs => new()
    {
        // field, value, the field's id suffix, a phrase of the message
        { "Input.Amount", "-5", "amount", "must be more than ₹0; leave out the minus sign" },
        { "Input.Amount", "−5", "amount", "must be more than ₹0; leave out the minus sign" },
        { "Input.Amount", "0", "amount", "more than ₹0" },
        { "Input.Amount", "0.00", "amount", "more than ₹0" },
        { "Input.Amount", "twelve", "amount", "rupees" },
        { "Input.Amount", "12.345", "amount", "The amount can have at most two decimals (paise)" },
        { "Input.Amount", "1e5", "amount", "Enter the amount in rupees, like 250 or 1,499.50" },
        { "Input.Amount", "-0", "amount", "The amount must be more than ₹0." },
        { "Input.Amount", "9999999999999999999999", "amount", "at most ₹1,00,00,000.00" },
        { "Input.Amount", "10000000.01", "amount", "at most ₹1,00,00,000.00" },
        { "Input.Amount", "99999999999", "amount", "at most ₹1,00,00,000.00" },
        { "Input.Amount", "", "amount", "Enter an amount" },
        { "Input.Date", "", "date", "Enter the date" },
        { "Input.Date", "2026-02-30", "date", "real date" },
        { "Input.Date", "15/11/2026", "date", "real date" },
        { "Input.Date", "1999-12-31", "date", "between 2000-01-01" },
        { "Input.Date", "2028-01-01", "date", "between 2000-01-01 and 2027-11-15" },
        { "Input.CategoryId", "no-such-category", "category", "listed categories" },
        { "Input.CategoryId", "", "category", "Choose a category" },
        { "Input.Description", new string('x', 201), "description", "200 characters" },
        { "Input.Tags", string.Join(",", Enumerable.Range(1, 11).Select(i => $"t{i}")), "tags", "at most 10 tags" },
        { "Input.Tags", new string('t', 31), "tags", "at most 30 characters" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task AFullPagePostWithABadValueShowsTheMessageNextToTheFieldAndStoresNothing(string field, string value, string id, string message)
    {
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/");

        var response = await client.SubmitAsync(page.Form("#add-form"), ValidExpenseWith(field, value));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Html.ParseAsync(response);
        AssertFieldError(document, id, message);
        Assert.Empty(await factory.AllExpensesAsync());
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task AnHtmxPostWithABadValueReturnsTheFormWithTheMessageAs422AndStoresNothing(string field, string value, string id, string message)
    {
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/");

        var response = await client.SubmitAsync(page.Form("#add-form"), ValidExpenseWith(field, value), htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.False(response.Headers.Contains("HX-Trigger"));
        var fragment = await Html.ParseFragmentAsync(response);
        AssertFieldError(fragment, id, message);
        Assert.Empty(await factory.AllExpensesAsync());
    }

    [Fact]
    public async Task TheFormKeepsWhatWasTypedWhenItComesBackWithErrors()
    {
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/");

        var response = await client.SubmitAsync(page.Form("#add-form"), ValidExpenseWith("Input.Amount", "12.345"), htmx: true);

        var fragment = await Html.ParseFragmentAsync(response);
        Assert.Equal("12.345", ((IHtmlInputElement)fragment.QuerySelector("#add-amount")!).Value);
        Assert.Equal("Lunch", ((IHtmlInputElement)fragment.QuerySelector("#add-description")!).Value);
    }

    [Fact]
    public async Task APostWithoutTheAntiforgeryTokenIsRefusedWith400()
    {
        var client = factory.CreatePlainClient();
        await client.GetDocumentAsync("/");

        var response = await client.PostAsync("/?handler=Add", new FormUrlEncodedContent(ValidExpenseWith("Input.Amount", "100")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await factory.AllExpensesAsync());
    }

    [Fact]
    public async Task AnHtmxPostWithAWrongAntiforgeryHeaderIsRefusedWith400()
    {
        var client = factory.CreatePlainClient();
        await client.GetDocumentAsync("/");
        var request = new HttpRequestMessage(HttpMethod.Post, "/?handler=Add") { Content = new FormUrlEncodedContent(ValidExpenseWith("Input.Amount", "100")) };
        request.Headers.Add("HX-Request", "true");
        request.Headers.Add("RequestVerificationToken", "not-a-token");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await factory.AllExpensesAsync());
    }

    [Fact]
    public async Task HtmlInDescriptionTagsAndCategoryNamesIsShownAsTextNeverAsMarkup()
    {
        var client = factory.CreatePlainClient();
        var categories = await client.GetDocumentAsync("/categories");
        await client.SubmitAsync(categories.Form("form[action*=Add]"), new Dictionary<string, string> { ["Input.Name"] = "<b>Bold</b>" });
        var page = await client.GetDocumentAsync("/");
        var category = page.QuerySelectorAll("#add-category option").Single(option => option.TextContent == "<b>Bold</b>").GetAttribute("value")!;

        await client.SubmitAsync(page.Form("#add-form"), new Dictionary<string, string>
        {
            ["Input.Amount"] = "10",
            ["Input.CategoryId"] = category,
            ["Input.Description"] = "<script>alert('x')</script>",
            ["Input.Tags"] = "<img src=x onerror=alert(1)>",
        });

        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.DoesNotContain("<b>Bold</b>", html);
        var row = (await Html.ParseAsync(response)).QuerySelector("#expense-rows tr[id^=expense-]")!;
        Assert.Contains("<script>alert('x')</script>", row.TextContent);
        Assert.Contains("<img src=x onerror=alert(1)>", row.TextContent);
        Assert.Contains("<b>Bold</b>", row.TextContent);
    }

    private static Dictionary<string, string> ValidExpenseWith(string field, string value)
    {
        var values = new Dictionary<string, string>
        {
            ["Input.Amount"] = "100",
            ["Input.Date"] = "2026-11-14",
            ["Input.CategoryId"] = "food",
            ["Input.Description"] = "Lunch",
            ["Input.Tags"] = "",
        };
        values[field] = value;
        return values;
    }

    private static void AssertFieldError(AngleSharp.Dom.IDocument document, string id, string message)
    {
        var input = document.QuerySelector($"#add-{id}")!;
        Assert.Contains("is-invalid", input.ClassName);
        var error = document.QuerySelector(input.GetAttribute("aria-describedby") is { } describedBy ? $"#{describedBy}" : ".invalid-feedback")!;
        Assert.Contains(message, error.TextContent);
    }
}
