using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using ExpenseTracker.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace ExpenseTracker.Web.Tests.HostileInput;

/// <summary>
/// What every answer to hostile input must be: the right status, the right kind of body (the HTML error page for
/// people, ProblemDetails on the API), and a sentence a person can act on, with no .NET type, namespace or binder
/// jargon in it.
/// </summary>
public static partial class HumanAnswers
{
    /// <summary>Fails when <paramref name="text"/> gives away the framework: a type or namespace, a generic arity, binder words.</summary>
    public static void AssertNoTypeNames(string text, string context)
    {
        var leak = FrameworkWords().Match(text);
        Assert.False(leak.Success, $"{context} names a .NET type or binder detail (\"{leak.Value}\"):\n{text[..Math.Min(text.Length, 2000)]}");
    }

    /// <summary>The app's HTML error page with <paramref name="status"/>, and the sentence that says what went wrong.</summary>
    public static async Task<string> AssertErrorPageAsync(HttpResponseMessage response, HttpStatusCode status, string context)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{context} answered {(int)response.StatusCode}, not {(int)status}:\n{body[..Math.Min(body.Length, 1000)]}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await Html.ParseAsync(response);
        Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("main .display-6")?.TextContent.Trim());
        // What went wrong when the app knows it exactly, else the page's explanation of the status.
        var detail = (page.QuerySelector("[data-error-detail]") ?? page.QuerySelector("main h1 ~ p"))?.TextContent.Trim();
        AssertSentence(detail, context);
        AssertNoTypeNames(page.QuerySelector("main")!.TextContent, context);
        return detail!;
    }

    /// <summary>ProblemDetails with <paramref name="status"/>, a sentence, and (when given) a message keyed by <paramref name="field"/>.</summary>
    public static async Task<ValidationProblemDetails> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string context, string? field = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{context} answered {(int)response.StatusCode}, not {(int)status}:\n{body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        AssertNoTypeNames(body, context);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!;
        AssertSentence(problem.Detail, context);
        if (field is not null)
        {
            Assert.True(problem.Errors.ContainsKey(field), $"{context}: no message for \"{field}\" in {body}");
            Assert.All(problem.Errors[field], message => AssertSentence(message, context));
        }

        return problem;
    }

    /// <summary>The invalid-feedback message shown beside the field named <paramref name="name"/>, which must be marked invalid.</summary>
    public static string MessageBeside(IHtmlDocument page, string name, string context)
    {
        var field = page.QuerySelector($"[name='{name}']");
        Assert.True(field is not null, $"{context}: no field named {name}");
        Assert.True(field.ClassList.Contains("is-invalid"), $"{context}: the field {name} is not marked invalid");
        var message = field.ParentElement!.QuerySelector(".invalid-feedback")?.TextContent.Trim();
        AssertSentence(message, context);
        return message!;
    }

    private static void AssertSentence(string? text, string context)
    {
        Assert.False(string.IsNullOrWhiteSpace(text), $"{context}: no message");
        Assert.True(text!.TrimEnd().EndsWith('.'), $"{context}: \"{text}\" is not a sentence");
        AssertNoTypeNames(text, context);
    }

    [GeneratedRegex(@"System\.|Microsoft\.|ExpenseTracker\.Web|`\d|Nullable|Failed to bind|could not be converted|Exception\b|Int32|Int64|\bString\b|parameter ""|LineNumber|BytePositionInLine")]
    private static partial Regex FrameworkWords();
}
