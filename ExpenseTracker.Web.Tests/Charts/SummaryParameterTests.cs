using System.Net;
using System.Net.Http.Json;
using ExpenseTracker.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace ExpenseTracker.Web.Tests.Charts;

/// <summary>Parameters a summary cannot be made from answer 400 ProblemDetails naming the parameter and the reason.</summary>
public class SummaryParameterTests(ExpenseTrackerFactory factory) : IClassFixture<ExpenseTrackerFactory>
{
    [Theory]
    [InlineData("by-day?from=2026-11-20&to=2026-11-10", "to", "The end date is before the start date.")]
    [InlineData("by-month?from=2027-06-01", "from", "The start date 2027-06-01 is after the end date 2026-11-30")]
    [InlineData("by-category?from=yesterday", "from", "Enter a real date as YYYY-MM-DD.")]
    [InlineData("by-day?to=2026-02-30", "to", "Enter a real date as YYYY-MM-DD.")]
    [InlineData("by-day?from=2025-11-01&to=2026-11-02", "to", "A daily summary covers at most 366 days; 2025-11-01 to 2026-11-02 is 367.")]
    [InlineData("by-month?from=2021-11-01&to=2026-11-30", "to", "A summary covers at most 60 months (5 years); 2021-11-01 to 2026-11-30 spans 61.")]
    [InlineData("by-category?from=2020-01-01&to=2026-11-30", "to", "A summary covers at most 60 months")]
    [InlineData("by-category?category=no-such-category", "category", "That category does not exist.")]
    [InlineData("by-day?tag=abcdefghijklmnopqrstuvwxyz12345", "tag", "A tag is at most 30 characters.")]
    public async Task AParameterThatCannotBeUsedAnswers400NamingItAndWhy(string url, string parameter, string message)
    {
        var response = await factory.CreatePlainClient().GetAsync($"/api/summaries/{url}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!;
        Assert.Contains(message, Assert.Single(problem.Errors[parameter]));
        Assert.Contains(message, problem.Detail);
    }

    [Theory]
    [InlineData("by-day?from=2028-01-01&to=2028-12-31")]
    [InlineData("by-month?from=2021-12-01&to=2026-11-30")]
    [InlineData("by-category?from=2021-12-01&to=2026-11-30")]
    public async Task TheLongestAllowedRangesAreAnswered(string url)
    {
        var response = await factory.CreatePlainClient().GetAsync($"/api/summaries/{url}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
