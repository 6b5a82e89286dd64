using System.Net;
using ExpenseTracker.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static ExpenseTracker.Web.Tests.Infrastructure.ExpenseBuilder;

namespace ExpenseTracker.Web.Tests.Categories;

public class CategoriesPageTests : IDisposable
{
    private readonly ExpenseTrackerFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task TheBuiltInCategoriesAreListedAndCannotBeChanged()
    {
        var page = await factory.CreatePlainClient().GetDocumentAsync("/categories");

        var names = page.QuerySelectorAll("#categories li").Select(item => item.TextContent.Replace("built-in", "").Trim()).ToList();
        Assert.Equal(
            ["Food & Dining", "Groceries", "Transport", "Shopping", "Bills & Utilities", "Rent & Housing", "Entertainment", "Health", "Education", "Travel", "Other"],
            names);
        Assert.Empty(page.QuerySelectorAll("#categories li form"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ANewCategoryIsInTheExpenseDropdownAtOnce(bool htmx)
    {
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/categories");

        var response = await client.SubmitAsync(page.Form("form[action*=Add]"), new Dictionary<string, string> { ["Input.Name"] = "  Pet   care " }, htmx);

        // With htmx the change answers the section it swaps; without, a redirect to the page.
        Assert.Equal(htmx ? HttpStatusCode.OK : HttpStatusCode.Redirect, response.StatusCode);
        var shown = htmx ? await Html.ParseFragmentAsync(response) : await client.GetDocumentAsync(response.Headers.Location!.ToString());
        Assert.Equal("Added \"Pet care\".", htmx ? response.Flash()!.Text : shown.QuerySelector("#flash .flash-text")!.TextContent);
        Assert.Equal(htmx, shown.QuerySelector("nav") is null);
        var options = (await client.GetDocumentAsync("/")).QuerySelectorAll("#add-category option").Select(option => option.TextContent);
        Assert.Contains("Pet care", options);
    }

    [Theory]
    [InlineData("", "Enter a name")]
    [InlineData("Groceries", "already a category")]
    [InlineData("GROCERIES", "already a category")]
    public async Task AnUnusableNameIsExplainedAndNothingIsAdded(string name, string message)
    {
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/categories");

        var response = await client.SubmitAsync(page.Form("form[action*=Add]"), new Dictionary<string, string> { ["Input.Name"] = name }, htmx: true);

        Assert.True(response.StatusCode is HttpStatusCode.UnprocessableEntity or HttpStatusCode.Conflict, $"status {response.StatusCode}");
        var document = await Html.ParseAsync(response);
        Assert.Contains(message, document.QuerySelector("#new-category-error")!.TextContent);
        Assert.Equal(11, document.QuerySelectorAll("#categories li").Length);
    }

    [Fact]
    public async Task AnOverlongNameIsRefused()
    {
        var client = factory.CreatePlainClient();
        var page = await client.GetDocumentAsync("/categories");

        var response = await client.SubmitAsync(page.Form("form[action*=Add]"), new Dictionary<string, string> { ["Input.Name"] = new string('n', 41) });

        Assert.Contains("at most 40 characters", (await Html.ParseAsync(response)).QuerySelector("#new-category-error")!.TextContent);
    }

    [Fact]
    public async Task RenamingKeepsTheExpensesInTheCategory()
    {
        var client = factory.CreatePlainClient();
        var category = await AddCategoryAsync(client, "Pets");
        await factory.AddAsync(Expense.In(category).Described("Vet"));
        var page = await client.GetDocumentAsync("/categories");

        var response = await client.SubmitAsync(page.Form($"form[action*='handler=Rename'][action*='id={category}']"), new Dictionary<string, string> { ["Input.Name"] = "Pet care" }, htmx: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Pet care", (await Html.ParseFragmentAsync(response)).QuerySelector($"#category-{category} input[name='Input.Name']")!.GetAttribute("value"));
        var list = await client.GetDocumentAsync("/");
        Assert.Contains("Pet care", list.QuerySelector("#expense-rows tr[id^=expense-]")!.TextContent);
    }

    [Fact]
    public async Task RenamingToAnotherCategorysNameIsRefused()
    {
        var client = factory.CreatePlainClient();
        var pets = await AddCategoryAsync(client, "Pets");
        await AddCategoryAsync(client, "Garden");
        var page = await client.GetDocumentAsync("/categories");

        var response = await client.SubmitAsync(page.Form($"form[action*='handler=Rename'][action*='id={pets}']"), new Dictionary<string, string> { ["Input.Name"] = "garden" }, htmx: true);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("already have a category called", (await Html.ParseAsync(response)).QuerySelector($"#category-{pets} [role=alert]")!.TextContent);
    }

    [Fact]
    public async Task AnUnusedCategoryCanBeDeleted()
    {
        var client = factory.CreatePlainClient();
        var category = await AddCategoryAsync(client, "Pets");
        var page = await client.GetDocumentAsync("/categories");
        var form = page.Form($"form[action*='handler=Delete'][action*='id={category}']");
        Assert.Equal("Delete the category Pets?", form.GetAttribute("hx-confirm"));

        var response = await client.SubmitAsync(form, htmx: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var section = await Html.ParseFragmentAsync(response);
        Assert.Equal("Category deleted.", response.Flash()!.Text);
        Assert.Null(section.QuerySelector($"#category-{category}"));
        Assert.Null((await client.GetDocumentAsync("/categories")).QuerySelector($"#category-{category}"));
    }

    [Fact]
    public async Task ACategoryInUseIsNotDeletedAndItsExpensesStay()
    {
        var client = factory.CreatePlainClient();
        var category = await AddCategoryAsync(client, "Pets");
        await factory.AddAsync(Expense.In(category));
        await factory.AddAsync(Expense.In(category));
        var page = await client.GetDocumentAsync("/categories");

        var response = await client.SubmitAsync(page.Form($"form[action*='handler=Delete'][action*='id={category}']"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"Pets\" is used by 2 expenses", (await Html.ParseAsync(response)).QuerySelector($"#category-{category} [role=alert]")!.TextContent);
        Assert.Equal(2, (await factory.AllExpensesAsync()).Count);
    }

    [Fact]
    public async Task BuiltInCategoriesAndOtherUsersCategoriesCannotBeRenamedOrDeleted()
    {
        var client = factory.CreatePlainClient();
        var theirs = await factory.Services.GetRequiredService<Web.Categories.ICategoryStore>().AddAsync("someone-else", "Secret");
        var page = await client.GetDocumentAsync("/categories");
        var form = page.Form("form[action*=Add]");

        foreach (var id in new[] { "food", theirs.Id })
        {
            form.SetAttribute("hx-post", $"/categories?handler=Rename&id={id}");
            Assert.Equal(HttpStatusCode.NotFound, (await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Name"] = "Renamed" }, htmx: true)).StatusCode);
            form.SetAttribute("hx-post", $"/categories?handler=Delete&id={id}");
            Assert.Equal(HttpStatusCode.NotFound, (await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Name"] = "" }, htmx: true)).StatusCode);
        }

        Assert.Equal("Secret", Assert.Single(await factory.Services.GetRequiredService<Web.Categories.ICategoryStore>().ListCustomAsync("someone-else")).Name);
    }

    private static async Task<string> AddCategoryAsync(HttpClient client, string name)
    {
        var page = await client.GetDocumentAsync("/categories");
        await client.SubmitAsync(page.Form("form[action*=Add]"), new Dictionary<string, string> { ["Input.Name"] = name });
        var list = await client.GetDocumentAsync("/categories");
        return list.QuerySelectorAll("#categories li[id^=category-]").Single(item => item.QuerySelector("input[name='Input.Name']")?.GetAttribute("value") == name).Id!["category-".Length..];
    }
}
