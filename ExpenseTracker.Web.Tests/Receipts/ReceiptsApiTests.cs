using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ExpenseTracker.Web.Tests.Receipts;

/// <summary>Receipts through the JSON API with an access token, as a script sends them.</summary>
public sealed class ReceiptsApiTests : IDisposable
{
    private readonly ExpenseTrackerFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task AScriptAttachesListsAndRemovesReceipts()
    {
        var client = await factory.CreateTokenClientAsync();
        var expense = await factory.AddAsync(ExpenseBuilder.Expense.Described("Lunch"));
        var url = $"/api/expenses/{expense.Id}/receipts";

        var attached = await client.PostAsync(url, Files(("bill.jpg", SampleFiles.JpegWithLocation()), ("bill.pdf", SampleFiles.Pdf())));

        Assert.Equal(HttpStatusCode.Created, attached.StatusCode);
        var listed = await client.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(["bill.jpg", "bill.pdf"], listed.EnumerateArray().Select(receipt => receipt.GetProperty("fileName").GetString()));
        Assert.Equal("image/jpeg", listed[0].GetProperty("contentType").GetString());
        var removed = await client.DeleteAsync($"{url}/{listed[0].GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Single((await client.GetFromJsonAsync<JsonElement>(url)).EnumerateArray());
    }

    [Fact]
    public async Task AHostileFileIsRefusedWithProblemDetailsAndNothingIsAttached()
    {
        var client = await factory.CreateTokenClientAsync();
        var expense = await factory.AddAsync(ExpenseBuilder.Expense.Described("Lunch"));
        var url = $"/api/expenses/{expense.Id}/receipts";

        var refused = await client.PostAsync(url, Files(("bill.jpg", SampleFiles.HtmlPage())));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.Contains("is a web page or a drawing", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>(url)).EnumerateArray());
    }

    [Fact]
    public async Task AttachingToAnotherPersonsExpenseIsNotFound()
    {
        var client = await factory.CreateTokenClientAsync();
        var theirs = await factory.AddAsync(ExpenseBuilder.Expense.Described("Theirs"), userId: "someone-else");

        var response = await client.PostAsync($"/api/expenses/{theirs.Id}/receipts", Files(("bill.pdf", SampleFiles.Pdf())));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }


    private static MultipartFormDataContent Files(params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, content) in files)
        {
            form.Add(new ByteArrayContent(content), "file", name);
        }

        return form;
    }
}
